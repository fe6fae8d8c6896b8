/**
 * The API model's `Name` shape, which fleet, stack and image names share: a letter or digit, then up
 * to 100 letters, digits, `_`, `.` or `-` (101 characters; a registry schema may cap a name lower).
 */
export const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$/;

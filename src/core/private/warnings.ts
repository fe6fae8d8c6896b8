/**
 * Every warning the library adds, by id. The ids are public: users acknowledge them
 * (`Annotations.of(scope).acknowledgeWarning(id)`), so they are spelt one way,
 * `cdk-appstream:<kebab-case-topic>`, listed in the README, and never renamed.
 */
export const Warnings = {
  DEFAULT_INTERNET_ACCESS_IN_PRIVATE_SUBNETS: 'cdk-appstream:default-internet-access-in-private-subnets',
  UPDATE_BEHAVIOR_WITHOUT_RUNNING_STATE: 'cdk-appstream:update-behavior-without-running-state',
  START_ON_CREATE_WITH_DESIRED_STATE: 'cdk-appstream:start-on-create-with-desired-state',
  SESSION_SCRIPT_BUCKET_POLICY: 'cdk-appstream:session-script-bucket-policy',
  STACK_GRANT_WITHOUT_FLEET: 'cdk-appstream:stack-grant-without-fleet',
  DOMAIN_SIGNIN_WITHOUT_DOMAIN_JOIN: 'cdk-appstream:domain-signin-without-domain-join',
  PLAIN_TEXT_PASSWORD: 'cdk-appstream:plain-text-password',
  ORGANIZATIONAL_UNIT_OUTSIDE_DOMAIN: 'cdk-appstream:organizational-unit-outside-domain',
  EMAIL_NOTIFICATION_WITHOUT_USER_POOL: 'cdk-appstream:email-notification-without-user-pool',
  DIRECTORY_NAME_NOT_DNS_NAME: 'cdk-appstream:directory-name-not-dns-name',
  ORGANIZATIONAL_UNITS_EMPTY_OR_REPEATED: 'cdk-appstream:organizational-units-empty-or-repeated',
  VALUE_BEYOND_NARROWEST_LIMIT: 'cdk-appstream:value-beyond-narrowest-limit',
  APPFABRIC_ONE_APP_BUNDLE_PER_REGION: 'cdk-appstream:appfabric-one-app-bundle-per-region',
  APPFABRIC_DESTINATION_NOT_PREPARED: 'cdk-appstream:appfabric-destination-not-prepared',
  THEME_IMAGE_TYPE: 'cdk-appstream:theme-image-type',
  GIVEN_NAME_BLOCKS_REPLACEMENT: 'cdk-appstream:given-name-blocks-replacement',
  ELASTIC_FLEET_WITHOUT_APPLICATION: 'cdk-appstream:elastic-fleet-without-application',
  APP_FILE_BUCKET_POLICY: 'cdk-appstream:app-file-bucket-policy',
} as const;

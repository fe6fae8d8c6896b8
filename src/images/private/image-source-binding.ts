import * as iam from 'aws-cdk-lib/aws-iam';
import { IDependable } from 'constructs';

/** What an `ImageSource` gives the `Image` that uses it. */
export interface ImageSourceBinding {
  /** The `Source` property of the custom resource, without description and display name. */
  readonly properties: Record<string, unknown>;
  /** The role AppStream assumes (imports): the handler must be allowed to pass it. */
  readonly role?: iam.IRole;
  /** The ARN of the image updated (CreateUpdatedImage): the handler must be allowed to act on it. */
  readonly sourceImageArn?: string;
  /** What must exist before the image is made (the role's policy). */
  readonly dependencies: IDependable[];
}

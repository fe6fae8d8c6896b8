import { IResource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * An AppStream stack: owned (`Stack`) or imported (`Stack.fromStackName()` and friends).
 */
export interface IStack extends IResource {
  /**
   * The name of the stack.
   * @attribute
   */
  readonly stackName: string;

  /**
   * The ARN of the stack.
   * @attribute
   */
  readonly stackArn: string;

  /**
   * Grants `appstream:CreateStreamingURL` on this stack.
   */
  grantCreateStreamingUrl(grantee: iam.IGrantable): iam.Grant;
}

import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IFleet } from '../fleet/fleet';

/**
 * An AppStream stack: owned (`Stack`) or imported (`Stack.fromStackName()` and friends).
 */
export interface IStack extends cdk.IResource {
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
   * The fleet associated with the stack (AppStream associates at most one).
   *
   * @default - none: no fleet added yet, or an import that does not name its fleet
   */
  readonly fleet?: IFleet;

  /**
   * Grants `appstream:CreateStreamingURL` on this stack and its fleet (IAM requires both
   * resource types for this action).
   */
  grantCreateStreamingUrl(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grants the given actions on this stack's ARN.
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;

  /**
   * Grants `appstream:DescribeSessions` on this stack and its fleet.
   */
  grantReadSessions(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grants what a portal needs to manage sessions: `appstream:DescribeSessions` on this stack and
   * its fleet, and `appstream:ExpireSession` (which IAM supports only on `*`).
   */
  grantSessionManagement(grantee: iam.IGrantable): iam.Grant;
}

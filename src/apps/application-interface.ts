import { IResource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * An AppStream application: owned (`Application`) or imported (`Application.fromApplicationName()`
 * and friends).
 */
export interface IApplication extends IResource {
  /**
   * The name of the application.
   * @attribute
   */
  readonly applicationName: string;

  /**
   * The ARN of the application.
   * @attribute
   */
  readonly applicationArn: string;

  /**
   * Grants `actions` on this application (its ARN) to `grantee`.
   *
   * @param grantee who gets the permissions
   * @param actions IAM actions, such as `appstream:DescribeApplications`
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;
}

import { IResource } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * An AppStream fleet: owned (`Fleet`) or imported (`Fleet.fromFleetName()` and friends).
 */
export interface IFleet extends IResource, iam.IGrantable, ec2.IConnectable {
  /**
   * The name of the fleet.
   * @attribute
   */
  readonly fleetName: string;

  /**
   * The ARN of the fleet.
   * @attribute
   */
  readonly fleetArn: string;

  /**
   * Whether the fleet's instances join an Active Directory domain.
   *
   * @default - unknown (imported fleets that do not say)
   */
  readonly domainJoined?: boolean;
}

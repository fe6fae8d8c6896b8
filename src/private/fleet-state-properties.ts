import { IResolvable, Lazy } from 'aws-cdk-lib';
import { CfnFleet } from 'aws-cdk-lib/aws-appstream';

/**
 * The properties of an `AWS::AppStream::Fleet` that UpdateFleet can change, by CloudFormation
 * name, read from the L1 when the template is synthesized (so later changes to it count). `Name`
 * and `FleetType` are left out (create-only: a change replaces the fleet), and so are `Tags`
 * (applied with TagResource, whatever the fleet's state). Nested values keep the L1's casing: the
 * handler only compares old with new.
 */
const UPDATABLE_PROPERTIES: Readonly<Record<string, (fleet: CfnFleet) => unknown>> = {
  ComputeCapacity: (f) => f.computeCapacity,
  Description: (f) => f.description,
  DisableIMDSV1: (f) => f.disableImdsv1,
  DisconnectTimeoutInSeconds: (f) => f.disconnectTimeoutInSeconds,
  DisplayName: (f) => f.displayName,
  DomainJoinInfo: (f) => f.domainJoinInfo,
  EnableDefaultInternetAccess: (f) => f.enableDefaultInternetAccess,
  IamRoleArn: (f) => f.iamRoleArn,
  IdleDisconnectTimeoutInSeconds: (f) => f.idleDisconnectTimeoutInSeconds,
  ImageArn: (f) => f.imageArn,
  ImageName: (f) => f.imageName,
  InstanceType: (f) => f.instanceType,
  MaxConcurrentSessions: (f) => f.maxConcurrentSessions,
  MaxSessionsPerInstance: (f) => f.maxSessionsPerInstance,
  MaxUserDurationInSeconds: (f) => f.maxUserDurationInSeconds,
  Platform: (f) => f.platform,
  RootVolumeConfig: (f) => f.rootVolumeConfig,
  SessionScriptS3Location: (f) => f.sessionScriptS3Location,
  StreamView: (f) => f.streamView,
  UsbDeviceFilterStrings: (f) => f.usbDeviceFilterStrings,
  VpcConfig: (f) => f.vpcConfig,
};

/** The updatable properties of `fleet` as a map, resolved at synthesis; unset ones are left out. */
export function fleetUpdatableProperties(fleet: CfnFleet): IResolvable {
  return Lazy.any({
    produce: () => {
      const values: Record<string, unknown> = {};
      for (const [name, read] of Object.entries(UPDATABLE_PROPERTIES)) {
        const value = read(fleet);
        if (value !== undefined) {
          values[name] = value;
        }
      }
      return values;
    },
  });
}

/** The fleet type CloudFormation applies (`ON_DEMAND` when the property is not set). */
export function fleetTypeOf(fleet: CfnFleet): string {
  return Lazy.string({ produce: () => fleet.fleetType ?? 'ON_DEMAND' });
}

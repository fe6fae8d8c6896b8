import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { checkArray, checkBoolean, hasMethods, failType } from '../../core/private/input-types';
import { SECURITY_GROUPS_MAX } from '../../core/private/limits';
import { PropsValidator } from '../../core/private/validation';

/** The network props of image builders and app block builders. */
export interface NetworkProps {
  readonly vpc?: ec2.IVpc;
  readonly vpcSubnets?: ec2.SubnetSelection;
  readonly securityGroups?: ec2.ISecurityGroup[];
  readonly enableDefaultInternetAccess?: boolean;
}

/** What a builder needs of its subnets. */
export interface SubnetRule {
  /** The fewest subnets. */
  readonly min: number;
  /** Keep only the first subnet of the selection (image builders take one). */
  readonly firstOnly?: boolean;
  /** At least two availability zones (app block builders). */
  readonly twoZones?: boolean;
}

/**
 * Records the problems of a builder's network props and returns the subnet ids it uses: security
 * groups (at most 5) only with a VPC, enough subnets selected.
 */
export function validateNetwork(v: PropsValidator, props: NetworkProps, rule: SubnetRule): string[] | undefined {
  checkBoolean(v, 'enableDefaultInternetAccess', props.enableDefaultInternetAccess);
  checkArray(v, 'securityGroups', props.securityGroups);
  if (props.vpc !== undefined && !hasMethods(props.vpc, 'selectSubnets')) {
    failType(v, 'vpc', props.vpc, 'an ec2.IVpc such as new ec2.Vpc(...)');
    return undefined;
  }
  if (!props.vpc) {
    if (props.vpcSubnets) {
      v.failRule('vpcSubnets: is set but vpc is not; give the vpc the subnets belong to');
    }
    if (props.securityGroups) {
      v.failRule('securityGroups: are set but vpc is not; security groups apply only in a VPC');
    }
    return undefined;
  }
  v.listLength('securityGroups', props.securityGroups, 0, SECURITY_GROUPS_MAX);
  const selected = props.vpc.selectSubnets(props.vpcSubnets);
  if (Token.isUnresolved(selected.subnetIds)) {
    return selected.subnetIds;
  }
  if (selected.subnetIds.length < rule.min) {
    v.fail('vpcSubnets', `${selected.subnetIds.length} subnets`, `must select at least ${rule.min} subnet${rule.min > 1 ? 's' : ''} of the vpc`);
  } else if (rule.twoZones) {
    const zones = selected.availabilityZones;
    if (zones.length > 0 && zones.every((z) => !Token.isUnresolved(z)) && new Set(zones).size < 2) {
      v.fail('vpcSubnets', `subnets in ${zones[0]} only`, 'must select subnets in at least two availability zones');
    }
  }
  return rule.firstOnly ? selected.subnetIds.slice(0, 1) : selected.subnetIds;
}

/** The `VpcConfig` of the template, or undefined without a VPC. */
export function vpcConfigOf(subnetIds: string[] | undefined, securityGroups: ec2.ISecurityGroup[] | undefined) {
  return subnetIds
    ? { subnetIds, securityGroupIds: (securityGroups ?? []).map((sg) => sg.securityGroupId) }
    : undefined;
}

import { Stack, Token } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { PropsValidator } from '../../core/private/validation';
import { FleetUtilizationScalingProps, IScalableFleetCapacity } from '../fleet-autoscaling';

/** The scalable dimension of an AppStream fleet in Application Auto Scaling. */
export const FLEET_SCALABLE_DIMENSION = 'appstream:fleet:DesiredCapacity';

/** The service-linked role that Application Auto Scaling uses for AppStream fleets. */
const SERVICE_LINKED_ROLE_PATH = 'role/aws-service-role/appstream.application-autoscaling.amazonaws.com';
const SERVICE_LINKED_ROLE_NAME = 'AWSServiceRoleForApplicationAutoScaling_AppStreamFleet';

/** Props of `ScalableFleetCapacity`. */
export interface ScalableFleetCapacityProps {
  readonly fleetName: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
}

/**
 * `appstream:fleet:DesiredCapacity` of one fleet, registered with Application Auto Scaling under the
 * service-linked role `AWSServiceRoleForApplicationAutoScaling_AppStreamFleet` (which Application Auto
 * Scaling creates when missing).
 */
export class ScalableFleetCapacity extends appscaling.BaseScalableAttribute implements IScalableFleetCapacity {
  private trackingPolicyAdded = false;

  constructor(scope: Construct, id: string, props: ScalableFleetCapacityProps) {
    super(scope, id, {
      serviceNamespace: appscaling.ServiceNamespace.APPSTREAM,
      resourceId: `fleet/${props.fleetName}`,
      dimension: FLEET_SCALABLE_DIMENSION,
      role: iam.Role.fromRoleArn(scope, `${id}Role`, Stack.of(scope).formatArn({
        service: 'iam',
        region: '',
        resource: SERVICE_LINKED_ROLE_PATH,
        resourceName: SERVICE_LINKED_ROLE_NAME,
      })),
      minCapacity: props.minCapacity,
      maxCapacity: props.maxCapacity,
    });
  }

  public scaleOnCapacityUtilization(props: FleetUtilizationScalingProps): void {
    const validator = new PropsValidator(this);
    if (this.trackingPolicyAdded) {
      validator.failRule('scaleOnCapacityUtilization() was already called on this fleet: one target tracking policy on capacity utilization per fleet');
    }
    const target = props.targetUtilizationPercent;
    if (!Token.isUnresolved(target) && !(target > 0 && target <= 100)) {
      validator.fail('targetUtilizationPercent', target, 'must be above 0 and at most 100');
    }
    validator.throwIfInvalid();
    this.trackingPolicyAdded = true;
    this.doScaleToTrackMetric('CapacityUtilizationTracking', {
      ...props,
      predefinedMetric: appscaling.PredefinedMetric.APPSTREAM_AVERAGE_CAPACITY_UTILIZATION,
      targetValue: target,
    });
  }

  public scaleOnMetric(id: string, props: appscaling.BasicStepScalingPolicyProps): void {
    this.doScaleOnMetric(id, props);
  }

  public scaleOnSchedule(id: string, action: appscaling.ScalingSchedule): void {
    this.doScaleOnSchedule(id, action);
  }
}

import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';

/**
 * Capacity limits for a fleet's auto scaling.
 */
export interface FleetAutoScalingProps {
  /**
   * The fewest instances (or, for a multi-session fleet, the capacity unit that
   * `appstream:fleet:DesiredCapacity` scales) that scale-in leaves.
   *
   * Application Auto Scaling allows 0 for AppStream fleets, but a value above 0 keeps metrics flowing
   * to the scaling policies.
   *
   * @default 1
   */
  readonly minCapacity?: number;

  /**
   * The most instances that scale-out creates. Must be at least `minCapacity`.
   */
  readonly maxCapacity: number;
}

/**
 * Properties of a target tracking policy on a fleet's capacity utilization.
 */
export interface FleetUtilizationScalingProps extends appscaling.BaseTargetTrackingProps {
  /**
   * The capacity utilization (`AppStreamAverageCapacityUtilization`: in-use capacity as a
   * percentage of actual capacity) to keep the fleet at, above 0 and at most 100.
   */
  readonly targetUtilizationPercent: number;
}

/**
 * The scalable desired capacity of a fleet (`appstream:fleet:DesiredCapacity`), returned by
 * `fleet.autoScaleCapacity()`.
 */
export interface IScalableFleetCapacity {
  /**
   * Keeps the fleet's capacity utilization around a target with a target tracking policy
   * on the predefined metric `AppStreamAverageCapacityUtilization`.
   *
   * @param props the target and cooldowns
   */
  scaleOnCapacityUtilization(props: FleetUtilizationScalingProps): void;

  /**
   * Scales in steps on any metric, such as `fleet.metricInsufficientCapacityError()`.
   *
   * @param id construct id of the policy
   * @param props the metric and its steps
   */
  scaleOnMetric(id: string, props: appscaling.BasicStepScalingPolicyProps): void;

  /**
   * Changes the capacity limits on a schedule.
   *
   * @param id construct id of the scheduled action
   * @param action when and to which limits
   */
  scaleOnSchedule(id: string, action: appscaling.ScalingSchedule): void;
}

import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Fleet, IFleet } from '../src/fleet/fleet';
import { FleetPlatform } from '../src/fleet/fleet-platform';
import { FleetType } from '../src/fleet/fleet-type';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';

function newStack(): Stack {
  return new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
}

function onDemand(stack: Stack): Fleet {
  return new Fleet(stack, 'Fleet', { instanceType: InstanceType.STANDARD_MEDIUM, image: FleetImage.fromName('Img'), desiredCapacity: 1 });
}

describe('metrics', () => {
  const helpers: Array<[string, (f: IFleet) => ReturnType<IFleet['metric']>, string]> = [
    ['CapacityUtilization', f => f.metricCapacityUtilization(), 'Average'],
    ['ActualCapacity', f => f.metricActualCapacity(), 'Average'],
    ['AvailableCapacity', f => f.metricAvailableCapacity(), 'Average'],
    ['DesiredCapacity', f => f.metricDesiredCapacity(), 'Average'],
    ['InUseCapacity', f => f.metricInUseCapacity(), 'Average'],
    ['PendingCapacity', f => f.metricPendingCapacity(), 'Average'],
    ['RunningCapacity', f => f.metricRunningCapacity(), 'Average'],
    ['InsufficientCapacityError', f => f.metricInsufficientCapacityError(), 'Sum'],
    ['InsufficientConcurrencyLimitError', f => f.metricInsufficientConcurrencyLimitError(), 'Sum'],
    ['ActualUserSessionCapacity', f => f.metricActualUserSessionCapacity(), 'Average'],
    ['AvailableUserSessionCapacity', f => f.metricAvailableUserSessionCapacity(), 'Average'],
    ['DesiredUserSessionCapacity', f => f.metricDesiredUserSessionCapacity(), 'Average'],
    ['ActiveUserSessionCapacity', f => f.metricActiveUserSessionCapacity(), 'Average'],
    ['PendingUserSessionCapacity', f => f.metricPendingUserSessionCapacity(), 'Average'],
    ['RunningUserSessionCapacity', f => f.metricRunningUserSessionCapacity(), 'Average'],
    ['DrainingCapacity', f => f.metricDrainingCapacity(), 'Average'],
  ];

  test.each(helpers)('%s: namespace, Fleet dimension, default statistic, 5 minutes', (name, helper, statistic) => {
    const stack = newStack();
    const fleet = onDemand(stack);
    const metric = helper(fleet);
    expect(metric.namespace).toBe('AWS/AppStream');
    expect(metric.metricName).toBe(name);
    expect(metric.statistic).toBe(statistic);
    expect(metric.period.toSeconds()).toBe(300);
    expect(stack.resolve(metric.dimensions)).toEqual({ Fleet: { Ref: expect.stringMatching(/^Fleet/) } });
  });

  test('metric() takes overrides; imported fleets have metrics too', () => {
    const stack = newStack();
    const fleet = Fleet.fromFleetName(stack, 'Imported', 'existing');
    const metric = fleet.metric('InUseCapacity', { statistic: 'Maximum', period: Duration.minutes(1) });
    expect(metric.dimensions).toEqual({ Fleet: 'existing' });
    expect(metric.statistic).toBe('Maximum');
    expect(metric.period.toSeconds()).toBe(60);
    expect(fleet.metricInsufficientCapacityError({ statistic: 'Average' }).statistic).toBe('Average');
  });
});

describe('auto scaling', () => {
  test('scalable target on appstream:fleet:DesiredCapacity with the service-linked role, and a target tracking policy', () => {
    const stack = newStack();
    const fleet = onDemand(stack);
    fleet.autoScaleCapacity({ minCapacity: 1, maxCapacity: 20 }).scaleOnCapacityUtilization({ targetUtilizationPercent: 75 });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ServiceNamespace: 'appstream',
      ScalableDimension: 'appstream:fleet:DesiredCapacity',
      ResourceId: { 'Fn::Join': ['', ['fleet/', { Ref: Match.stringLikeRegexp('^Fleet') }]] },
      MinCapacity: 1,
      MaxCapacity: 20,
      RoleARN: {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' },
          ':iam::123456789012:role/aws-service-role/appstream.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_AppStreamFleet']],
      },
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        PredefinedMetricSpecification: { PredefinedMetricType: 'AppStreamAverageCapacityUtilization' },
        TargetValue: 75,
      },
    });
    // no role of its own for scaling (and the fleet, granted nothing, has none either)
    t.resourceCountIs('AWS::IAM::Role', 0);
  });

  test('step scaling on InsufficientCapacityError and scheduled scaling', () => {
    const stack = newStack();
    const fleet = onDemand(stack);
    const capacity = fleet.autoScaleCapacity({ maxCapacity: 10 });
    capacity.scaleOnMetric('OnErrors', {
      metric: fleet.metricInsufficientCapacityError(),
      scalingSteps: [{ upper: 0, change: 0 }, { lower: 1, change: +2 }],
      adjustmentType: appscaling.AdjustmentType.CHANGE_IN_CAPACITY,
    });
    capacity.scaleOnSchedule('Morning', { schedule: appscaling.Schedule.cron({ hour: '7', minute: '0' }), minCapacity: 5 });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 1,
      MaxCapacity: 10,
      ScheduledActions: [{ ScheduledActionName: 'Morning', Schedule: 'cron(0 7 * * ? *)', ScalableTargetAction: { MinCapacity: 5 } }],
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', { PolicyType: 'StepScaling' });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/AppStream', MetricName: 'InsufficientCapacityError', Statistic: 'Sum',
    });
  });

  test('refused for Elastic fleets', () => {
    const stack = newStack();
    const fleet = new Fleet(stack, 'Fleet', {
      instanceType: InstanceType.STANDARD_MEDIUM,
      fleetType: FleetType.ELASTIC,
      maxConcurrentSessions: 2,
      platform: FleetPlatform.AMAZON_LINUX2,
      vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }),
    });
    expect(() => fleet.autoScaleCapacity({ maxCapacity: 5 })).toThrow(/autoScaleCapacity: Elastic fleets cannot be auto scaled/);
  });

  test('min above max, negative and fractional values are refused, all at once', () => {
    const stack = newStack();
    const fleet = onDemand(stack);
    expect(() => fleet.autoScaleCapacity({ minCapacity: 5, maxCapacity: 2 }))
      .toThrow(/autoScaleCapacity.maxCapacity: must be at least minCapacity \(5\) \(got 2\)/);
    expect(() => fleet.autoScaleCapacity({ minCapacity: -1, maxCapacity: 2.5 }))
      .toThrow(/\(2 problems\)[\s\S]*autoScaleCapacity.minCapacity: must be an integer from 0 to \d+ \(got -1\)[\s\S]*autoScaleCapacity.maxCapacity: must be an integer from 0 to \d+ \(got 2.5\)/);
  });

  test('calling it twice is an error', () => {
    const stack = newStack();
    const fleet = onDemand(stack);
    fleet.autoScaleCapacity({ maxCapacity: 5 });
    expect(() => fleet.autoScaleCapacity({ maxCapacity: 6 })).toThrow(/autoScaleCapacity: was already called on this fleet/);
  });

  test('target utilization out of range, and a second tracking policy, are refused', () => {
    const stack = newStack();
    const capacity = onDemand(stack).autoScaleCapacity({ maxCapacity: 5 });
    expect(() => capacity.scaleOnCapacityUtilization({ targetUtilizationPercent: 0 })).toThrow(/targetUtilizationPercent: must be above 0 and at most 100 \(got 0\)/);
    expect(() => capacity.scaleOnCapacityUtilization({ targetUtilizationPercent: 101 })).toThrow(/got 101/);
    capacity.scaleOnCapacityUtilization({ targetUtilizationPercent: 50 });
    expect(() => capacity.scaleOnCapacityUtilization({ targetUtilizationPercent: 60 })).toThrow(/already called/);
  });

  test('imported fleets can be scaled', () => {
    const stack = newStack();
    Fleet.fromFleetName(stack, 'Imported', 'existing').autoScaleCapacity({ minCapacity: 0, maxCapacity: 3 });
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { ResourceId: 'fleet/existing', MinCapacity: 0 });
  });
});

import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cw_actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Fleet } from '../src/fleet/fleet';
import { FleetPlatform } from '../src/fleet/fleet-platform';
import { FleetType } from '../src/fleet/fleet-type';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';
import { FleetDashboard } from '../src/operations/fleet-dashboard';

function newStack(): Stack {
  return new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
}

function onDemand(stack: Stack, id = 'Fleet'): Fleet {
  return new Fleet(stack, id, { fleetName: id.toLowerCase(), instanceType: InstanceType.STANDARD_MEDIUM, image: FleetImage.fromName('Img'), desiredCapacity: 1 });
}

function dashboardBody(stack: Stack): string {
  const dashboards = Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard');
  return JSON.stringify(Object.values(dashboards)[0].Properties.DashboardBody);
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('FleetDashboard', () => {
  test('one row per fleet: capacity, utilization with the scaling target, insufficient capacity, sessions', () => {
    const stack = newStack();
    new FleetDashboard(stack, 'Dashboard', { fleets: [onDemand(stack, 'Alpha'), onDemand(stack, 'Beta')], dashboardName: 'appstream-fleets' });
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'appstream-fleets' });
    const body = dashboardBody(stack);
    for (const metric of ['DesiredCapacity', 'ActualCapacity', 'InUseCapacity', 'AvailableCapacity', 'PendingCapacity',
      'CapacityUtilization', 'InsufficientCapacityError', 'ActiveUserSessionCapacity', 'AvailableUserSessionCapacity']) {
      expect(body).toContain(`\\"${metric}\\"`);
    }
    expect(body).toMatch(/### Fleet [^}]*"Ref":"Alpha/);
    expect(body).toMatch(/### Fleet [^}]*"Ref":"Beta/);
    expect(body).toContain('scaling target');
    expect(body).toContain('\\"AWS/AppStream\\"');
    expect(body).not.toContain('InsufficientConcurrencyLimitError');
  });

  test('recommended alarms per fleet: any insufficient capacity error, utilization above 75% for 30 minutes', () => {
    const stack = newStack();
    const dashboard = new FleetDashboard(stack, 'Dashboard', { fleets: [onDemand(stack)] });
    const template = Template.fromStack(stack);

    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'InsufficientCapacityError',
      Namespace: 'AWS/AppStream',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      Dimensions: [{ Name: 'Fleet', Value: Match.anyValue() }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'CapacityUtilization',
      Statistic: 'Average',
      Period: 300,
      Threshold: 75,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 6,
    });
    expect(dashboard.alarms).toHaveLength(2);
    expect(dashboardBody(stack)).toContain('alarm');
  });

  test('Elastic fleets also alarm on the concurrency limit', () => {
    const stack = newStack();
    const elastic = new Fleet(stack, 'Elastic', {
      instanceType: InstanceType.STANDARD_MEDIUM,
      fleetType: FleetType.ELASTIC,
      maxConcurrentSessions: 2,
      platform: FleetPlatform.AMAZON_LINUX2,
      vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }),
    });
    new FleetDashboard(stack, 'Dashboard', { fleets: [elastic] });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'InsufficientConcurrencyLimitError', Threshold: 0 });
    expect(dashboardBody(stack)).toContain('InsufficientConcurrencyLimitError');
  });

  test('imported fleets work alike', () => {
    const stack = newStack();
    new FleetDashboard(stack, 'Dashboard', { fleets: [Fleet.fromFleetName(stack, 'Imported', 'existing-fleet')] });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { Dimensions: [{ Name: 'Fleet', Value: 'existing-fleet' }] });
  });

  test('period, threshold, duration and alarm actions', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Topic');
    const dashboard = new FleetDashboard(stack, 'Dashboard', {
      fleets: [onDemand(stack)],
      period: Duration.minutes(1),
      utilizationThresholdPercent: 80,
      utilizationAlarmDuration: Duration.minutes(15),
      alarmActions: [new cw_actions.SnsAction(topic)],
    });
    dashboard.addAlarmAction(new cw_actions.SnsAction(new sns.Topic(stack, 'Second')));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'CapacityUtilization', Threshold: 80, EvaluationPeriods: 15, Period: 60 });
    const topics = [{ Ref: Match.stringLikeRegexp('^Topic') }, { Ref: Match.stringLikeRegexp('^Second') }];
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: topics, OKActions: topics });
  });

  test('alarms: false makes the dashboard only', () => {
    const stack = newStack();
    const dashboard = new FleetDashboard(stack, 'Dashboard', { fleets: [onDemand(stack)], alarms: false });
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Alarm', 0);
    expect(dashboard.alarms).toEqual([]);
    expect(dashboard.dashboard).toBeInstanceOf(cloudwatch.Dashboard);
  });

  test('every problem is reported at once', () => {
    const stack = newStack();
    const fleet = onDemand(stack);
    const message = errorOf(() => new FleetDashboard(stack, 'Bad', {
      fleets: [fleet, fleet],
      dashboardName: 'has space',
      period: Duration.seconds(90),
      utilizationThresholdPercent: 0,
      utilizationAlarmDuration: Duration.days(2),
    }));
    expect(message).toContain('Test/Bad: invalid FleetDashboard props (5 problems)');
    expect(message).toContain('fleets: must list each fleet once');
    expect(message).toContain('dashboardName: must match letters, digits, "-" and "_" (got "has space")');
    expect(message).toContain('period: must be a whole number of minutes (got 1 minute 30 seconds)');
    expect(message).toContain('utilizationThresholdPercent: must be from 1 to 100 (got 0)');
    expect(message).toContain('utilizationAlarmDuration: must be a whole number of periods');
  });

  test('no fleet, too many fleets, wrong types', () => {
    const stack = newStack();
    expect(errorOf(() => new FleetDashboard(stack, 'None', { fleets: [] }))).toContain('fleets: must have 1 to 99 items (got "0 items")');
    const many = Array.from({ length: 100 }, (_, i) => Fleet.fromFleetName(stack, `F${i}`, `f${i}`));
    expect(errorOf(() => new FleetDashboard(stack, 'Many', { fleets: many }))).toContain('must have 1 to 99 items');
    const message = errorOf(() => new FleetDashboard(stack, 'Types', { fleets: 'fleet', alarms: 'yes', utilizationThresholdPercent: '75' } as any));
    expect(message).toContain('fleets: must be an array');
    expect(message).toContain('alarms: must be a boolean');
    expect(message).toContain('utilizationThresholdPercent: must be a number');
    expect(errorOf(() => new FleetDashboard(stack, 'Missing', {} as any))).toContain('fleets: is required');
  });
});

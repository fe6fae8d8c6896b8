import * as path from 'path';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { Fleet } from '../src/fleet/fleet';
import { FleetDashboard } from '../src/operations/fleet-dashboard';
import { Stack as AppStreamStack } from '../src/stack/stack';
import { ThemeImage, ThemeStyling } from '../src/stack/stack-theme';
import { MessageAction, User } from '../src/users/user';

/*
 * Running AppStream: a stack's theme (logo and favicon from files), a user-pool user kept disabled,
 * and a dashboard with its alarms for a fleet (imported by name: the dashboard needs no running
 * fleet, so this test starts no instance). Nothing here costs anything while idle.
 */
const app = new App();
const stack = new Stack(app, 'cdk-appstream-integ-operations');

const portal = new AppStreamStack(stack, 'Portal', { stackName: 'cdk-appstream-integ-themed' });
portal.theme({
  title: 'cdk-appstream integ apps',
  logo: ThemeImage.fromFile(path.join(__dirname, 'fixtures', 'theme', 'logo.png')),
  favicon: ThemeImage.fromFile(path.join(__dirname, 'fixtures', 'theme', 'favicon.ico')),
  footerLinks: [{ displayName: 'Support', url: 'https://support.example.com' }],
  styling: ThemeStyling.BLUE,
});

new User(stack, 'DisabledUser', {
  email: 'cdk-appstream-integ-disabled@example.com',
  messageAction: MessageAction.SUPPRESS,
  enabled: false,
});

new FleetDashboard(stack, 'Dashboard', {
  fleets: [Fleet.fromFleetName(stack, 'Fleet', 'cdk-appstream-integ-fleet')],
  dashboardName: 'cdk-appstream-integ-fleets',
});

const integ = new IntegTest(app, 'OperationsInteg', { testCases: [stack] });

integ.assertions
  .awsApiCall('AppStream', 'describeThemeForStack', { StackName: 'cdk-appstream-integ-themed' })
  .expect(ExpectedResult.objectLike({ Theme: { ThemeTitleText: 'cdk-appstream integ apps', ThemeStyling: 'BLUE', State: 'ENABLED' } }));

integ.assertions
  .awsApiCall('AppStream', 'describeUsers', { AuthenticationType: 'USERPOOL' })
  .expect(ExpectedResult.objectLike({
    // the account may have other users
    Users: Match.arrayWith([Match.objectLike({ UserName: 'cdk-appstream-integ-disabled@example.com', Enabled: false })]),
  }));

app.synth();

import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as appstream from '../src';

/**
 * Running AppStream: the account's usage reports queryable with Athena, a branded stack, a
 * contractor's user-pool account kept disabled until needed, and a dashboard with alarms for a fleet.
 */
export class AppStreamOperationsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    new appstream.UsageReports(this, 'UsageReports', { queryable: true });

    const portal = new appstream.Stack(this, 'Portal', {
      userSettings: { clipboardCopyToLocalDevice: false, fileDownload: false, printingToLocalDevice: false },
    });
    portal.theme({
      title: 'Example Corp apps',
      logo: appstream.ThemeImage.fromFile(path.join(__dirname, 'branding', 'logo.png')),
      favicon: appstream.ThemeImage.fromFile(path.join(__dirname, 'branding', 'favicon.ico')),
      footerLinks: [{ displayName: 'IT support', url: 'https://support.example.com' }],
      styling: appstream.ThemeStyling.BLUE,
    });

    new appstream.User(this, 'Contractor', {
      email: 'contractor@example.com',
      messageAction: appstream.MessageAction.SUPPRESS,
      enabled: false,
    });

    // A fleet of this account, by name (the example stack's, or any other).
    new appstream.FleetDashboard(this, 'Dashboard', {
      fleets: [appstream.Fleet.fromFleetName(this, 'Fleet', 'example-fleet')],
      utilizationThresholdPercent: 75,
    });
  }
}

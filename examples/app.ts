import * as cdk from 'aws-cdk-lib';
import { ElasticAppsStack } from './elastic-apps-stack';
import { AppStreamExampleStack } from './example-stack';

const app = new cdk.App();
// Environment-agnostic, so that it synthesizes offline with no AWS account or credentials.
new AppStreamExampleStack(app, 'AppStreamExample');
new ElasticAppsStack(app, 'AppStreamElasticApps');
app.synth();

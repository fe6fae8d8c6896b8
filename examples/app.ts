import * as cdk from 'aws-cdk-lib';
import { AppStreamExampleStack } from './example-stack';
import { AppStreamOperationsStack } from './operations-stack';

const app = new cdk.App();
// Environment-agnostic, so that it synthesizes offline with no AWS account or credentials.
new AppStreamExampleStack(app, 'AppStreamExample');
new AppStreamOperationsStack(app, 'AppStreamOperations');
app.synth();

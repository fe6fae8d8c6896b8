import * as cdk from 'aws-cdk-lib';
import { AppFabricExampleStack } from './appfabric-stack';
import { ElasticAppsStack } from './elastic-apps-stack';
import { AppStreamExampleStack } from './example-stack';
import { ImagePipelineExampleStack } from './image-pipeline-stack';
import { AppStreamOperationsStack } from './operations-stack';
import { AppStreamPortalExampleStack } from './portal-stack';

const app = new cdk.App();
// Environment-agnostic, so that it synthesizes offline with no AWS account or credentials.
new AppStreamExampleStack(app, 'AppStreamExample');
new AppStreamPortalExampleStack(app, 'AppStreamPortalExample');
new AppFabricExampleStack(app, 'AppFabricExample');
new AppStreamOperationsStack(app, 'AppStreamOperations');
new ElasticAppsStack(app, 'AppStreamElasticApps');
new ImagePipelineExampleStack(app, 'AppStreamImagePipelineExample');
app.synth();

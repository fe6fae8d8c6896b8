import * as cdk from 'aws-cdk-lib';
import { AppStreamExampleStack } from './example-stack';
import { ImagePipelineExampleStack } from './image-pipeline-stack';

const app = new cdk.App();
// Environment-agnostic, so that it synthesizes offline with no AWS account or credentials.
new AppStreamExampleStack(app, 'AppStreamExample');
new ImagePipelineExampleStack(app, 'AppStreamImagePipelineExample');
app.synth();

import * as cdk from 'aws-cdk-lib';
import { Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AppFabricExampleStack } from '../examples/appfabric-stack';
import { ElasticAppsStack } from '../examples/elastic-apps-stack';
import { AppStreamExampleStack } from '../examples/example-stack';
import { ImagePipelineExampleStack } from '../examples/image-pipeline-stack';
import { appStreamSchemaViolations } from './util/cfn-schema-validator';
import { maskedTemplate } from './util/snapshot';

function synthExample(): { stack: AppStreamExampleStack; template: Template } {
  const app = new cdk.App();
  const stack = new AppStreamExampleStack(app, 'AppStreamExample');
  return { stack, template: Template.fromStack(stack) };
}

describe('the example app', () => {
  const { stack, template } = synthExample();

  test('synthesizes every kind of AppStream resource the README shows', () => {
    template.resourceCountIs('AWS::AppStream::Fleet', 2);
    template.resourceCountIs('AWS::AppStream::Stack', 2);
    template.resourceCountIs('AWS::AppStream::StackFleetAssociation', 2);
    template.resourceCountIs('AWS::AppStream::DirectoryConfig', 1);
    template.resourceCountIs('AWS::AppStream::User', 1);
    template.resourceCountIs('Custom::AppStreamUserStackAssociation', 1);
  });

  test('matches its snapshot (asset hashes masked)', () => {
    expect(maskedTemplate(template)).toMatchSnapshot();
  });

  test('is byte-for-byte deterministic', () => {
    expect(JSON.stringify(synthExample().template.toJSON())).toEqual(JSON.stringify(template.toJSON()));
  });

  test('every AppStream resource is valid against the CloudFormation registry schema', () => {
    expect(appStreamSchemaViolations(template.toJSON())).toEqual([]);
  });

  test('cdk-nag AwsSolutions finds nothing unsuppressed in what the library creates', () => {
    // What the example app itself chose, not the library: suppressed here with the reason.
    // Validations.acknowledge() refuses ids with more than one '::': record this one as it would.
    stack.node.findChild('Portal').node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, {
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        'The example portal function keeps the default Lambda execution role.',
    });
    Validations.of(stack.node.findChild('ServiceAccount')).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'The directory service account password is rotated in Active Directory, not by Secrets Manager.',
    });
    const dataBucket = stack.resolve((stack.node.findChild('Data').node.defaultChild as cdk.CfnResource).logicalId);
    for (const finding of ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', `Resource::<${dataBucket}.Arn>/*`]) {
      Validations.of(stack.node.findChild('Fleet')).acknowledge({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: 'The example grants the fleet read on every object of its data bucket (bucket.grantRead).',
      });
    }
    const violations = new AwsSolutionsChecks().validateScope(stack).violations
      .map((v: any) => `${v.ruleName} ${v.resourceLogicalId ?? ''} ${v.ruleInfo ?? ''}`.trim());
    expect(violations).toEqual([]);
  });
});

describe('the example app\'s AppFabric stack', () => {
  const stack = new AppFabricExampleStack(new cdk.App(), 'AppFabricExample');
  const template = Template.fromStack(stack);

  test('synthesizes every kind of AppFabric resource the README shows, and the audit', () => {
    template.resourceCountIs('AWS::AppFabric::AppBundle', 1);
    template.resourceCountIs('AWS::AppFabric::AppAuthorization', 1);
    template.resourceCountIs('AWS::AppFabric::Ingestion', 1);
    template.resourceCountIs('AWS::AppFabric::IngestionDestination', 1);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    template.resourceCountIs('AWS::Scheduler::Schedule', 1);
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });

  test('matches its snapshot', () => {
    expect(maskedTemplate(template)).toMatchSnapshot();
  });

  test('cdk-nag AwsSolutions finds nothing unsuppressed in what the library creates', () => {
    const audit = stack.node.findChild('UserAccessAudit');
    Validations.of(audit.node.findChild('StateMachine')).acknowledge({
      id: 'AwsSolutions-SF1',
      reason: 'The audit logs errors only and never execution data, which holds e-mail addresses and names.',
    });
    Validations.of(audit.node.findChild('StateMachine')).acknowledge({
      id: 'AwsSolutions-SF2',
      reason: 'X-Ray tracing is left to the user: the audit makes a few SDK calls an hour.',
    });
    const results = stack.resolve((stack.node.findChild('AuditResults').node.defaultChild as cdk.CfnResource).logicalId);
    for (const finding of ['Action::s3:Abort*', 'Action::s3:PutObject*', `Resource::<${results}.Arn>/user-access-audit/*`]) {
      Validations.of(audit).acknowledge({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: 'The audit writes one report per execution under its prefix: the key is known only at run time.',
      });
    }
    Validations.of(audit).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Step Functions logging (logErrors) needs the CloudWatch Logs delivery actions, which support no resource type.',
    });
    const violations = new AwsSolutionsChecks().validateScope(stack).violations
      .map((v: any) => `${v.ruleName} ${v.resourceLogicalId ?? ''} ${v.ruleInfo ?? ''}`.trim());
    expect(violations).toEqual([]);
  });
});

describe('the Elastic apps stack of the example app', () => {
  const app = new cdk.App();
  const stack = new ElasticAppsStack(app, 'AppStreamElasticApps');
  const template = Template.fromStack(stack);

  test('synthesizes the Elastic app flow: app block, application, fleet, stack, entitlement and their associations', () => {
    for (const type of ['AppBlock', 'Application', 'Fleet', 'Stack', 'Entitlement', 'ApplicationFleetAssociation', 'ApplicationEntitlementAssociation', 'StackFleetAssociation']) {
      template.resourceCountIs(`AWS::AppStream::${type}`, 1);
    }
    template.resourceCountIs('Custom::AppStreamObjectCopy', 3);
  });

  test('matches its snapshot (asset hashes masked)', () => {
    expect(maskedTemplate(template)).toMatchSnapshot();
  });

  test('every AppStream resource is valid against the CloudFormation registry schema', () => {
    expect(appStreamSchemaViolations(template.toJSON())).toEqual([]);
  });

  test('cdk-nag AwsSolutions finds nothing unsuppressed in what the library creates', () => {
    const violations = new AwsSolutionsChecks().validateScope(stack).violations
      .map((v: any) => `${v.ruleName} ${v.resourceLogicalId ?? ''} ${v.ruleInfo ?? ''}`.trim());
    expect(violations).toEqual([]);
  });
});

describe('the example app: image pipeline', () => {
  const app = new cdk.App();
  const stack = new ImagePipelineExampleStack(app, 'AppStreamImagePipelineExample');
  const template = Template.fromStack(stack);

  test('an EC2 Image Builder AMI, imported as an AppStream image, streamed by a fleet', () => {
    template.resourceCountIs('AWS::ImageBuilder::Image', 1);
    template.resourceCountIs('Custom::AppStreamImage', 1);
    template.hasResourceProperties('Custom::AppStreamImage', { Source: { Kind: 'IMPORTED', SourceAmiId: { 'Fn::GetAtt': ['Ami', 'ImageId'] } } });
    template.hasResourceProperties('AWS::AppStream::Fleet', { ImageArn: { 'Fn::GetAtt': [stack.getLogicalId(stack.image.node.findChild('Resource').node.defaultChild as cdk.CfnElement), 'ImageArn'] } });
  });

  test('matches its snapshot (asset hashes masked)', () => {
    expect(maskedTemplate(template)).toMatchSnapshot();
  });

  test('every AppStream resource is valid against the CloudFormation registry schema', () => {
    expect(appStreamSchemaViolations(template.toJSON())).toEqual([]);
  });

  test('cdk-nag AwsSolutions finds nothing unsuppressed in what the library creates', () => {
    // What the example app itself chose, not the library: the build instance's AWS-managed policies.
    stack.node.findChild('BuildRole').node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, Object.fromEntries(
      ['EC2InstanceProfileForImageBuilder', 'AmazonSSMManagedInstanceCore'].map((policy) => [
        `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policy}]`,
        'EC2 Image Builder documents these AWS-managed policies for its build instances.',
      ])));
    const violations = new AwsSolutionsChecks().validateScope(stack).violations
      .map((v: any) => `${v.ruleName} ${v.resourceLogicalId ?? ''} ${v.ruleInfo ?? ''}`.trim());
    expect(violations).toEqual([]);
  });
});

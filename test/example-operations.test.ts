import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AppStreamOperationsStack } from '../examples/operations-stack';
import { appStreamSchemaViolations } from './util/cfn-schema-validator';
import { maskedTemplate } from './util/snapshot';

function synth(): { stack: AppStreamOperationsStack; template: Template } {
  const stack = new AppStreamOperationsStack(new cdk.App(), 'AppStreamOperations');
  return { stack, template: Template.fromStack(stack) };
}

describe('the example app\'s operations stack', () => {
  const { stack, template } = synth();

  test('has usage reports, a theme, a disabled user and a dashboard', () => {
    template.resourceCountIs('Custom::AppStreamUsageReportSubscription', 1);
    template.resourceCountIs('AWS::Athena::WorkGroup', 1);
    template.resourceCountIs('Custom::AppStreamStackTheme', 1);
    template.resourceCountIs('Custom::AppStreamUserEnabled', 1);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.resourceCountIs('AWS::Lambda::Function', 5); // one provider for every kind
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

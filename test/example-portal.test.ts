import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AppStreamPortalExampleStack } from '../examples/portal-stack';
import { appStreamSchemaViolations } from './util/cfn-schema-validator';
import { maskedTemplate } from './util/snapshot';

describe('the example app: its streaming portal', () => {
  const stack = new AppStreamPortalExampleStack(new cdk.App(), 'AppStreamPortalExample');
  const template = Template.fromStack(stack);

  test('puts a portal with admin routes in front of the stack, CORS for its embed host domain', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 3);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: { AllowOrigins: ['https://apps.example.com'] } });
    template.hasOutput('StreamingUrlEndpoint', {});
  });

  test('matches its snapshot (asset hashes masked)', () => {
    expect(maskedTemplate(template)).toMatchSnapshot();
  });

  test('every AppStream resource is valid against the CloudFormation registry schema', () => {
    expect(appStreamSchemaViolations(template.toJSON())).toEqual([]);
  });

  test('cdk-nag AwsSolutions finds nothing unsuppressed', () => {
    const violations = new AwsSolutionsChecks().validateScope(stack).violations
      .map((v: any) => `${v.ruleName} ${v.resourceLogicalId ?? ''} ${v.ruleInfo ?? ''}`.trim());
    expect(violations).toEqual([]);
  });
});

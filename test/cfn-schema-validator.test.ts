import { appStreamSchemaViolations, VALIDATED_RESOURCE_TYPES } from './util/cfn-schema-validator';

describe('the registry-schema validator the construct tests rely on', () => {
  test('reports unknown properties, bad enums, lengths and missing required properties', () => {
    const violations = appStreamSchemaViolations({
      Resources: {
        Bad: {
          Type: 'AWS::AppStream::Fleet',
          Properties: { Name: 'x'.repeat(101), FleetType: 'SOMETIMES', Unknown: true },
        },
      },
    });
    expect(violations).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Bad \(AWS::AppStream::Fleet\): \/ must have required property 'InstanceType'/),
      expect.stringMatching(/\/ must NOT have additional properties .*Unknown/),
      expect.stringMatching(/\/Name must NOT have more than 100 characters/),
      expect.stringMatching(/\/FleetType must match pattern/),
    ]));
  });

  test('applies cfn-lint\'s patches: enums and Unicode patterns of the API', () => {
    expect(appStreamSchemaViolations({
      Resources: {
        Stack: { Type: 'AWS::AppStream::Stack', Properties: { UserSettings: [{ Action: 'TELEPORT', Permission: 'ENABLED' }] } },
        User: { Type: 'AWS::AppStream::User', Properties: { UserName: 'élodie@example.com', AuthenticationType: 'USERPOOL' } },
      },
    })).toEqual([expect.stringMatching(/^Stack .*\/UserSettings\/0\/Action must be equal to one of the allowed values/)]);
  });

  test('does not judge deploy-time values (intrinsics, dynamic references) nor types it does not know', () => {
    expect(appStreamSchemaViolations({
      Resources: {
        Fleet: {
          Type: 'AWS::AppStream::Fleet',
          Properties: { Name: { Ref: 'FleetName' }, InstanceType: { 'Fn::GetAtt': ['X', 'Type'] }, ImageName: '{{resolve:ssm:/image}}' },
        },
        Topic: { Type: 'AWS::SNS::Topic', Properties: { Anything: 1 } },
      },
    })).toEqual([]);
    expect(VALIDATED_RESOURCE_TYPES).toContain('AWS::AppStream::DirectoryConfig');
  });
});

import { ArnFormat, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The ARN of the AppStream resource of IAM resource type `resourceType` (`app-block`, `application`,
 * `app-block-builder`, `image-builder`, ...) named `name`, in the stack of `scope`:
 * `arn:<partition>:appstream:<region>:<account>:<resourceType>/<name>`.
 */
export function appStreamArn(scope: IConstruct, resourceType: string, name: string): string {
  return Stack.of(scope).formatArn({ service: 'appstream', resource: resourceType, resourceName: name, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
}

/**
 * The name of an imported resource: `name`, or the last part of `arn`; throws when neither is given.
 *
 * @param importer the importer's name, such as `AppBlock.fromAppBlockAttributes`, for the error
 */
export function appStreamResourceName(scope: IConstruct, id: string, importer: string, name: string | undefined, arn: string | undefined): string {
  if (name !== undefined) {
    return name;
  }
  if (arn === undefined) {
    throw new Error(`${scope.node.path}/${id}: ${importer} needs a name or an ARN`);
  }
  return Stack.of(scope).splitArn(arn, ArnFormat.SLASH_RESOURCE_NAME).resourceName!;
}

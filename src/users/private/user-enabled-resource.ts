import { CustomResource } from 'aws-cdk-lib';
import { CfnUser } from 'aws-cdk-lib/aws-appstream';
import { Construct } from 'constructs';
import { USER_ENABLED_RESOURCE_TYPE, UserEnabledProps } from './user-enabled-contract';
import { AppStreamProvider } from '../../core/private/appstream-provider';

/** Properties of `UserEnabledResource`. */
export interface UserEnabledResourceProps {
  /** The user whose state is kept; the resource depends on it. */
  readonly user: CfnUser;
  /** The user's e-mail address. */
  readonly userName: string;
  /** Enabled (true) or disabled (false). */
  readonly enabled: boolean;
}

/**
 * `Custom::AppStreamUserEnabled`: enables or disables a user-pool user after CloudFormation
 * created or updated it (it depends on the user, so its Delete comes first, and gives the user back
 * its default, enabled).
 */
export class UserEnabledResource extends Construct {
  /** The custom resource. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: UserEnabledResourceProps) {
    super(scope, id);
    const provider = AppStreamProvider.getOrCreate(this);
    provider.grantEnableDisableUsers();
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: USER_ENABLED_RESOURCE_TYPE,
      properties: {
        [UserEnabledProps.USER_NAME]: props.userName,
        [UserEnabledProps.AUTHENTICATION_TYPE]: props.user.authenticationType,
        [UserEnabledProps.ENABLED]: String(props.enabled),
      },
    });
    this.resource.node.addDependency(props.user);
  }
}

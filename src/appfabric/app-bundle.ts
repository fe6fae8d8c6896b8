import { Annotations, IResource, ITaggable, Resource, Stack, TagManager, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { appBundleChildrenArn } from './private/appfabric-arns';
import { APP_BUNDLE_KEY_ACTIONS, APP_BUNDLE_READ_ACTIONS, USER_ACCESS_AUDIT_ACTIONS } from './private/appfabric-permissions';
import { appFabricResource, appFabricTags } from './private/appfabric-resource';
import { PropsValidator } from '../core/private/validation';
import { Warnings } from '../core/private/warnings';

/**
 * An AWS AppFabric app bundle: the container of a Region's app authorizations and ingestions.
 */
export interface IAppBundle extends IResource {
  /**
   * The ARN of the app bundle.
   * @attribute
   */
  readonly appBundleArn: string;

  /**
   * Grants `actions` (such as `appfabric:GetAppBundle`) on this app bundle's ARN.
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;

  /**
   * Grants what a user-access audit needs: `appfabric:StartUserAccessTasks` and
   * `appfabric:BatchGetUserAccessTasks` on this app bundle.
   */
  grantUserAccessAudit(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grants reading this app bundle and listing its app authorizations and ingestions.
   */
  grantRead(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grants `actions` on every app authorization of this app bundle (and on the bundle, which the
   * Service Authorization Reference requires too), such as `appfabric:ConnectAppAuthorization`.
   */
  grantOnAppAuthorizations(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;
}

/**
 * Properties of an `AppBundle`.
 */
export interface AppBundleProps {
  /**
   * A customer managed KMS key that encrypts the app bundle's data (application tokens, and the audit
   * logs AppFabric stages for 30 days before delivering them).
   *
   * AppFabric creates its own grant on the key when the bundle is created, so the principal that
   * deploys needs `kms:DescribeKey`, `kms:CreateGrant`, `kms:GenerateDataKey` and `kms:Decrypt`:
   * for a key of this app, a key policy statement allows them to the principals of this account when
   * they call through AppFabric (`kms:ViaService`). An imported key's policy is yours to change.
   *
   * @default - an AWS owned key
   */
  readonly encryptionKey?: kms.IKey;
}

/**
 * What an app bundle and an imported one share: the grants, from the ARN alone.
 */
abstract class AppBundleBase extends Resource implements IAppBundle {
  public abstract readonly appBundleArn: string;

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.appBundleArn] });
  }

  public grantUserAccessAudit(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...USER_ACCESS_AUDIT_ACTIONS);
  }

  public grantRead(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...APP_BUNDLE_READ_ACTIONS);
  }

  public grantOnAppAuthorizations(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions,
      resourceArns: [this.appBundleArn, appBundleChildrenArn(this.appBundleArn, 'appauthorization')],
    });
  }
}

const APP_BUNDLE_TYPE = 'AWS::AppFabric::AppBundle';

/** The Service Authorization Reference's `appbundle` ARN format. */
const APP_BUNDLE_ARN = /^arn:[^:]+:appfabric:[^:]+:[0-9]{12}:appbundle\/[^/]+$/;

/** Marks the stacks that hold an app bundle already (AppFabric allows one per account and Region). */
const STACKS_WITH_APP_BUNDLE = new WeakSet<Stack>();

/**
 * An AWS AppFabric app bundle. AppFabric allows one per account and Region (a quota that cannot be
 * raised): a second one in the same stack is warned about; share one across stacks with
 * `AppBundle.fromAppBundleArn()`.
 *
 * @resource AWS::AppFabric::AppBundle
 */
export class AppBundle extends AppBundleBase implements ITaggable {
  /**
   * Refers to an app bundle that exists outside this app.
   *
   * @param appBundleArn such as `arn:aws:appfabric:us-east-1:123456789012:appbundle/0a1b2c3d-...`
   */
  public static fromAppBundleArn(scope: Construct, id: string, appBundleArn: string): IAppBundle {
    class Import extends AppBundleBase {
      public readonly appBundleArn = appBundleArn;
    }
    const valid = Token.isUnresolved(appBundleArn) || (typeof appBundleArn === 'string' && APP_BUNDLE_ARN.test(appBundleArn));
    const imported = new Import(scope, id, { environmentFromArn: valid && !Token.isUnresolved(appBundleArn) ? appBundleArn : undefined });
    if (!valid) {
      const v = new PropsValidator(imported);
      v.fail('appBundleArn', appBundleArn, 'must be an app bundle ARN, arn:<partition>:appfabric:<region>:<account>:appbundle/<id>');
      v.throwIfInvalid();
    }
    return imported;
  }

  public readonly appBundleArn: string;

  /** The key that encrypts the bundle's data, if a customer managed one. */
  public readonly encryptionKey?: kms.IKey;

  public readonly tags: TagManager = appFabricTags(APP_BUNDLE_TYPE);

  constructor(scope: Construct, id: string, props: AppBundleProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    if (STACKS_WITH_APP_BUNDLE.has(stack)) {
      Annotations.of(this).addWarningV2(Warnings.APPFABRIC_ONE_APP_BUNDLE_PER_REGION,
        'this stack holds another AppFabric app bundle: AppFabric allows one per account and Region, so the deployment of the second fails. '
        + 'Import the existing one with AppBundle.fromAppBundleArn().');
    }
    STACKS_WITH_APP_BUNDLE.add(stack);

    this.encryptionKey = props.encryptionKey;
    const resource = appFabricResource(this, APP_BUNDLE_TYPE, {
      CustomerManagedKeyIdentifier: props.encryptionKey?.keyArn,
    });
    this.appBundleArn = resource.getAtt('Arn').toString();

    if (props.encryptionKey) {
      props.encryptionKey.addToResourcePolicy(new iam.PolicyStatement({
        sid: 'AllowAppFabricAppBundle',
        principals: [new iam.AccountRootPrincipal()],
        actions: APP_BUNDLE_KEY_ACTIONS,
        resources: ['*'],
        conditions: {
          StringEquals: {
            'kms:ViaService': `appfabric.${stack.region}.amazonaws.com`,
            'kms:CallerAccount': stack.account,
          },
        },
      }), true);
    }
  }
}

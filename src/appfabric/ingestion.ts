import { Annotations, CfnResource, IResource, ITaggable, Resource, Stack, TagManager, Tags, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SaasApp } from './app-authorization';
import { IAppBundle } from './app-bundle';
import { appFabricServiceLinkedRoleArn, FIREHOSE_MANAGED_TAG, ingestionDestinationsArn, S3_OBJECT_KEY_PART } from './private/appfabric-arns';
import { FIREHOSE_STREAM_NAME, INGESTION_TYPE_AUDIT_LOG, S3_BUCKET_NAME, S3_PREFIX, TENANT_ID } from './private/appfabric-limits';
import { INGESTION_CONTROL_ACTIONS } from './private/appfabric-permissions';
import { appFabricResource, appFabricTags } from './private/appfabric-resource';
import { checkEnum, checkEnumLike, checkString } from '../core/private/input-types';
import { PropsValidator } from '../core/private/validation';
import { Warnings } from '../core/private/warnings';

/**
 * An AppFabric ingestion: the audit log of one tenant of an application.
 */
export interface IIngestion extends IResource {
  /**
   * The ARN of the ingestion.
   * @attribute
   */
  readonly ingestionArn: string;

  /** The ARN of the ingestion's app bundle. */
  readonly appBundleArn: string;
}

/**
 * Properties of an `Ingestion`.
 */
export interface IngestionProps {
  /** The app bundle. */
  readonly appBundle: IAppBundle;

  /** The application, such as `SaasApp.OKTA`: an `AppAuthorization` of the same app and tenant must exist. */
  readonly app: SaasApp;

  /** The tenant's identifier in the application, 1 to 1,024 characters. */
  readonly tenantId: string;
}

const INGESTION_TYPE = 'AWS::AppFabric::Ingestion';

/**
 * An AppFabric audit-log ingestion (ingestion type `auditLog`, the only one AppFabric has). Add where
 * its logs go with `addDestination()`.
 *
 * @resource AWS::AppFabric::Ingestion
 */
export class Ingestion extends Resource implements IIngestion, ITaggable {
  /**
   * Refers to an ingestion that exists outside this app.
   */
  public static fromIngestionAttributes(scope: Construct, id: string, attrs: IngestionAttributes): IIngestion {
    class Import extends Resource implements IIngestion {
      public readonly ingestionArn = attrs.ingestionArn;
      public readonly appBundleArn = attrs.appBundleArn;
    }
    return new Import(scope, id);
  }

  public readonly ingestionArn: string;
  public readonly appBundleArn: string;

  /**
   * Whether the ingestion runs: `enabled` or `disabled`.
   * @attribute
   */
  public readonly ingestionState: string;

  public readonly tags: TagManager = appFabricTags(INGESTION_TYPE);

  constructor(scope: Construct, id: string, props: IngestionProps) {
    super(scope, id);
    const v = new PropsValidator(this);
    const typesOk = [
      checkEnumLike(v, 'app', props.app, 'SaasApp', 'OKTA'),
      checkString(v, 'tenantId', props.tenantId),
    ].every(Boolean);
    for (const [name, value] of [['appBundle', props.appBundle], ['app', props.app], ['tenantId', props.tenantId]] as const) {
      if (value === undefined) {
        v.fail(name, value, 'is required');
      }
    }
    if (typesOk) {
      v.string('tenantId', props.tenantId, TENANT_ID);
    }
    v.throwIfInvalid();

    this.appBundleArn = props.appBundle.appBundleArn;
    const resource = appFabricResource(this, INGESTION_TYPE, {
      AppBundleArn: props.appBundle.appBundleArn,
      App: props.app.value,
      TenantId: props.tenantId,
      IngestionType: INGESTION_TYPE_AUDIT_LOG,
    });
    this.ingestionArn = resource.getAtt('Arn').toString();
    this.ingestionState = resource.getAtt('State').toString();
  }

  /**
   * Delivers this ingestion's audit logs to `options.destination`.
   */
  public addDestination(id: string, options: IngestionDestinationOptions): IngestionDestination {
    return new IngestionDestination(this, id, { ...options, ingestion: this });
  }

  /**
   * Grants starting and stopping this ingestion and reading it, on the app bundle and the ingestion.
   */
  public grantControl(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: INGESTION_CONTROL_ACTIONS,
      resourceArns: [this.appBundleArn, this.ingestionArn, ingestionDestinationsArn(this.ingestionArn)],
    });
  }
}

/**
 * Attributes of an ingestion that exists outside this app.
 */
export interface IngestionAttributes {
  /** The ARN of the ingestion. */
  readonly ingestionArn: string;

  /** The ARN of its app bundle. */
  readonly appBundleArn: string;
}

/**
 * The event schema AppFabric writes audit logs in.
 */
export enum AuditLogSchema {
  /** Normalized to the Open Cybersecurity Schema Framework. */
  OCSF = 'ocsf',
  /** As the application returns them. */
  RAW = 'raw',
}

/**
 * The file format of the audit logs.
 */
export enum AuditLogFormat {
  /** JSON. */
  JSON = 'json',
  /** Apache Parquet. */
  PARQUET = 'parquet',
}

/**
 * Where an ingestion delivers its audit logs: an S3 bucket (with a prefix) or a Firehose stream.
 */
export abstract class AuditLogDestination {
  /**
   * An S3 bucket in the same account. AppFabric's service-linked role writes the objects (under keys
   * that contain `AWSAppFabric/`); when the bucket is encrypted with a KMS key of this app, the key's
   * policy allows that role to use it.
   *
   * @param prefix the object key prefix, 1 to 120 characters
   */
  public static s3Bucket(bucket: s3.IBucket, prefix?: string): AuditLogDestination {
    return new S3Destination(bucket, prefix);
  }

  /**
   * A Firehose stream. AppFabric's service-linked role may write only to streams tagged
   * `AWSAppFabricManaged=true`: a stream of this app gets that tag; tag an imported one yourself.
   */
  public static firehoseStream(stream: firehose.IDeliveryStream): AuditLogDestination {
    return new FirehoseDestination(stream);
  }

  /**
   * Records problems in `v`, prepares the destination for AppFabric, and returns the
   * CloudFormation `Destination`.
   *
   * @internal
   */
  public abstract _bind(scope: Construct, v: PropsValidator): Record<string, unknown>;
}

class S3Destination extends AuditLogDestination {
  constructor(private readonly bucket: s3.IBucket, private readonly prefix?: string) {
    super();
  }

  public _bind(scope: Construct, v: PropsValidator): Record<string, unknown> {
    v.string('destination (S3 bucket name)', this.bucket.bucketName, S3_BUCKET_NAME);
    if (checkString(v, 'destination (S3 prefix)', this.prefix)) {
      v.string('destination (S3 prefix)', this.prefix, S3_PREFIX);
    }
    const stack = Stack.of(scope);
    const bucketAccount = this.bucket.env.account;
    if (!Token.isUnresolved(bucketAccount) && !Token.isUnresolved(stack.account) && bucketAccount !== stack.account) {
      v.fail('destination (S3 bucket account)', bucketAccount,
        `must be this stack's account ${stack.account}: AppFabric's service-linked role writes only to buckets of its own account`);
    }
    if (this.bucket.encryptionKey) {
      const added = this.bucket.encryptionKey.addToResourcePolicy(new iam.PolicyStatement({
        sid: 'AllowAppFabricAuditLogDelivery',
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          ArnEquals: { 'aws:PrincipalArn': appFabricServiceLinkedRoleArn(scope) },
          StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` },
        },
      }), true);
      if (!added.statementAdded) {
        Annotations.of(scope).addWarningV2(Warnings.APPFABRIC_DESTINATION_NOT_PREPARED,
          `the bucket's KMS key is imported: allow AppFabric's service-linked role (${S3_OBJECT_KEY_PART} objects) kms:GenerateDataKey and kms:Decrypt on it yourself`);
      }
    }
    return { S3Bucket: { BucketName: this.bucket.bucketName, Prefix: this.prefix } };
  }
}

class FirehoseDestination extends AuditLogDestination {
  constructor(private readonly stream: firehose.IDeliveryStream) {
    super();
  }

  public _bind(scope: Construct, v: PropsValidator): Record<string, unknown> {
    v.string('destination (Firehose stream name)', this.stream.deliveryStreamName, FIREHOSE_STREAM_NAME);
    if (this.stream.node.defaultChild instanceof CfnResource) {
      Tags.of(this.stream).add(FIREHOSE_MANAGED_TAG.key, FIREHOSE_MANAGED_TAG.value);
    } else {
      Annotations.of(scope).addWarningV2(Warnings.APPFABRIC_DESTINATION_NOT_PREPARED,
        `the Firehose stream is imported: tag it ${FIREHOSE_MANAGED_TAG.key}=${FIREHOSE_MANAGED_TAG.value} yourself, or AppFabric's service-linked role may not write to it`);
    }
    return { FirehoseStream: { StreamName: this.stream.deliveryStreamName } };
  }
}

/**
 * Options of `Ingestion.addDestination()`.
 */
export interface IngestionDestinationOptions {
  /** Where the audit logs go. */
  readonly destination: AuditLogDestination;

  /**
   * The event schema.
   * @default AuditLogSchema.OCSF
   */
  readonly schema?: AuditLogSchema;

  /**
   * The file format.
   * @default AuditLogFormat.JSON
   */
  readonly format?: AuditLogFormat;
}

/**
 * Properties of an `IngestionDestination`.
 */
export interface IngestionDestinationProps extends IngestionDestinationOptions {
  /** The ingestion whose audit logs are delivered. */
  readonly ingestion: IIngestion;
}

const INGESTION_DESTINATION_TYPE = 'AWS::AppFabric::IngestionDestination';

/**
 * Where an AppFabric ingestion delivers its audit logs, and in which schema and format.
 *
 * @resource AWS::AppFabric::IngestionDestination
 */
export class IngestionDestination extends Resource implements ITaggable {
  /**
   * The ARN of the ingestion destination.
   * @attribute
   */
  public readonly ingestionDestinationArn: string;

  /**
   * `Active`, or `Failed` (then see `ingestionDestinationStatusReason`).
   * @attribute
   */
  public readonly ingestionDestinationStatus: string;

  /**
   * Why the destination failed, when it did.
   * @attribute
   */
  public readonly ingestionDestinationStatusReason: string;

  public readonly tags: TagManager = appFabricTags(INGESTION_DESTINATION_TYPE);

  constructor(scope: Construct, id: string, props: IngestionDestinationProps) {
    super(scope, id);
    const v = new PropsValidator(this);
    checkEnum(v, 'schema', props.schema, 'AuditLogSchema', AuditLogSchema);
    checkEnum(v, 'format', props.format, 'AuditLogFormat', AuditLogFormat);
    if (props.ingestion === undefined) {
      v.fail('ingestion', undefined, 'is required');
    }
    if (!(props.destination instanceof AuditLogDestination)) {
      v.fail('destination', props.destination === undefined ? undefined : typeof props.destination,
        'must be an AuditLogDestination: AuditLogDestination.s3Bucket() or AuditLogDestination.firehoseStream()');
      v.throwIfInvalid();
    }
    const destination = props.destination._bind(this, v);
    v.throwIfInvalid();

    const resource = appFabricResource(this, INGESTION_DESTINATION_TYPE, {
      AppBundleArn: props.ingestion.appBundleArn,
      IngestionArn: props.ingestion.ingestionArn,
      ProcessingConfiguration: {
        AuditLog: { Schema: props.schema ?? AuditLogSchema.OCSF, Format: props.format ?? AuditLogFormat.JSON },
      },
      DestinationConfiguration: { AuditLog: { Destination: destination } },
    });
    this.ingestionDestinationArn = resource.getAtt('Arn').toString();
    this.ingestionDestinationStatus = resource.getAtt('Status').toString();
    this.ingestionDestinationStatusReason = resource.getAtt('StatusReason').toString();
  }
}

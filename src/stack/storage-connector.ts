import { enumLikeValue } from '../core/private/enum-like';
/**
 * The kind of persistent storage a storage connector gives users.
 */
export class StorageConnectorType {
  /** Home folders in an S3 bucket that AppStream creates in your account. */
  public static readonly HOMEFOLDERS = new StorageConnectorType('HOMEFOLDERS');
  /** Google Drive for Google Workspace domains. */
  public static readonly GOOGLE_DRIVE = new StorageConnectorType('GOOGLE_DRIVE');
  /** OneDrive for Business domains. */
  public static readonly ONE_DRIVE = new StorageConnectorType('ONE_DRIVE');

  /**
   * A connector type by its API name, for types that AWS adds after this library was released.
   *
   * @param value the connector type as the AppStream API spells it, such as `HOMEFOLDERS`
   */
  public static of(value: string): StorageConnectorType {
    return new StorageConnectorType(enumLikeValue({ className: 'StorageConnectorType', what: "the connector type's API value", example: 'HOMEFOLDERS' }, value));
  }

  /** The connector type as the AppStream API spells it. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  /** The value as the AppStream API spells it. */
  public toString(): string {
    return this.value;
  }
}

/**
 * Options of a Google Drive storage connector.
 */
export interface GoogleDriveOptions {
  /**
   * The Google Workspace domains whose users can connect their Google Drive (at most 50, each 1 to 64 characters).
   */
  readonly domains: string[];
}

/**
 * Options of a OneDrive storage connector.
 */
export interface OneDriveOptions {
  /**
   * The OneDrive for Business domains whose users can connect their OneDrive (at most 50, each 1 to 64 characters).
   */
  readonly domains: string[];

  /**
   * The OneDrive for Business domains where linking an account requires admin consent (at most 50,
   * each 1 to 64 characters).
   *
   * Note: the AppStream API accepts this list, but CloudFormation's schema for
   * `AWS::AppStream::Stack` has no such property (and forbids unknown ones), so synthesis fails
   * with an explanation while it is set; set it with the UpdateStack API after deployment.
   *
   * @default - no domain requires admin consent
   */
  readonly domainsRequireAdminConsent?: string[];
}

/**
 * Options of a storage connector of any type.
 */
export interface StorageConnectorOptions {
  /**
   * The domains of the connector (at most 50, each 1 to 64 characters).
   *
   * @default - none
   */
  readonly domains?: string[];

  /**
   * The domains where linking an account requires admin consent (OneDrive only).
   *
   * @default - none
   */
  readonly domainsRequireAdminConsent?: string[];

  /**
   * The ARN of the storage connector (`ResourceIdentifier`, 1 to 2,048 characters).
   *
   * @default - none: AppStream manages the connector's resource
   */
  readonly resourceIdentifier?: string;
}

/**
 * A connector that gives users of a stack persistent storage.
 */
export class StorageConnector {
  /**
   * Home folders: each user gets a folder in an S3 bucket that AppStream creates in your account.
   */
  public static homeFolders(): StorageConnector {
    return new StorageConnector(StorageConnectorType.HOMEFOLDERS, {});
  }

  /**
   * Google Drive for the given Google Workspace domains.
   */
  public static googleDrive(options: GoogleDriveOptions): StorageConnector {
    return new StorageConnector(StorageConnectorType.GOOGLE_DRIVE, { domains: options.domains });
  }

  /**
   * OneDrive for Business for the given domains.
   */
  public static oneDrive(options: OneDriveOptions): StorageConnector {
    return new StorageConnector(StorageConnectorType.ONE_DRIVE, {
      domains: options.domains,
      domainsRequireAdminConsent: options.domainsRequireAdminConsent,
    });
  }

  /**
   * A connector of any type, for types that AWS adds after this library was released.
   */
  public static of(type: StorageConnectorType, options: StorageConnectorOptions = {}): StorageConnector {
    return new StorageConnector(type, options);
  }

  /** The type of the connector. */
  public readonly connectorType: StorageConnectorType;

  /**
   * The domains of the connector.
   *
   * @default - none
   */
  public readonly domains?: string[];

  /**
   * The domains where linking an account requires admin consent (OneDrive only).
   *
   * @default - none
   */
  public readonly domainsRequireAdminConsent?: string[];

  /**
   * The ARN of the storage connector.
   *
   * @default - none
   */
  public readonly resourceIdentifier?: string;

  private constructor(type: StorageConnectorType, options: StorageConnectorOptions) {
    this.connectorType = type;
    this.domains = options.domains;
    this.domainsRequireAdminConsent = options.domainsRequireAdminConsent;
    this.resourceIdentifier = options.resourceIdentifier;
  }
}

import { IResource } from 'aws-cdk-lib';

/**
 * An AppStream directory config: how fleets and image builders join an Active Directory domain.
 */
export interface IDirectoryConfig extends IResource {
  /**
   * The fully qualified name of the directory, such as `corp.example.com`.
   * @attribute
   */
  readonly directoryName: string;

  /**
   * The distinguished names of the organizational units for computer accounts.
   *
   * @default - unknown (imported directory configs that do not say)
   */
  readonly organizationalUnits?: string[];
}

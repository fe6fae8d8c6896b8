import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AgentAccess } from './agent-access';
import { ApplicationSettings, ContentRedirection, StackAttribute, StreamingExperienceSettings } from './stack-settings';
import { StorageConnector } from './storage-connector';
import { UserSettings } from './user-settings';
import { IFleet } from '../fleet/fleet';

/**
 * Attributes of an AppStream stack defined outside this CDK app.
 */
export interface StackAttributes {
  /**
   * The name of the stack.
   *
   * @default - derived from `stackArn`
   */
  readonly stackName?: string;

  /**
   * The ARN of the stack.
   *
   * @default - built from `stackName` in this CDK stack's account and region
   */
  readonly stackArn?: string;

  /**
   * The fleet associated with the stack, so that grants can name its ARN.
   *
   * @default - unknown: grants that need a fleet ARN cover every fleet of the stack's account and region
   */
  readonly fleet?: IFleet;
}

/**
 * Properties of an AppStream stack.
 */
export interface StackProps {
  /**
   * The name of the stack: 1 to 101 characters, letters, digits, `_`, `.` and `-`, starting with
   * a letter or digit.
   *
   * @default - a unique name generated from the construct path
   */
  readonly stackName?: string;

  /**
   * The name shown to users (at most 100 characters).
   *
   * @default - none
   */
  readonly displayName?: string;

  /**
   * The description shown to users (at most 256 characters).
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * What users can do during their streaming sessions (clipboard, files, printing, sign-in, ...).
   *
   * @default - AppStream's defaults (every action enabled)
   */
  readonly userSettings?: UserSettings;

  /**
   * Persistent storage for users: home folders, Google Drive, OneDrive (at most one per type).
   *
   * @default - none
   */
  readonly storageConnectors?: StorageConnector[];

  /**
   * Persistent application settings.
   *
   * @default - not persisted
   */
  readonly applicationSettings?: ApplicationSettings;

  /**
   * Interface VPC endpoints (1 to 4) through which users must stream; each becomes a `STREAMING`
   * access endpoint.
   *
   * @default - users stream over the internet
   */
  readonly accessEndpoints?: ec2.IInterfaceVpcEndpoint[];

  /**
   * The domains that may embed streaming sessions in an iframe (1 to 20, each a lower-case
   * domain name of at most 128 characters).
   *
   * @default - sessions cannot be embedded
   */
  readonly embedHostDomains?: string[];

  /**
   * The URL users are sent to when their session ends (at most 1,000 characters).
   *
   * @default - none
   */
  readonly redirectUrl?: string;

  /**
   * The URL of the Send Feedback link (at most 1,000 characters).
   *
   * @default - no Send Feedback link
   */
  readonly feedbackUrl?: string;

  /**
   * The streaming experience, such as the preferred protocol.
   *
   * @default - AppStream's defaults
   */
  readonly streamingExperienceSettings?: StreamingExperienceSettings;

  /**
   * URL redirection between the streaming session and the local device.
   *
   * @default - AppStream's defaults
   */
  readonly contentRedirection?: ContentRedirection;

  /**
   * Agent access: lets AI agents interact with desktop applications in streaming sessions.
   *
   * @default - agent access disabled
   */
  readonly agentAccess?: AgentAccess;

  /**
   * Stack attributes that an update deletes.
   *
   * @default - none
   */
  readonly attributesToDelete?: StackAttribute[];

  /**
   * The fleet to associate with the stack (AppStream associates at most one fleet with a stack;
   * `addFleet()` does the same after construction).
   *
   * @default - no fleet; call `addFleet()` later
   */
  readonly fleet?: IFleet;

  /**
   * Tags for the stack (at most 50). `Tags.of(stack)` works as well.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

import { RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';
import { AppStreamProvider } from './private/appstream-provider';

/**
 * How the custom-resource provider of a CDK stack keeps its logs.
 */
export interface ProviderLogOptions {
  /**
   * How long the provider's log groups keep their events: the handler functions', the provider
   * framework's and the waiter state machine's.
   *
   * @default logs.RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * What happens to the provider's log groups when they leave the stack (`cdk destroy`, or the last
   * construct that needed the provider removed). `RemovalPolicy.DESTROY` deletes them with the stack;
   * `RemovalPolicy.SNAPSHOT` does not apply to log groups.
   *
   * @default RemovalPolicy.RETAIN - the logs outlive the stack, for an investigation after `cdk destroy`
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * Settings of the custom-resource provider that the library adds to a CDK stack when a construct
 * needs one (fleet states, update guards, image look-ups, user-stack associations): one provider per
 * CDK stack serves every kind.
 *
 * Settings apply to the provider of the CDK stack that holds `scope` (a nested stack has its own),
 * whether the provider exists yet or is created later; a later call overrides the options it sets.
 */
export class ProviderSettings {
  /**
   * Sets how the provider of the CDK stack that holds `scope` keeps its log groups.
   *
   * @param scope any construct of the CDK stack
   * @param options retention and removal policy of the provider's log groups
   */
  public static configureLogs(scope: IConstruct, options: ProviderLogOptions): void {
    checkOneOf('logRetention', options.logRetention, Object.values(logs.RetentionDays).filter((days) => typeof days === 'number'));
    // CloudFormation takes no Snapshot policy on a log group.
    checkOneOf('logRemovalPolicy', options.logRemovalPolicy, [RemovalPolicy.DESTROY, RemovalPolicy.RETAIN, RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE]);
    AppStreamProvider.configureLogs(scope, options);
  }

  private constructor() {}
}

/** From plain JavaScript, a wrong value must not reach the template. */
function checkOneOf(name: string, value: unknown, allowed: readonly unknown[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new Error(`ProviderSettings.configureLogs: ${name} must be one of ${allowed.join(', ')}, as its enum gives them (got ${JSON.stringify(value)})`);
  }
}

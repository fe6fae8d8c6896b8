// core
export * from './core/provider-settings';
// fleet
export * from './fleet/fleet';
export * from './fleet/fleet-attribute';
export * from './fleet/fleet-autoscaling';
export * from './fleet/fleet-platform';
export * from './fleet/fleet-props';
export * from './fleet/fleet-session-script';
export * from './fleet/fleet-state';
export * from './fleet/fleet-type';
export * from './fleet/image';
export * from './fleet/instance-type';
// stack
export * from './stack/agent-access';
export * from './stack/stack';
export * from './stack/stack-props';
export * from './stack/stack-interface';
export * from './stack/stack-settings';
export * from './stack/stack-theme';
export * from './stack/storage-connector';
export * from './stack/user-settings';
// users
export * from './users/stack-user';
export * from './users/user';
export * from './users/user-stack-association';
// directory
export * from './directory/directory-config';
// portal
export * from './portal/portal-identity-provider';
export * from './portal/streaming-portal';
export * from './portal/streaming-portal-props';
// appfabric (a jsii submodule: import { appfabric } from 'cdk-appstream')
export * as appfabric from './appfabric';
// operations
export * from './operations/usage-reports';
export * from './operations/fleet-dashboard';
// apps
export * from './apps/app-block';
export * from './apps/app-block-builder';
export * from './apps/app-file';
export * from './apps/application';
export * from './apps/application-interface';
export * from './apps/entitlement';
export * from './apps/image-builder';
// images
export * from './images/image';
export * from './images/image-source';

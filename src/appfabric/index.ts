export * from './app-bundle';
export * from './app-authorization';
export * from './ingestion';
export * from './user-access-audit';

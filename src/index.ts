export * from './directory-config';
export * from './fleet';
export * from './stack';

export { ConfigError, readConfig, type ConfigOf, type ConfigSpecs } from './read-config';
export { projectPath, sharedPath } from './project-path';
export { bool, num, str, url } from 'envalid';
export { databaseUrl, isSecretSpec, port, secret, share } from './validators';

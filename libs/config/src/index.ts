export { readConfig, ConfigError, type ConfigOf } from './read-config';
export { projectPath } from './project-path';
export { bool, num, port, str, url } from 'envalid';

export { DocumentsSandboxModule } from './documents-sandbox.module';
export { documentsSandboxConfigSpec, type DocumentsSandboxConfig } from './documents-sandbox.config';
export type { ReceivedPackage } from './documents-sandbox.store';

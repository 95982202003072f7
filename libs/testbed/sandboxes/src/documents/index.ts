export { DocumentsSandboxModule } from './documents-sandbox.module';
export { documentsSandboxConfigSpec, type DocumentsSandboxConfig } from './documents-sandbox.config';
export type { ReceivedPackage } from './documents-sandbox.store';
// The sandbox's side of the edXML contract, for contract tests against the connector.
export { checkEdxmlPackage, type CheckedPackage } from './edxml-package-check';
export { documentRefOf } from './edxml-header-check';
export { writeStatusPackage, type StatusPackage } from './edxml-status-writer';
export { SandboxStatus } from './edxml-names';
export { PackageRefusal } from './package-refusal';

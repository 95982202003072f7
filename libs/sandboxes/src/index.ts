export { PortalSandboxModule } from './national-portal/portal-sandbox.module';
export { portalSandboxConfigSpec, type PortalSandboxConfig } from './national-portal/portal-sandbox.config';
export type { HeldDossier } from './national-portal/portal-sandbox.store';
export * from './faults';
export { DocumentsSandboxModule, documentsSandboxConfigSpec, type ReceivedPackage } from './documents';
export * from './population';

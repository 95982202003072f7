export { PortalSandboxModule } from './national-portal/portal-sandbox.module';
export { portalSandboxConfigSpec } from './national-portal/portal-sandbox.config';
export * from './faults';
export { DocumentsSandboxModule, documentsSandboxConfigSpec, type ReceivedPackage } from './documents';
export * from './population';

export { PortalSandboxModule } from './national-portal/portal-sandbox.module';
export { portalSandboxConfigSpec } from './national-portal/portal-sandbox.config';
export * from './faults';
export * from './documents';
export * from './population';
export * from './payment';
export * from './national-score';

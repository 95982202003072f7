export { ManagedServices, type ManagedService } from './managed-services';
export { startApp, runMain, runUntilSignal, type RunningApp } from './start-app';

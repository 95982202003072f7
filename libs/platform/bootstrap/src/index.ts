export { ManagedServices, type ManagedService } from './managed-services';
export { startApp, runMain, runUntilSignal, type RunningApp, type HttpOptions } from './start-app';
export { PeriodicTask, type PeriodicTaskOptions } from './periodic-task';
export { sleep } from './sleep';
export { SharedResource, SharedResourceModule } from './shared-resource';

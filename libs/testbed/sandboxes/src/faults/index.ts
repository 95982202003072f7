export { FaultsModule } from './faults.module';
export { FaultInjector } from './fault-injector';
export {
  faultPlan,
  parseFaultPlan,
  NO_FAULTS,
  FAULT_KINDS,
  type FaultPlan,
  type FaultKind,
} from './fault-plan';

export { SimulatorModule } from './simulator.module';
export { simulatorConfigSpec, SIMULATOR_CONFIG, type SimulatorConfig } from './simulator.config';
export { motcuaLifecycle } from './motcua-lifecycle';
export {
  AGENCIES,
  PROCEDURES,
  agenciesHandling,
  type Agency,
  type AgencyLevel,
  type AgencyType,
  type Procedure,
  type Sector,
  type SimulatedSystem,
} from './agency-catalogue';
export { paymentRequestOf, type PlannedPayment } from './payment-requests';
export { mixedEvents, type GeneratedEvent } from './mixed-events';
export {
  CITIZENS,
  isRegisteredAs,
  personalId,
  seededRandom,
  unknownPerson,
  type Citizen,
  type Sex,
} from './citizen-registry';
export { SIMULATED_SYSTEMS } from './source-formats';

export { SimulatorModule } from './simulator.module';
export { Simulator } from './simulator';
export { simulatorConfigSpec, type SimulatorConfig } from './simulator.config';
export { motcuaLifecycle } from './motcua-lifecycle';
export { toGtvtEvent, toHotichXml } from './source-formats';
export { mixedEvents, type GeneratedEvent } from './mixed-events';
export {
  CITIZENS,
  CITIZEN_REGISTRY_SIZE,
  UNKNOWN_APPLICANT_SHARE,
  findCitizen,
  personalId,
  randomPerson,
  seededRandom,
  simulatedApplicant,
  unknownPerson,
  type Citizen,
  type Random,
  type Sex,
} from './citizen-registry';

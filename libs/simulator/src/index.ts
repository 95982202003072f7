export { SimulatorModule } from './simulator.module';
export { motcuaLifecycle } from './motcua-lifecycle';
export { mixedEvents, type GeneratedEvent } from './mixed-events';
export {
  CITIZENS,
  personalId,
  seededRandom,
  unknownPerson,
  type Citizen,
  type Sex,
} from './citizen-registry';

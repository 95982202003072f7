export { SimulatorModule } from './simulator.module';
export { Simulator } from './simulator';
export { simulatorConfigSpec, type SimulatorConfig } from './simulator.config';
export { motcuaLifecycle } from './motcua-lifecycle';
export { toGtvtEvent, toHotichXml } from './source-formats';
export { mixedEvents, type GeneratedEvent } from './mixed-events';

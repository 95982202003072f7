export { POPULATION_SERVICE_PATH } from './population.contract';
export { populationConfigSpec } from './population.config';
export { PopulationClient } from './population-client';
export type { IdentityVerifiedEvent } from './identity-verified';
export {
  populationConnectorConfigSpec,
  populationConnectorDefinition,
} from './population-connector.definition';

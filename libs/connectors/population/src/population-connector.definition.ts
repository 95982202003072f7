import { connectorBaseConfigSpec, type ConnectorDefinition } from '@lienthong/connector-runtime';
import { IdentityCache } from './identity-cache';
import { IdentityVerifier } from './identity-verifier';
import { PopulationAudit } from './population-audit';
import { PopulationClient } from './population-client';
import { populationConnectorOwnSpec } from './population.config';
import { PopulationConnector } from './population.connector';
import { Pseudonymizer } from '@lienthong/personal-data';

export const populationConnectorConfigSpec = { ...connectorBaseConfigSpec, ...populationConnectorOwnSpec };

/** The population connector for ConnectorModule.register: verifies applicants, publishes identity.verified.v1. */
export const populationConnectorDefinition: ConnectorDefinition<typeof populationConnectorOwnSpec> = {
  configSpec: populationConnectorOwnSpec,
  create: (config, { kafka, database, topics }) => {
    const topic = topics.identityVerified;
    const pseudonyms = new Pseudonymizer(config.POPULATION_AUDIT_KEY);
    const verifier = new IdentityVerifier(
      new PopulationClient(config),
      new IdentityCache(config.POPULATION_CACHE_TTL_S, config.POPULATION_CACHE_MAX),
      new PopulationAudit(database, PopulationConnector.connectorName, pseudonyms),
      pseudonyms,
      config.POPULATION_OFFICER,
    );
    return {
      connector: new PopulationConnector(verifier, topic),
      services: () => [{ start: () => kafka.ensureTopics([{ name: topic }]) }],
      retention: [
        { table: 'population_audit', column: 'requested_at', days: config.POPULATION_AUDIT_RETENTION_DAYS },
      ],
    };
  },
};

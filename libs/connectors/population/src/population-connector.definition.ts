import {
  connectorBaseConfigSpec,
  routedDossierEvents,
  type ConnectorDefinition,
} from '@lienthong/connector-runtime';
import { applicantKeySpecs, Pseudonymizer } from '@lienthong/personal-data';
import { IdentityCache } from './identity-cache';
import { IdentityVerifier } from './identity-verifier';
import { PopulationAudit } from './population-audit';
import { PopulationClient } from './population-client';
import { populationConnectorOwnSpec } from './population.config';
import { PopulationConnector } from './population.connector';

/** A population check needs the applicant's personal ID, name and birth date, no contact details. */
const APPLICANT = 'identity';

const populationConnectorSpec = { ...populationConnectorOwnSpec, ...applicantKeySpecs[APPLICANT] };

export const populationConnectorConfigSpec = { ...connectorBaseConfigSpec, ...populationConnectorSpec };

/** The population connector for ConnectorModule.register: verifies applicants, publishes identity.verified.v1. */
export const populationConnectorDefinition: ConnectorDefinition<typeof populationConnectorSpec> = {
  configSpec: populationConnectorSpec,
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
      connector: new PopulationConnector(routedDossierEvents(APPLICANT, config), verifier, topic),
      services: () => [{ start: () => kafka.ensureTopics([{ name: topic }]) }],
      retention: [
        { table: 'population_audit', column: 'requested_at', days: config.POPULATION_AUDIT_RETENTION_DAYS },
      ],
    };
  },
};

import { port } from '@lienthong/config';
import {
  connectorBaseConfigSpec,
  routedDossierEvents,
  type ConnectorDefinition,
} from '@lienthong/connector-runtime';
import { DocumentsExchangeClient } from './documents-exchange.client';
import { documentsConfigSpec } from './documents.config';
import { DocumentsConnector } from './documents.connector';
import { DocumentsStore } from './documents.store';
import { DocumentsFeedbackPoller } from './feedback-poller';
import { StatusDeadLetters } from './status-dead-letters';

/** An edXML result package never names the applicant: it opens none of the sealed parts, holds no key. */
const APPLICANT = 'pseudonym';

const documentsConnectorOwnSpec = {
  ...documentsConfigSpec,
  DOCUMENTS_CONNECTOR_HTTP_PORT: port({
    default: 8093,
    desc: 'Port of the documents connector /health and /metrics',
  }),
};

export const documentsConnectorConfigSpec = { ...connectorBaseConfigSpec, ...documentsConnectorOwnSpec };

/** The documents connector: result packages out through the runtime, status feedback in by a poller. */
export const documentsConnectorDefinition: ConnectorDefinition<typeof documentsConnectorOwnSpec> = {
  configSpec: documentsConnectorOwnSpec,
  create: (config, { database, kafka, topics }) => {
    const exchange = new DocumentsExchangeClient(config);
    const store = new DocumentsStore(database);
    const sender = { organId: config.DOCUMENTS_ORGAN_ID, organName: config.DOCUMENTS_ORGAN_NAME };
    return {
      connector: new DocumentsConnector(routedDossierEvents(APPLICANT, {}), exchange, store, {
        sender,
        promulgationPlace: config.DOCUMENTS_PROMULGATION_PLACE,
      }),
      services: () => [
        new DocumentsFeedbackPoller(exchange, store, new StatusDeadLetters(kafka, topics), {
          organId: sender.organId,
          intervalMs: config.DOCUMENTS_FEEDBACK_INTERVAL_MS,
        }),
      ],
    };
  },
};

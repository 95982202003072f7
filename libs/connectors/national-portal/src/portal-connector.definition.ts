import { num, port } from '@lienthong/config';
import {
  connectorBaseConfigSpec,
  routedDossierEvents,
  type ConnectorDefinition,
} from '@lienthong/connector-runtime';
import { applicantKeySpecs } from '@lienthong/personal-data';
import { PaymentConfirmations } from './payment-confirmations';
import { PopulationChecks } from './population-checks';
import { PortalClient } from './portal-client';
import { portalConfigSpec } from './portal.config';
import { ProgressHistory } from './progress-history';
import { PortalConnector } from './portal.connector';
import { Reconciler, reconciliationSchedule } from './reconciliation';

/** The portal publishes the applicant (ChuHoSo, SoGiayToChuHoSo, Email, SoDienThoai): it opens both parts. */
const APPLICANT = 'clear';

const portalConnectorOwnSpec = {
  ...portalConfigSpec,
  ...applicantKeySpecs[APPLICANT],
  PORTAL_CONNECTOR_HTTP_PORT: port({
    default: 8091,
    desc: 'Port of the national-portal connector /health and /metrics',
  }),
  PORTAL_SYNC_BATCH_SIZE: num({
    default: 50,
    desc: 'Most dossiers sent in one DongBoHoSoMC call when a batch is delivered together',
  }),
  PORTAL_RECONCILE_INTERVAL_MS: num({
    default: 3_600_000,
    desc: 'How often the connector reconciles its ledger with TraCuuHoSo (0 = only on demand)',
  }),
  PORTAL_RECONCILE_WINDOW_DAYS: num({
    default: 30,
    desc: 'Scheduled reconciliation checks the dossiers delivered in this many last days',
  }),
};

export const portalConnectorConfigSpec = { ...connectorBaseConfigSpec, ...portalConnectorOwnSpec };

export const portalConnectorDefinition: ConnectorDefinition<typeof portalConnectorOwnSpec> = {
  configSpec: portalConnectorOwnSpec,
  create: (config, { database, topics }) => {
    const portal = new PortalClient(config);
    return {
      connector: new PortalConnector(
        routedDossierEvents(APPLICANT, config),
        portal,
        config.PORTAL_SYNC_BATCH_SIZE,
        new PopulationChecks(database),
        new PaymentConfirmations(database),
        new ProgressHistory(database),
        { identityVerified: topics.identityVerified, payment: topics.payment },
      ),
      services: (amendments) => [
        reconciliationSchedule(
          new Reconciler(portal, database, amendments),
          config.PORTAL_RECONCILE_INTERVAL_MS,
          config.PORTAL_RECONCILE_WINDOW_DAYS,
        ),
      ],
      // The status history a restore sends again is kept as long as the ledger keeps the events.
      retention: [
        { table: 'portal_progress_sent', column: 'sent_at', days: config.CONNECTOR_LEDGER_RETENTION_DAYS },
      ],
    };
  },
};

import { parseTokenTtl } from '@lienthong/access';
import { bool, num, port, readConfig, secret, str, type ConfigOf } from '@lienthong/config';
import { auditConfigSpec } from '@lienthong/audit';
import { makeValidator } from 'envalid';
import { connectorRuntimeConfigSpec, type ConnectorRuntimeConfig } from '@lienthong/connector-runtime';
import { hubConfigSpec } from '@lienthong/hub';
import { portalConfigSpec, type PortalConfig } from '@lienthong/national-portal';
import { paymentConfigSpec, type PaymentConfig } from '@lienthong/payment';
import { openingKeysSpec } from '@lienthong/personal-data';

const positiveInt = makeValidator<number>((input) => {
  if (!/^[1-9]\d*$/.test(input.trim())) throw new Error(`a whole number above 0, got "${input}"`);
  return Number(input);
});

const tokenTtl = makeValidator<string>((input) => {
  if (parseTokenTtl(input) === undefined)
    throw new Error(`hours or days up to 365d, e.g. 90d; got "${input}"`);
  return input;
});

export const consoleOwnConfigSpec = {
  CONSOLE_PORT: port({ default: 8080, desc: 'Port of the console: web pages, /api/v1, /api/docs' }),
  CONSOLE_HOST: str({
    default: '127.0.0.1',
    desc: 'Address the console listens on; only this host unless set (0.0.0.0 behind a proxy)',
    example: '0.0.0.0',
  }),
  CONSOLE_TRAIL_RETENTION_DAYS: num({
    default: 30,
    desc: 'Days a message stays in the dossier trail (traces); 0 keeps it forever',
  }),
  DLQ_RETENTION_DAYS: num({
    default: 90,
    desc: 'Days a dead letter (with its payload: personal data) stays in the console, replayed or not, unless an operator holds it; 0 keeps them forever',
    example: '30',
  }),
  CONSOLE_ADMIN_TOKEN: secret({
    default: '',
    optional: true,
    desc: 'Optional first admin token (at least 32 characters); known to the console at start-up. Empty: create one with `lienthong token create --local`',
    example: 'lt_a-long-random-secret-from-the-secret-store',
  }),
  CONSOLE_TOKEN_TTL: tokenTtl({
    default: '90d',
    desc: 'Lifetime of a console token made without one (API `ttl`, CLI `--ttl`); the CONSOLE_ADMIN_TOKEN does not expire',
    example: '30d',
  }),
  CONSOLE_PORTAL_LOOKUP: bool({
    default: false,
    desc: 'A dossier trace asks the national portal (TraCuuHoSo) what it holds now; needs the PORTAL_* settings, the credentials included. Off: the console never reads them, and a trace shows what was sent only',
    example: 'true',
  }),
  CONSOLE_PORTAL_RESYNC: bool({
    default: false,
    desc: "The trace page's re-sync button (and POST /api/v1/dossiers/{code}/resync) brings the portal in line with one dossier from the console; needs the PORTAL_* settings, the credentials included, and the CONNECTOR_* rate limit and retries. Off: the console never reads them, and `lienthong reconcile --dossier <code>` does it on the host",
    example: 'true',
  }),
  CONSOLE_PAYMENT_RECONCILE: bool({
    default: false,
    desc: "The payments page's reconcile button (and POST /api/v1/payments/reconcile) runs a payment reconciliation in the console; needs the PAYMENT_* settings, the secret included. Off: the console never reads them, and `lienthong payments reconcile` runs one on the host",
    example: 'true',
  }),
  CONSOLE_RATE_LIMIT_WINDOW_S: positiveInt({
    default: 60,
    desc: 'Window of the console API rate limits, in seconds; a request over a limit gets 429 with Retry-After',
  }),
  CONSOLE_RATE_LIMIT_PER_TOKEN: positiveInt({
    default: 300,
    desc: 'Most API requests per window with one bearer token (without one: per client address)',
    example: '600',
  }),
  CONSOLE_RATE_LIMIT_PER_ADDRESS: positiveInt({
    default: 1200,
    desc: 'Most API requests per window from one client address, whatever the token (behind a proxy, all clients share its address)',
    example: '3000',
  }),
};

/**
 * What the console reads beside Kafka and the database: of the apps it watches, only what names their
 * groups, routes and retry topics; the audit key; the seal keys (and a rotation's previous ones) that
 * open a dead letter's applicant in an audited reveal; its own settings.
 */
export const consoleConfigSpec = {
  HUB_GROUP_ID: hubConfigSpec.HUB_GROUP_ID,
  ROUTES_FILE: hubConfigSpec.ROUTES_FILE,
  CONNECTOR_RETRY_DELAYS_S: connectorRuntimeConfigSpec.CONNECTOR_RETRY_DELAYS_S,
  ...auditConfigSpec,
  ...openingKeysSpec,
  ...consoleOwnConfigSpec,
};

export type ConsoleConfig = ConfigOf<typeof consoleConfigSpec>;

/** Injection token of the console's settings, read once by the app. */
export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');

/** The portal settings of the traces' live lookup, read only when CONSOLE_PORTAL_LOOKUP is on. */
export function readPortalLookup(
  config: ConsoleConfig,
  env: NodeJS.ProcessEnv = process.env,
): PortalConfig | null {
  return config.CONSOLE_PORTAL_LOOKUP ? readConfig(portalConfigSpec, env) : null;
}

/** The settings of the console's re-sync: the portal's, and the connector runtime's rate limit, retries and breaker. */
export type PortalResyncConfig = PortalConfig & ConnectorRuntimeConfig;

/** The portal and connector runtime settings of the console's re-sync, read only when CONSOLE_PORTAL_RESYNC is on. */
export function readPortalResync(
  config: ConsoleConfig,
  env: NodeJS.ProcessEnv = process.env,
): PortalResyncConfig | null {
  return config.CONSOLE_PORTAL_RESYNC
    ? readConfig({ ...portalConfigSpec, ...connectorRuntimeConfigSpec }, env)
    : null;
}

/** The payment platform settings of the console's reconciliation, read only when CONSOLE_PAYMENT_RECONCILE is on. */
export function readPaymentReconcile(
  config: ConsoleConfig,
  env: NodeJS.ProcessEnv = process.env,
): PaymentConfig | null {
  return config.CONSOLE_PAYMENT_RECONCILE ? readConfig(paymentConfigSpec, env) : null;
}

/** A bad CONSOLE_ADMIN_TOKEN stops start-up naming the key, like any other bad setting. */
export function checkAdminToken(config: ConsoleConfig): void {
  const token = config.CONSOLE_ADMIN_TOKEN;
  if (token !== '' && token.length < 32) {
    throw new Error('Invalid configuration: CONSOLE_ADMIN_TOKEN (at least 32 characters)');
  }
}

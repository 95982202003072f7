import { parseTokenTtl } from '@lienthong/access';
import { num, port, secret, str, type ConfigOf } from '@lienthong/config';
import { auditConfigSpec } from '@lienthong/audit';
import { makeValidator } from 'envalid';
import { connectorBaseConfigSpec } from '@lienthong/connector-runtime';
import { hubModuleConfigSpec } from '@lienthong/hub';
import { portalConfigSpec } from '@lienthong/national-portal';

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

/** Everything the console reads: the hub's and connectors' settings (topics, groups, routes), the portal, the audit key. */
export const consoleConfigSpec = {
  ...hubModuleConfigSpec,
  ...connectorBaseConfigSpec,
  ...portalConfigSpec,
  ...auditConfigSpec,
  ...consoleOwnConfigSpec,
};

export type ConsoleConfig = ConfigOf<typeof consoleConfigSpec>;

/** A bad CONSOLE_ADMIN_TOKEN stops start-up naming the key, like any other bad setting. */
export function checkAdminToken(config: ConsoleConfig): void {
  const token = config.CONSOLE_ADMIN_TOKEN;
  if (token !== '' && token.length < 32) {
    throw new Error('Invalid configuration: CONSOLE_ADMIN_TOKEN (at least 32 characters)');
  }
}

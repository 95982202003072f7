import { userInfo } from 'node:os';
import {
  isRole,
  isScope,
  parseTokenTtl,
  SCOPE_ROLE,
  roleAllows,
  TokenStore,
  type Role,
  type Scope,
} from '@lienthong/access';
import type { AuditRecord, ChainVerdict } from '@lienthong/audit';
import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConsoleClient } from './console-client';
import { migrateAsOwner, withHostAudit } from './on-host';

/** Where the CLI writes: the terminal, or a test's capture. */
export interface CliOutput {
  out(text: string): void;
  table(rows: object[]): void;
  /** A progress bar on the terminal; tests pass one that records. */
  progress(total: number): { update(done: number): void; stop(): void };
}

export const terminal: CliOutput = {
  out: (text) => console.log(text),
  table: (rows) => console.table(rows),
  progress(total) {
    const bar = new SingleBar(
      { format: 'replaying {bar} {value}/{total} dead letters' },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  },
};

const REPLAY_CHUNK = 100;

interface Global {
  url: string;
  token?: string;
  json?: boolean;
}

interface Count {
  total: number;
  perMinute: number;
}

interface ConnectorStatus {
  name: string;
  state: string;
  breaker: string;
  replicas: { instance: string; paused: boolean }[];
  lag: { total: number };
  counts: Record<'delivered' | 'failed' | 'skipped' | 'retried' | 'deadLettered', Count>;
  lastError: { code: string; message: string; at: string } | null;
}

interface StatusAnswer {
  hub: {
    state: string;
    members: number;
    lag: { total: number };
    counts: { canonical: Count; deadLettered: Count };
  };
  connectors: ConnectorStatus[];
}

interface DeadLetterRow {
  id: number;
  stage: string;
  reason: string;
  sourceSystem: string | null;
  dossierCode: string | null;
  failedAt: string;
  replayedAt: string | null;
  held: boolean;
  message: string;
}

interface NewToken {
  name: string;
  role: Role;
  ttl?: string;
  scope: Scope[];
}

interface ReplayAnswer {
  replayId: string | null;
  replayed: number;
  ids: number[];
  alreadyReplayed: number[];
  refused: { id: number; reason: string }[];
  message: string;
}

const rate = (count: Count) => `${count.total} (${count.perMinute}/min)`;

function date(value: string): string {
  if (Number.isNaN(Date.parse(value))) throw new InvalidArgumentError(`not a date: ${value}`);
  return value;
}

function positive(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError(`not a positive integer: ${value}`);
  return number;
}

/**
 * `lienthong`: the console from a terminal. It talks to the console API with a token (LIENTHONG_TOKEN),
 * prints tables for people and JSON with --json. On the host, without a token: `token create --local`
 * (the first admin token), `audit verify --local`, and `migrate` (as the schema's owner).
 */
export function buildCli(io: CliOutput = terminal, env: NodeJS.ProcessEnv = process.env): Command {
  const program = new Command('lienthong')
    .description('Operate Lienthong: connectors, dead letters, dossier traces, tokens and the audit log')
    .addOption(
      new Option('--url <url>', 'console base URL')
        .env('LIENTHONG_CONSOLE_URL')
        .default('http://127.0.0.1:8080'),
    )
    .addOption(new Option('--token <token>', 'bearer token').env('LIENTHONG_TOKEN'))
    .option('--json', 'print JSON for scripts')
    .showHelpAfterError()
    .exitOverride();
  const globals = () => program.opts<Global>();
  const client = () => new ConsoleClient(globals().url, globals().token);
  const print = (value: unknown, human: () => void) =>
    globals().json ? io.out(JSON.stringify(value, null, 2)) : human();

  program
    .command('status')
    .description('the hub and every connector: state, breaker, lag, counts and rates, last error')
    .action(async () => {
      const status = await client().get<StatusAnswer>('/status');
      print(status, () => {
        io.table([
          {
            name: 'hub',
            state: status.hub.state,
            breaker: '-',
            replicas: String(status.hub.members),
            lag: status.hub.lag.total,
            delivered: `${rate(status.hub.counts.canonical)} canonical`,
            failed: '-',
            retried: '-',
            'dead letters': rate(status.hub.counts.deadLettered),
            'last error': '',
          },
          ...status.connectors.map((connector) => ({
            name: connector.name,
            state: connector.state,
            breaker: connector.breaker,
            replicas: `${connector.replicas.length} (${connector.replicas.filter((replica) => replica.paused).length} paused)`,
            lag: connector.lag.total,
            delivered: rate(connector.counts.delivered),
            failed: rate(connector.counts.failed),
            retried: rate(connector.counts.retried),
            'dead letters': rate(connector.counts.deadLettered),
            'last error': connector.lastError
              ? `${connector.lastError.code}: ${connector.lastError.message}`
              : '',
          })),
        ]);
      });
    });

  for (const verb of ['pause', 'resume'] as const) {
    program
      .command(`${verb} <connector>`)
      .description(`${verb} a connector (every replica obeys within seconds)`)
      .option('--reason <text>', 'why (kept in the audit log)')
      .action(async (connector: string, options: { reason?: string }) => {
        const answer = await client().post<{ connector: string; paused: boolean }>(
          `/connectors/${encodeURIComponent(connector)}/${verb}`,
          options.reason ? { reason: options.reason } : {},
        );
        print(answer, () => io.out(`${answer.connector}: ${answer.paused ? 'paused' : 'resumed'}`));
      });
  }

  const dlq = program.command('dlq').description('dead letters of the hub and every connector');
  const withFilters = (command: Command) =>
    command
      .option('--stage <stage>', 'hub or a connector')
      .option('--connector <name>', 'a connector')
      .option('--reason <code>', 'reason code')
      .option('--source <system>', 'source system')
      .option('--dossier <code>', 'dossier code')
      .option('--from <date>', 'dead-lettered at or after', date)
      .option('--to <date>', 'dead-lettered before', date);
  const filterOf = (options: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries({
        stage: options.stage,
        connector: options.connector,
        reason: options.reason,
        source: options.source,
        dossierCode: options.dossier,
        from: options.from,
        to: options.to,
      }).filter(([, value]) => value !== undefined),
    );

  withFilters(dlq.command('ls'))
    .description('list dead letters, newest first')
    .option('--replayed', 'only replayed ones')
    .option('--not-replayed', 'only ones not replayed yet')
    .option('--limit <n>', 'most rows', positive, 50)
    .action(async (options: Record<string, unknown>) => {
      const replayed = options.replayed ? true : options.notReplayed ? false : undefined;
      const { deadLetters } = await client().get<{ deadLetters: DeadLetterRow[] }>('/dead-letters', {
        ...filterOf(options),
        replayed,
        limit: options.limit,
      });
      print(deadLetters, () => {
        if (deadLetters.length === 0) return io.out('no dead letters match');
        io.table(
          deadLetters.map((letter) => ({
            id: letter.id,
            stage: letter.stage,
            reason: letter.reason,
            source: letter.sourceSystem ?? '',
            dossier: letter.dossierCode ?? '',
            'failed at': letter.failedAt,
            replayed: letter.replayedAt ?? '',
            held: letter.held ? 'held' : '',
          })),
        );
      });
    });

  dlq
    .command('show <id>')
    .description('one dead letter: decoded with personal data masked, every header, its history')
    .action(async (id: string) => {
      const letter = await client().get<Record<string, unknown>>(`/dead-letters/${encodeURIComponent(id)}`);
      print(letter, () => {
        const { headers, decoded, valueText, history, ...rest } = letter;
        const summary = Object.fromEntries(Object.entries(rest).filter(([name]) => name !== 'valueBase64'));
        io.table([summary]);
        io.out('headers:');
        io.table(Object.entries(headers as Record<string, string>).map(([name, value]) => ({ name, value })));
        io.out(
          decoded
            ? `decoded${letter.masked ? ' (personal data masked)' : ''}:\n${JSON.stringify(decoded, null, 2)}`
            : valueText === undefined
              ? 'not JSON or XML; its bytes are shown only in a reveal of its dossier'
              : `bytes (UTF-8):\n${String(valueText)}`,
        );
        if ((history as unknown[]).length > 0) io.out(`history:\n${JSON.stringify(history, null, 2)}`);
      });
    });

  withFilters(dlq.command('replay [ids...]'))
    .description('replay dead letters by id, or --all matching the filters (not yet replayed)')
    .option('--all', 'every dead letter matching the filters')
    .option('--reason-text <text>', 'why (kept in the audit log)')
    .action(async (ids: string[], options: Record<string, unknown>) => {
      const api = client();
      let selected: number[];
      if (ids.length > 0) {
        selected = ids.map((id) => positive(id));
      } else if (options.all) {
        const { deadLetters } = await api.get<{ deadLetters: DeadLetterRow[] }>('/dead-letters', {
          ...filterOf(options),
          replayed: false,
          limit: 10_000,
        });
        selected = deadLetters.map((letter) => letter.id).sort((a, b) => a - b);
      } else {
        throw new InvalidArgumentError('give dead-letter ids, or --all with filters');
      }
      if (selected.length === 0) {
        const nothing = {
          replayed: 0,
          ids: [],
          message: 'no dead letter matches the filter; nothing replayed',
        };
        return print(nothing, () => io.out(nothing.message));
      }
      const bar =
        selected.length > REPLAY_CHUNK && !globals().json ? io.progress(selected.length) : undefined;
      const answers: ReplayAnswer[] = [];
      try {
        for (let start = 0; start < selected.length; start += REPLAY_CHUNK) {
          answers.push(
            await api.post<ReplayAnswer>('/dead-letters/replay', {
              ids: selected.slice(start, start + REPLAY_CHUNK),
              ...(options.reasonText ? { reason: options.reasonText } : {}),
            }),
          );
          bar?.update(Math.min(start + REPLAY_CHUNK, selected.length));
        }
      } finally {
        bar?.stop();
      }
      const replayed = answers.reduce((sum, answer) => sum + answer.replayed, 0);
      const result = {
        replayed,
        replayIds: answers.flatMap((answer) => (answer.replayId ? [answer.replayId] : [])),
        ids: selected,
        alreadyReplayed: answers.flatMap((answer) => answer.alreadyReplayed),
        refused: answers.flatMap((answer) => answer.refused),
      };
      print(result, () => {
        io.out(`replayed ${replayed} dead letter(s): replay ${result.replayIds.join(', ') || 'none'}`);
        if (result.alreadyReplayed.length > 0)
          io.out(`already replayed, not sent again: ${result.alreadyReplayed.join(', ')}`);
        for (const { id, reason } of result.refused) io.out(`refused ${id}: ${reason}`);
      });
    });

  for (const [verb, held] of [
    ['hold', true],
    ['unhold', false],
  ] as const) {
    dlq
      .command(`${verb} <id>`)
      .description(
        held
          ? 'keep a dead letter past DLQ_RETENTION_DAYS until it is released'
          : 'let a held dead letter go with the others after DLQ_RETENTION_DAYS',
      )
      .option('--reason <text>', 'why (kept in the audit log)')
      .action(async (id: string, options: { reason?: string }) => {
        const answer = await client().post<{ id: number; held: boolean }>(
          `/dead-letters/${positive(id)}/${verb}`,
          options.reason ? { reason: options.reason } : {},
        );
        print(answer, () => io.out(`dead letter ${answer.id}: ${answer.held ? 'held' : 'not held'}`));
      });
  }

  program
    .command('trace <code>')
    .description("a dossier's timeline across every hop, its ledger state and what the portal holds now")
    .action(async (code: string) => {
      const trace = await client().get<{
        timeline: {
          at: string;
          kind: string;
          stage: string;
          topic?: string;
          partition?: number;
          offset?: string;
          eventId: string | null;
          status: number | null;
          detail: Record<string, unknown>;
        }[];
        targets: { connector: string; lastSequence: number; status: number | null }[];
        portal: { held: unknown; differences: string[]; error: string | null };
      }>(`/dossiers/${encodeURIComponent(code)}/trace`);
      print(trace, () => {
        io.table(
          trace.timeline.map((step) => ({
            at: step.at,
            hop: step.kind,
            stage: step.stage,
            where: step.topic ? `${step.topic}/${step.partition}/${step.offset}` : '',
            event: step.eventId ?? '',
            status: step.status ?? '',
            detail: Object.entries(step.detail)
              .filter(([name]) => !['answer', 'traceparent'].includes(name))
              .map(
                ([name, value]) =>
                  `${name}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
              )
              .join(' '),
          })),
        );
        io.table(trace.targets.map((target) => ({ ...target })));
        io.out(
          trace.portal.error
            ? `portal: cannot ask (${trace.portal.error})`
            : trace.portal.held
              ? `portal holds it; differs from what was sent in: ${trace.portal.differences.join(', ') || 'nothing'}`
              : 'portal: does not hold it',
        );
      });
    });

  const token = program.command('token').description('console tokens (admin)');
  token
    .command('create')
    .description('a new token, shown once; --local writes it to the database on this host (the first admin)')
    .requiredOption('--name <name>', 'who holds it')
    .requiredOption('--role <role>', 'viewer, operator or admin', (value) => {
      if (!isRole(value)) throw new InvalidArgumentError('viewer, operator or admin');
      return value;
    })
    .option(
      '--ttl <lifetime>',
      'how long it lives, e.g. 12h or 30d, at most 365d (default: 90d)',
      (value) => {
        if (parseTokenTtl(value) === undefined)
          throw new InvalidArgumentError('hours or days up to 365d, e.g. 30d');
        return value;
      },
    )
    .option(
      '--scope <scope>',
      'a permission beside the role, repeatable: pii:read (operator or admin) reveals personal data',
      (value: string, previous: Scope[]) => {
        if (!isScope(value)) throw new InvalidArgumentError('pii:read');
        return [...previous, value];
      },
      [] as Scope[],
    )
    .option('--local', 'on the host: straight into the database (DATABASE_URL), no token needed')
    .action(async (options: NewToken & { local?: boolean }) => {
      const below = options.scope.find((scope) => !roleAllows(options.role, SCOPE_ROLE[scope]));
      if (below) throw new InvalidArgumentError(`${below} needs the ${SCOPE_ROLE[below]} role or above`);
      const created = options.local
        ? await createLocally(options, env)
        : await client().post<{ id: string; token: string; role: string; name: string; expiresAt: string }>(
            '/tokens',
            { name: options.name, role: options.role, ttl: options.ttl, scopes: options.scope },
          );
      print(created, () => {
        io.out(
          `token ${created.id} for ${created.name} (${created.role}), valid until ${created.expiresAt}; shown once, keep it safe:`,
        );
        io.out(created.token);
      });
    });
  token
    .command('revoke <id>')
    .description('revoke a token')
    .action(async (id: string) => {
      const answer = await client().delete<{ id: string }>(`/tokens/${encodeURIComponent(id)}`);
      print(answer, () => io.out(`token ${answer.id} revoked`));
    });
  token
    .command('ls')
    .description('every token (never the token itself)')
    .action(async () => {
      const { tokens } = await client().get<{ tokens: object[] }>('/tokens');
      print(tokens, () => io.table(tokens));
    });

  const audit = program
    .command('audit')
    .description('operator actions, newest first')
    .option('--limit <n>', 'most rows', positive, 50)
    .option('--action <action>', 'e.g. connector.pause')
    .option('--actor <name>', 'token holder')
    .action(async (options: { limit: number; action?: string; actor?: string }) => {
      const { entries } = await client().get<{ entries: AuditRecord[] }>('/audit', options);
      print(entries, () =>
        io.table(
          entries.map((entry) => ({
            id: entry.id,
            at: entry.at,
            actor: `${entry.actor} (${entry.role})`,
            action: entry.action,
            target: entry.target,
            result: entry.result,
            parameters: JSON.stringify(entry.parameters),
          })),
        ),
      );
    });
  audit
    .command('verify')
    .description(
      'check the hash chain and its tail against the anchored head: a changed, inserted or deleted row, or a cut-off tail, is found; exit 1 if so',
    )
    .option(
      '--local',
      'on the host: straight from the database (DATABASE_URL) and the brokers, no token needed',
    )
    .action(async (options: { local?: boolean }) => {
      const verdict = options.local
        ? await withHostAudit(env, (log) => log.verify())
        : await client().get<ChainVerdict>('/audit/verify');
      print(verdict, () => {
        if (verdict.ok) {
          io.out(
            `audit log intact: ${verdict.checked} rows; head ${verdict.head?.id ?? '-'} ${verdict.head?.hash ?? ''}`,
          );
        } else {
          io.out(`audit log TAMPERED: ${verdict.problemCount} problem(s) in ${verdict.checked} rows`);
          io.table(verdict.problems);
        }
      });
      if (!verdict.ok) process.exitCode = 1;
    });

  program
    .command('migrate')
    .description(
      'on the host: the database migrations, as the owner (DATABASE_URL), then grants DATABASE_APP_ROLE what the apps need',
    )
    .action(async () => {
      const done = await migrateAsOwner(env);
      print(done, () =>
        io.out(
          `schema ${done.schema} migrated${done.granted ? `; role ${done.granted} granted what the apps need` : ''}`,
        ),
      );
    });

  return program;
}

/**
 * The first admin token, on the host: straight into the database, audited as the host user. The token
 * and its audit row are written in one transaction: neither exists without the other.
 */
async function createLocally(options: NewToken, env: NodeJS.ProcessEnv) {
  const host = `host:${userInfo().username}`;
  return withHostAudit(env, async (audit, database) => {
    await database.prepare();
    return database.transaction(async (transaction) => {
      const created = await new TokenStore(database).create(options.name, options.role, host, {
        ttlMs: options.ttl === undefined ? undefined : parseTokenTtl(options.ttl),
        within: transaction,
        scopes: options.scope,
      });
      await audit.appendWithin(transaction, {
        actor: host,
        role: 'host',
        action: 'token.create',
        target: `token/${options.name}`,
        parameters: {
          name: options.name,
          role: options.role,
          ttl: options.ttl ?? null,
          scopes: options.scope,
          local: true,
        },
        result: 'ok',
        detail: { id: created.id, expiresAt: created.expiresAt },
      });
      return created;
    });
  });
}

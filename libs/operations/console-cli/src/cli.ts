import type { ConnectorControlAnswer, StatusAnswer, TraceAnswer } from '@lienthong/console';
import { Command, Option } from 'commander';
import { addAuditCommands } from './audit-commands';
import type { CliContext } from './cli-context';
import type { CliOutput } from './cli-output';
import { ConsoleClient } from './console-client';
import { addDeadLetterCommands } from './dead-letter-commands';
import { addPaymentCommands } from './payment-commands';
import { addReconcileCommand } from './reconcile-command';
import { addRoutesCommands } from './routes-command';
import { addScoreCommand } from './score-command';
import { addTokenCommands } from './token-commands';

interface Global {
  url: string;
  token?: string;
  json?: boolean;
}

type Count = StatusAnswer['hub']['counts']['canonical'];

const rate = (count: Count) => `${count.total} (${count.perMinute}/min)`;

/**
 * `lienthong`: the console from a terminal. It talks to the console API with a token (LIENTHONG_TOKEN),
 * prints tables for people and JSON with --json. On the host, without a token: `token create --local`
 * (the first admin token), `audit verify --local`, `migrate` (as the schema's owner) and `reconcile`;
 * offline: `routes test`. `fail` is told when a command ran and found something wrong (exit 1).
 */
export function buildCli(io: CliOutput, env: NodeJS.ProcessEnv, fail: () => void): Command {
  const program = new Command('lienthong')
    .description(
      'Operate Lienthong: connectors, dead letters, dossier traces, tokens, the audit log, reconciliation and routing rules',
    )
    .addOption(
      new Option('--url <url>', 'console base URL')
        .env('LIENTHONG_CONSOLE_URL')
        .default('http://127.0.0.1:8080'),
    )
    .addOption(new Option('--token <token>', 'bearer token').env('LIENTHONG_TOKEN'))
    .option('--json', 'print JSON for scripts')
    .showHelpAfterError('(lienthong --help lists the commands and options)')
    .exitOverride();
  const globals = () => program.opts<Global>();
  const client = () => new ConsoleClient(globals().url, globals().token);
  const json = () => Boolean(globals().json);
  const print = (value: unknown, human: () => void) =>
    json() ? io.out(JSON.stringify(value, null, 2)) : human();
  const context: CliContext = { io, env, client, print, json, fail };

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
        const answer = await client().post<ConnectorControlAnswer>(
          `/connectors/${encodeURIComponent(connector)}/${verb}`,
          options.reason ? { reason: options.reason } : {},
        );
        print(answer, () => io.out(`${answer.connector}: ${answer.paused ? 'paused' : 'resumed'}`));
      });
  }

  program
    .command('trace <code>')
    .description("a dossier's timeline across every hop, its ledger state and what the portal holds now")
    .action(async (code: string) => {
      const trace = await client().get<TraceAnswer>(`/dossiers/${encodeURIComponent(code)}/trace`);
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

  addDeadLetterCommands(program, context);
  addTokenCommands(program, context);
  addAuditCommands(program, context);
  addReconcileCommand(program, context);
  addPaymentCommands(program, context);
  addRoutesCommands(program, context);
  addScoreCommand(program, context);
  return program;
}

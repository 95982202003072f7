import type { AuditRecord, ChainVerdict } from '@lienthong/audit';
import { Command } from 'commander';
import { positive, type CliContext } from './cli-context';

/**
 * `audit`, `audit verify [--local]` and `migrate` (on the host, as the schema's owner). The on-host
 * work (the database, the brokers) is loaded only by the commands that do it: the others start light.
 */
export function addAuditCommands(program: Command, { io, env, client, print, fail }: CliContext): void {
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
        ? await (await import('./on-host')).withHostAudit(env, (log) => log.verify())
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
      if (!verdict.ok) fail();
    });

  program
    .command('migrate')
    .description(
      'on the host: the database migrations, as the owner (DATABASE_URL), then grants DATABASE_APP_ROLE what the apps need',
    )
    .action(async () => {
      const { migrateAsOwner } = await import('./on-host');
      const done = await migrateAsOwner(env);
      print(done, () =>
        io.out(
          `schema ${done.schema} migrated${done.granted ? `; role ${done.granted} granted what the apps need` : ''}`,
        ),
      );
    });
}

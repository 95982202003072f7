import { Command } from 'commander';
import type { CliContext } from './cli-context';

/** `routes test <rules> <samples...>`: the routing rules tried on sample events, offline. */
export function addRoutesCommands(program: Command, { io, print }: CliContext): void {
  const routes = program.command('routes').description('the routing rules (config/routes.yaml)');
  routes
    .command('test')
    .description(
      'for each sample dossier event, the connectors the routing rules send it to (no broker, no database); exit 1 if the rules cannot be read',
    )
    .argument('<rules>', 'routing file (YAML, schemas/routing.v1.json)')
    .argument('<samples...>', 'source events or dossier.v1 events; folders are walked')
    .action(async (rules: string, samples: string[]) => {
      // The rules, the schemas and the source mappers: loaded by this command only.
      const { explainRoutes } = await import('@lienthong/routing');
      const rows = explainRoutes(rules, samples);
      print(rows, () => {
        io.table(
          rows.map((row) => ({
            sample: row.file,
            'read as': row.readAs,
            dossier: row.dossierCode ?? '-',
            status: row.status ?? '-',
            connectors: row.connectors.join(', ') || '(none)',
          })),
        );
        const unreadable = rows.filter((row) => !row.dossierCode).length;
        io.out(`${rows.length} samples, ${rows.length - unreadable} routed, ${unreadable} unreadable`);
      });
    });
}

import { explainRoutes } from '@lienthong/routing';
import { Command } from 'commander';

/** npm run routes:test -- <rules.yaml> <fixture files or folders...> */
const program = new Command('routes:test')
  .description('Shows, for each sample dossier event, the connectors the routing rules send it to.')
  .argument('<rules>', 'routing file (YAML, schemas/routing.v1.json)')
  .argument('<fixtures...>', 'source events or dossier.v1 events; folders are walked')
  .option('--json', 'print JSON instead of a table')
  .action((rules: string, fixtures: string[], options: { json?: boolean }) => {
    const rows = explainRoutes(rules, fixtures);
    if (options.json) {
      console.log(JSON.stringify(rows, null, 2));
      return;
    }
    const unreadable = rows.filter((row) => !row.dossierCode);
    console.table(
      rows.map((row) => ({
        fixture: row.file,
        'read as': row.readAs,
        dossier: row.dossierCode ?? '-',
        status: row.status ?? '-',
        connectors: row.connectors.join(', ') || '(none)',
      })),
    );
    console.log(
      `${rows.length} fixtures, ${rows.length - unreadable.length} routed, ${unreadable.length} unreadable`,
    );
  });

try {
  program.parse();
} catch (error) {
  console.error(`routes:test: ${(error as Error).message}`);
  process.exit(1);
}

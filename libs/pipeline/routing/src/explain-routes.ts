import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaValidator, type DossierEvent } from '@lienthong/schemas';
import { mapSourceEvent, SOURCE_MAPPERS } from '@lienthong/sources';
import { compileRouter, loadRoutingRules } from './routing-rules';

export interface RouteExplanation {
  file: string;
  /** The source system the event was read as, `dossier.v1`, or why it could not be read. */
  readAs: string;
  dossierCode?: string;
  status?: number;
  connectors: string[];
}

const dossierSchema = new SchemaValidator<DossierEvent>('dossier.v1.json');

/** Every file under the given paths (directories are walked), skipping expected-output files. */
function fixtureFiles(paths: string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? fixtureFiles(
          readdirSync(path)
            .sort()
            .map((entry) => join(path, entry)),
        )
      : /expected|\.dossier\.json$/.test(path)
        ? []
        : [path],
  );
}

/** Reads a fixture as a dossier.v1 event, or as an event of whichever source system accepts it. */
function readDossier(bytes: Buffer): { readAs: string; dossier?: DossierEvent } {
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    if (dossierSchema.is(parsed)) return { readAs: 'dossier.v1', dossier: parsed };
  } catch {
    // not JSON: maybe a source's XML
  }
  const reasons: string[] = [];
  for (const mapper of SOURCE_MAPPERS) {
    const result = mapSourceEvent(mapper, bytes);
    if (result.ok) return { readAs: mapper.system, dossier: result.dossier };
    reasons.push(`${mapper.system}: ${result.rejection.code}`);
  }
  return { readAs: `unreadable (${reasons.join('; ')})` };
}

/** Like a unit test of the rules: which connectors each sample dossier event goes to. */
export function explainRoutes(rulesFile: string, paths: string[]): RouteExplanation[] {
  const route = compileRouter(loadRoutingRules(rulesFile));
  return fixtureFiles(paths).map((file) => {
    const { readAs, dossier } = readDossier(readFileSync(file));
    return {
      file,
      readAs,
      dossierCode: dossier?.dossierCode,
      status: dossier?.status,
      connectors: dossier ? route(dossier) : [],
    };
  });
}

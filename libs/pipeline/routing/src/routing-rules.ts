import { LienthongError } from '@lienthong/errors';
import { readFileSync } from 'node:fs';
import { SchemaValidator, type DossierEvent, type RoutingRules } from '@lienthong/schemas';
import { LineCounter, parseDocument } from 'yaml';

/** The routing file is not valid; the message names the file, the line and what is wrong. */
export class RoutingFileError extends LienthongError {
  constructor(message: string) {
    super('ROUTING_FILE_INVALID', message);
  }
}

const schema = new SchemaValidator<RoutingRules>('routing.v1.json');

/** Reads and validates a routing file (YAML); any fault stops start-up with its line number. */
export function loadRoutingRules(file: string): RoutingRules {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RoutingFileError(`cannot read routing file ${file}: ${(error as Error).message}`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  const [syntaxError] = document.errors;
  if (syntaxError) {
    const { line, col } = syntaxError.linePos?.[0] ?? { line: 0, col: 0 };
    throw new RoutingFileError(`${file}:${line}:${col}: ${syntaxError.message.split('\n')[0]}`);
  }
  const rules: unknown = document.toJS();
  const violation = schema.violation(rules);
  if (violation) {
    const segments = violation.path
      .split('/')
      .slice(1)
      .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    // The offending node, or its nearest parent that exists (a missing key is reported at its parent).
    let node: unknown;
    for (let depth = segments.length; depth >= 0 && !node; depth--)
      node = document.getIn(segments.slice(0, depth), true);
    const offset = (node as { range?: [number] } | undefined)?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    throw new RoutingFileError(`${file}:${line}:${col}: ${violation.path || '/'} ${violation.message}`);
  }
  return rules as RoutingRules;
}

type Rule = RoutingRules['routes'][number];
type Condition = NonNullable<Rule['when']>;

const agencyPattern = (pattern: string) =>
  new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}$`);

/** One predicate per rule, built once; the router answers the connectors a dossier event goes to. */
export function compileRouter(rules: RoutingRules): (dossier: DossierEvent) => string[] {
  const compiled = rules.routes.map((rule) => ({
    connector: rule.connector,
    matches: compileCondition(rule.when ?? {}),
  }));
  return (dossier) => [
    ...new Set(compiled.filter(({ matches }) => matches(dossier)).map(({ connector }) => connector)),
  ];
}

function compileCondition(when: Condition): (dossier: DossierEvent) => boolean {
  const checks: ((dossier: DossierEvent) => boolean)[] = [];
  const oneOf = <T>(values: T[] | undefined, pick: (dossier: DossierEvent) => T) => {
    if (values) checks.push((dossier) => values.includes(pick(dossier)));
  };
  oneOf(when.procedures, (dossier) => dossier.procedure.code);
  oneOf(when.statuses, (dossier) => dossier.status);
  oneOf(when.applicantTypes, (dossier) => dossier.applicant.type);
  oneOf(when.channels, (dossier) => dossier.channel);
  oneOf(when.sources, (dossier) => dossier.provenance.sourceSystem);
  oneOf(when.identityKinds, (dossier) => dossier.applicant.identity?.kind);
  if (when.agencies) {
    const patterns = when.agencies.map(agencyPattern);
    checks.push((dossier) => patterns.some((pattern) => pattern.test(dossier.agency.code)));
  }
  if (when.hasResults !== undefined) checks.push((dossier) => dossier.results.length > 0 === when.hasResults);
  if (when.hasPersonalId !== undefined) {
    checks.push((dossier) => (dossier.applicant.identity?.kind === 'CCCD') === when.hasPersonalId);
  }
  return (dossier) => checks.every((check) => check(dossier));
}

/** Every connector some rule routes to: the hub creates their route topics. */
export function routedConnectors(rules: RoutingRules): string[] {
  return [...new Set(rules.routes.map((rule) => rule.connector))];
}

import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import type { DossierEvent } from '@lienthong/schemas';
import { explainRoutes } from './explain-routes';
import { compileRouter, loadRoutingRules, routedConnectors } from './routing-rules';

const fixture = (name: string) => projectPath('test', 'fixtures', 'routing', name);
const golden = (system: string, file: string): DossierEvent =>
  JSON.parse(readFileSync(projectPath('test', 'fixtures', system, 'ok', file), 'utf8'));

describe(compileRouter.name, () => {
  const sut = compileRouter(loadRoutingRules(fixture('rules.yaml')));
  const motcua = golden('motcua', 'normalization.dossier.json');

  it('sends a dossier to every connector whose rule it matches', () => {
    expect(sut(motcua)).toEqual(['national-portal', 'documents', 'hanoi-districts']);
    expect(sut({ ...motcua, status: 4 })).toEqual(['national-portal', 'hanoi-districts']);
    expect(sut({ ...motcua, channel: 1, results: [] })).toEqual(['national-portal']);
  });

  it('matches citizens with a personal ID for the population connector', () => {
    const hotich = golden('hotich', 'normalization.dossier.json');
    expect(sut(hotich)).toContain('population');
    expect(
      sut({ ...hotich, applicant: { ...hotich.applicant, identity: { kind: 'CMND', number: '012345678' } } }),
    ).not.toContain('population');
  });

  it('matches by identity kind: the shipped rules verify 12-digit IDs and 9-digit cards alike', () => {
    const shipped = compileRouter(loadRoutingRules(projectPath('config', 'routes.yaml')));
    const hotich = golden('hotich', 'normalization.dossier.json');
    const withIdentity = (identity: DossierEvent['applicant']['identity']) => ({
      ...hotich,
      status: 9,
      applicant: { ...hotich.applicant, identity },
    });
    expect(shipped(withIdentity({ kind: 'CCCD', number: '001092008262' }))).toContain('population');
    expect(shipped(withIdentity({ kind: 'CMND', number: '012345678' }))).toContain('population');
    expect(shipped(withIdentity(null))).not.toContain('population');
    expect(
      shipped({
        ...withIdentity({ kind: 'CMND', number: '012345678' }),
        applicant: { ...hotich.applicant, type: 2 },
      }),
    ).not.toContain('population');
  });

  it('lists the connectors the hub must create route topics for', () => {
    expect(routedConnectors(loadRoutingRules(fixture('rules.yaml')))).toEqual([
      'national-portal',
      'documents',
      'population',
      'hanoi-districts',
    ]);
  });
});

describe(loadRoutingRules.name, () => {
  it.each([
    ['bad-value.yaml', /bad-value\.yaml:5:\d+: \/routes\/1\/when\/statuses\/1 must be <= 10/],
    ['unknown-key.yaml', /unknown-key\.yaml:2:\d+: \/routes\/0 must NOT have additional properties/],
    ['missing.yaml', /cannot read routing file .*missing\.yaml/],
  ])('refuses %s naming the line and the fault', (file, message) => {
    expect(() => loadRoutingRules(fixture(file))).toThrow(message);
  });

  it('accepts the shipped configuration', () => {
    expect(routedConnectors(loadRoutingRules(projectPath('config', 'routes.yaml')))).toEqual([
      'national-portal',
      'population',
      'documents',
    ]);
  });
});

describe(explainRoutes.name, () => {
  it('reads source events of any system and dossier.v1 events, and says which it could not read', () => {
    const rows = explainRoutes(fixture('rules.yaml'), [
      projectPath('test', 'fixtures', 'hotich', 'ok'),
      projectPath('test', 'fixtures', 'gtvt', 'not-ok', 'UNKNOWN_STATUS--cancelled.json'),
    ]);
    expect(rows.map(({ readAs, connectors }) => ({ readAs: readAs.split(' ')[0], connectors }))).toEqual([
      { readAs: 'hotich', connectors: ['national-portal', 'documents', 'population'] },
      { readAs: 'unreadable', connectors: [] },
    ]);
  });
});

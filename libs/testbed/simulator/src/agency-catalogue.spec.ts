import { mapSourceEvent, SOURCE_MAPPERS } from '@lienthong/sources';
import { AGENCIES, agenciesHandling, PROCEDURES, type SimulatedSystem } from './agency-catalogue';
import { seededRandom } from './citizen-registry';
import { motcuaLifecycle } from './motcua-lifecycle';
import { SIMULATED_SYSTEMS } from './source-formats';

/** The agency and procedure of 300 simulated dossiers of one system, as the hub reads them. */
function landings(system: SimulatedSystem) {
  const random = seededRandom(19);
  const mapper = SOURCE_MAPPERS.find((candidate) => candidate.system === system)!;
  const { encode } = SIMULATED_SYSTEMS.find((candidate) => candidate.system === system)!;
  return Array.from({ length: 300 }, (_, index) => {
    const [event] = motcuaLifecycle(index + 1, Date.parse('2026-11-02T08:00:00+07:00'), random, system);
    const result = mapSourceEvent(mapper, Buffer.from(encode(event).value));
    if (!result.ok) throw new Error(result.rejection.message);
    return { agency: result.dossier.agency.code, procedure: result.dossier.procedure.code };
  });
}
const agency = (code: string) => AGENCIES.find((candidate) => candidate.code === code)!;

describe('the testbed agency catalogue', () => {
  it('holds provincial departments and communes/wards with four-part Hà Nội codes, no districts', () => {
    for (const { code, name, level, type } of AGENCIES) {
      expect(code).toMatch(/^000\.00\.\d{2}\.H26$/);
      expect(name).not.toMatch(/quận|huyện/i);
      expect(type).toBe(level === 'PROVINCE' ? 'PROVINCIAL_DEPARTMENT' : 'ADMINISTRATIVE_UNIT');
    }
    expect(new Set(AGENCIES.map(({ code }) => code)).size).toBe(AGENCIES.length);
    expect(new Set(AGENCIES.map(({ level }) => level))).toEqual(new Set(['PROVINCE', 'COMMUNE']));
  });

  it('has an agency for every procedure, at the tier that decides it', () => {
    for (const procedure of PROCEDURES) expect(agenciesHandling(procedure).length).toBeGreaterThan(0);
  });

  it('sends civil-registry dossiers to commune/ward justice offices only, under their dotted code too', () => {
    const seen = landings('hotich');
    expect(seen.every(({ agency: code }) => agency(code).level === 'COMMUNE')).toBe(true);
    expect(new Set(seen.map(({ procedure }) => procedure))).toEqual(new Set(['1.001193', '1.000894']));
    expect(new Set(seen.map(({ agency: code }) => code)).size).toBe(
      AGENCIES.filter((candidate) => candidate.level === 'COMMUNE').length,
    );
  });

  it('sends transport dossiers to the department that handles transport only', () => {
    const seen = landings('gtvt');
    expect(new Set(seen.map(({ agency: code }) => agency(code).name))).toEqual(
      new Set(['Sở Xây dựng Hà Nội']),
    );
  });

  it('sends one-stop dossiers to communes and to the department, each where its procedure is decided', () => {
    const seen = landings('motcua');
    for (const { agency: code, procedure } of seen) {
      const expected = PROCEDURES.find((candidate) => candidate.code === procedure)!;
      expect(agency(code).level).toBe(expected.level);
    }
    expect(new Set(seen.map(({ agency: code }) => agency(code).level))).toEqual(
      new Set(['PROVINCE', 'COMMUNE']),
    );
  });
});

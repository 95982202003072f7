import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '@lienthong/config';
import { readAgencyMapping } from './agency-mapping';
import { nationalScoreConfigSpec } from './national-score.config';

describe(readAgencyMapping.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'agencies-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('reads a JSON list and a YAML list of departmentCode or departmentId with agencyCode', () => {
    const json = file('a.json', JSON.stringify([{ departmentCode: '000.00.15.H26', agencyCode: 'SXD' }]));
    const yaml = file('a.yaml', '- departmentId: 0c6e2d3b\n  agencyCode: PHK\n');

    expect(readAgencyMapping(json)).toEqual([{ departmentCode: '000.00.15.H26', agencyCode: 'SXD' }]);
    expect(readAgencyMapping(yaml)).toEqual([{ departmentId: '0c6e2d3b', agencyCode: 'PHK' }]);
  });

  it.each([
    ['no agencyCode', [{ departmentCode: 'A' }], /entry 1 .*agencyCode is missing/],
    [
      'both unit keys',
      [{ departmentCode: 'A', departmentId: 'x', agencyCode: 'S' }],
      /entry 1 .*exactly one of/,
    ],
    ['no unit key', [{ agencyCode: 'S' }], /entry 1 .*exactly one of/],
    [
      'a unit mapped twice',
      [
        { departmentCode: 'A', agencyCode: 'S' },
        { departmentCode: 'A', agencyCode: 'T' },
      ],
      /entry 2 .*already mapped by entry 1/,
    ],
    ['not a list', { departmentCode: 'A' }, /must hold a list/],
  ])('refuses %s, naming the bad entry', (_, content, message) => {
    expect(() => readAgencyMapping(file('bad.json', JSON.stringify(content)))).toThrow(message);
  });

  it('stops start-up on a bad file, naming the key and the entry', () => {
    const bad = file('bad.yaml', '- departmentCode: A\n  agencyCode: S\n- departmentCode: B\n');

    expect(() => readConfig(nationalScoreConfigSpec, { NATIONAL_SCORE_AGENCIES: bad })).toThrow(
      /NATIONAL_SCORE_AGENCIES .*entry 2/,
    );
  });
});

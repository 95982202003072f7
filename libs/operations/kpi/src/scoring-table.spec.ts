import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readScoringTable, SCORING_FILE, SCORING_OPTIONS, SCORING_TABLE } from './scoring-table';

const variant = (edit: (text: string) => string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'scoring-')), 'scoring-766.yaml');
  writeFileSync(path, edit(readFileSync(SCORING_FILE, 'utf8')));
  return path;
};

describe(readScoringTable.name, () => {
  it("reads config/scoring-766.yaml: six groups of 100 points, with the amendments' readings", () => {
    expect(SCORING_TABLE.map((group) => group.code)).toEqual([
      'CKMB',
      'TDGQ',
      'CLGQ',
      'TTTT',
      'MDSH',
      'MDHL',
    ]);
    expect(SCORING_TABLE.reduce((sum, group) => sum + group.max, 0)).toBe(100);
    expect(SCORING_OPTIONS).toEqual({
      online: { denominator: 'received', timesSyncedRate: true },
      reuse: { counts: 'digitized' },
      satisfaction: { countLocalRatings: false },
    });
  });

  it('stops on a bad value, naming the file and the key', () => {
    const path = variant((text) => text.replace('max: 20\n    items:', 'max: -20\n    items:'));

    expect(() => readScoringTable(path)).toThrow(`${path}#/groups/1/max`);
  });

  it('stops on an unknown rate or option, and on an item id used twice', () => {
    expect(() => readScoringTable(variant((text) => text.replace('rate: on_time', 'rate: on_tyme')))).toThrow(
      /#\/groups\/1\/items\/0\/rate/,
    );
    expect(() =>
      readScoringTable(variant((text) => text.replace('counts: digitized', 'counts: all'))),
    ).toThrow(/#\/options\/reuse\/counts/);
    expect(() => readScoringTable(variant((text) => text.replace('id: reuse', 'id: e_result')))).toThrow(
      /items\/3\/id.*used twice/,
    );
  });

  it('takes a payment split from the file: all 10 points on paid online', () => {
    const path = variant((text) =>
      text
        .replace(/(id: paid_online\n\s+label: [^\n]+\n\s+max:) 6/, '$1 10')
        .replace(/(id: payment_procedures\n\s+label: [^\n]+\n\s+max:) 2/, '$1 0')
        .replace(/(id: fee_lists\n\s+label: [^\n]+\n\s+max:) 2.5/, '$1 0'),
    );

    const payment = readScoringTable(path).groups.find((group) => group.code === 'TTTT')!;

    expect(payment.items.map((item) => item.max)).toEqual([10, 0, 0]);
  });
});

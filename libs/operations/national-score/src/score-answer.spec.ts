import { readScorePage } from './score-answer';
import { ENDPOINT_NAMES, type ScoreEndpoint } from './score-endpoints';
import { ScoreShapeError } from './score-errors';
import { DEPARTMENT_ID, goldenAnswer, ROOT_DEPARTMENT_ID, WARD_ID } from './score-golden.fixture';

type Row = Record<string, unknown>;
/** The parts of an answer's data the cases change. */
type Data = { evaluation?: Row[]; children?: Row[]; overview?: Row };

/** A golden answer's body with `change` applied to a deep copy. */
function changed(endpoint: ScoreEndpoint, change: (data: Data) => void) {
  const body = structuredClone(goldenAnswer(`${endpoint}.json`).body);
  change(body.data as Data);
  return body;
}

function shapeError(endpoint: ScoreEndpoint, body: unknown): ScoreShapeError {
  try {
    readScorePage(endpoint, body);
  } catch (error) {
    if (error instanceof ScoreShapeError) return error;
    throw error;
  }
  throw new Error('no ScoreShapeError');
}

describe(readScorePage.name, () => {
  it.each(ENDPOINT_NAMES)(
    'reads the golden %s answer: the province as root, the department and the ward',
    (endpoint) => {
      const page = readScorePage(endpoint, goldenAnswer(`${endpoint}.json`).body);

      expect(page.root?.unit.departmentId).toBe(ROOT_DEPARTMENT_ID);
      expect(page.rows.map((row) => row.unit.departmentId)).toEqual([DEPARTMENT_ID, WARD_ID]);
      for (const row of [page.root!, ...page.rows]) {
        expect(row.score).toEqual(expect.any(Number));
        expect(row.maxScore).toEqual(expect.any(Number));
      }
    },
  );

  it('reads totalScore/totalMaxScore and the group scores of service-results', () => {
    const page = readScorePage('service-results', goldenAnswer('service-results.json').body);

    expect(page.rows[0]).toMatchObject({
      unit: {
        code: '000.00.15.H26',
        name: 'Sở Xây dựng Hà Nội',
        type: 'PROVINCIAL_DEPARTMENT',
        level: 'PROVINCE',
        childGroup: 'AGENCY',
      },
      score: 81.13,
      maxScore: 100,
      groupScores: { CKMB: 18, TDGQ: 16, CLGQ: 9.6, MDSH: 15.2, MDHL: 17.33, TTTT: 5 },
      parameters: { stt: 1, ratio: 81.13, scoreDelta: 33.13, agencyLevel: 'PROVINCE' },
    });
  });

  it('reads score/maxScore, the metrics and keeps the parameters of the group endpoints', () => {
    const digitized = readScorePage('dossier-digitized', goldenAnswer('dossier-digitized.json').body);
    const progress = readScorePage('dvc-progress-tree', goldenAnswer('dvc-progress-tree.json').body);

    expect(digitized.root?.metrics?.find((metric) => metric.code === '4.2')).toMatchObject({
      numerator: 1,
      denominator: 6,
      ratio: 16.67,
      score: 0.83,
      maxScore: 4,
    });
    expect(progress.rows[0]).toMatchObject({
      score: 16,
      maxScore: 20,
      parameters: { totalReceived: 5, totalOnTime: 4 },
    });
  });

  it('reads the provinces list (no overview) and the last, short page', () => {
    expect(
      readScorePage('service-results', goldenAnswer('provinces--service-results.json').body),
    ).toMatchObject({
      root: null,
      rows: [{ unit: { departmentId: ROOT_DEPARTMENT_ID } }],
    });
    expect(
      readScorePage('transparency', goldenAnswer('page-2-of-1--transparency.json').body).rows,
    ).toHaveLength(1);
  });

  it('keeps fields it does not know', () => {
    const body = changed('transparency', (data) => (data.evaluation![0].newIndicator = { value: 3 }));

    expect(readScorePage('transparency', body).rows[0].parameters).toMatchObject({
      newIndicator: { value: 3 },
    });
  });

  it.each<[string, ScoreEndpoint, (data: Data) => void, string]>([
    [
      'a renamed totalScore',
      'service-results',
      (data) => {
        data.evaluation![1].tongDiem = data.evaluation![1].totalScore;
        delete data.evaluation![1].totalScore;
      },
      'evaluation[1].totalScore',
    ],
    ['no evaluation list', 'transparency', (data) => delete data.evaluation, 'evaluation'],
    ['no children list', 'dvc-progress-tree', (data) => delete data.children, 'children'],
    [
      'a record without departmentId',
      'provide-online-tree',
      (data) => delete data.children![0].departmentId,
      'children[0].departmentId',
    ],
    ['no metrics', 'dossier-digitized', (data) => delete data.overview!.metrics, 'overview.metrics'],
    [
      'no groupScores',
      'service-results',
      (data) => delete data.overview!.groupScores,
      'overview.groupScores',
    ],
  ])('reports %s as a shape error naming the endpoint and the field', (_, endpoint, change, field) => {
    const error = shapeError(endpoint, changed(endpoint, change));

    expect(error).toMatchObject({ endpoint, field, code: 'NATIONAL_SCORE_SHAPE' });
    expect(error.message).toContain(endpoint);
    expect(error.message).toContain(field);
  });

  it('reports an answer without data', () => {
    expect(shapeError('transparency', { message: 'blocked' })).toMatchObject({ field: 'data' });
  });
});

import { canonicalJson, changedFields, type UnitScore } from './unit-score';

const score = (): UnitScore => ({
  unit: {
    departmentId: 'd1',
    code: 'A',
    name: 'Sở A',
    type: 'PROVINCIAL_DEPARTMENT',
    level: 'PROVINCE',
    childGroup: 'AGENCY',
  },
  totalScore: 80,
  maxScore: 100,
  groups: { TTTT: { score: 5, maxScore: 10 } },
  metrics: [
    {
      group: 'MDSH',
      code: '4.2',
      name: 'x',
      numerator: 1,
      denominator: 6,
      ratio: 16.67,
      score: 0.83,
      maxScore: 4,
    },
  ],
  parameters: { 'dvc-progress-tree': { totalOnTime: 4 } },
});

describe(changedFields.name, () => {
  it('finds no change in the same content, whatever the order of its keys', () => {
    const reordered = JSON.parse(JSON.stringify(score(), Object.keys(score()).reverse())) as UnitScore;

    expect(changedFields(score(), { ...score() })).toEqual([]);
    expect(canonicalJson(score())).toBe(canonicalJson({ ...reordered, ...score() }));
  });

  it('names each changed figure by its path', () => {
    const after = score();
    after.totalScore = 75;
    after.groups.TTTT!.score = 0;
    after.metrics[0].numerator = 0;
    after.parameters['dvc-progress-tree']!.totalOnTime = 3;
    after.parameters['dvc-progress-tree']!.newField = 1;

    expect(changedFields(score(), after)).toEqual([
      'groups.TTTT.score',
      'metrics.MDSH/4.2.numerator',
      'parameters.dvc-progress-tree.newField',
      'parameters.dvc-progress-tree.totalOnTime',
      'totalScore',
    ]);
  });

  it('names a renamed unit and a metric that appeared', () => {
    const after = score();
    after.unit.name = 'Sở A mới';
    after.metrics.push({ ...after.metrics[0], code: '4.3' });

    expect(changedFields(score(), after)).toEqual(
      expect.arrayContaining(['unit.name', 'metrics.MDSH/4.3.code']),
    );
  });
});

import type { PortalProgress } from '@lienthong/schemas';
import { stepsAfterStatus, type SentStep } from './progress-history';

const steps = (...statuses: string[]): SentStep[] =>
  statuses.map((TrangThai, index) => ({
    sourceSystem: 'motcua',
    sourceEventId: `e${index + 1}`,
    sequence: index + 1,
    record: { MaHoSo: 'A', NguoiXuLy: 'Chuyên viên', TrangThai } as PortalProgress,
  }));
const statusesOf = (chosen: SentStep[]) => chosen.map((step) => step.record.TrangThai);

describe(stepsAfterStatus.name, () => {
  it.each([
    ['the steps after the one the portal stopped at', ['2', '4', '9', '10'], '4', ['9', '10']],
    ['nothing when the portal holds the last status', ['2', '4', '9', '10'], '10', []],
    ['from the first time of a status entered twice', ['2', '4', '5', '4', '9'], '4', ['5', '4', '9']],
    ['every step when no step had the status held', ['2', '4', '9'], '1', ['2', '4', '9']],
    ['every step when the portal holds none', ['2', '4'], undefined, ['2', '4']],
  ])('answers %s', (_, statuses, held, expected) => {
    expect(statusesOf(stepsAfterStatus(steps(...statuses), held))).toEqual(expected);
  });
});

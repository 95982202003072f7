import { BA_DINH, HOAN_KIEM, type MotcuaStory } from './kpi-harness';

const story = (
  serial: number,
  agency: MotcuaStory['agency'],
  rest: Omit<MotcuaStory, 'serial' | 'agency'>,
) => ({
  serial,
  agency,
  ...rest,
});
const JAN5 = { received: '2026-01-05T08:00:00', due: '2026-01-10T17:00:00' };
const JAN6 = { received: '2026-01-06T08:00:00', due: '2026-01-10T17:00:00' };

/** Seven dossiers of January 2026 whose numbers are worked out by hand in kpi-dashboard.e2e-spec.ts. */
export const STORIES: MotcuaStory[] = [
  // On time, paid online, returned with a rating.
  story(1, HOAN_KIEM, {
    ...JAN5,
    fee: { paidOnline: true },
    rating: 'RAT_HAI_LONG',
    steps: [
      { status: 'DA_TIEP_NHAN', at: '2026-01-05T08:00:00' },
      { status: 'DANG_XU_LY', at: '2026-01-06T08:00:00' },
      { status: 'DA_XU_LY_XONG', at: '2026-01-09T10:00:00' },
      { status: 'DA_TRA_KET_QUA', at: '2026-01-12T09:00:00' },
    ],
  }),
  // Finished 46 h after its due date, but 48 h of that in supplement: on time. Paid at the counter.
  story(2, HOAN_KIEM, {
    ...JAN5,
    channel: 'TRUC_TIEP',
    fee: { paidOnline: false },
    steps: [
      { status: 'DA_TIEP_NHAN', at: '2026-01-05T08:00:00' },
      { status: 'YEU_CAU_BO_SUNG', at: '2026-01-07T09:00:00' },
      { status: 'DANG_XU_LY', at: '2026-01-09T09:00:00' },
      { status: 'DA_XU_LY_XONG', at: '2026-01-12T15:00:00' },
    ],
  }),
  // Two supplement requests: overdue, however early it finished.
  story(3, HOAN_KIEM, {
    ...JAN5,
    steps: [
      { status: 'DA_TIEP_NHAN', at: '2026-01-05T08:00:00' },
      { status: 'YEU_CAU_BO_SUNG', at: '2026-01-05T09:00:00' },
      { status: 'DANG_XU_LY', at: '2026-01-05T10:00:00' },
      { status: 'YEU_CAU_BO_SUNG', at: '2026-01-05T11:00:00' },
      { status: 'DANG_XU_LY', at: '2026-01-05T12:00:00' },
      { status: 'DA_XU_LY_XONG', at: '2026-01-06T08:00:00' },
    ],
  }),
  // Unfinished, due 2026-01-25: overdue at the period's end, and overdue now.
  story(4, HOAN_KIEM, {
    received: '2026-01-20T08:00:00',
    due: '2026-01-25T17:00:00',
    steps: [
      { status: 'DA_TIEP_NHAN', at: '2026-01-20T08:00:00' },
      { status: 'DANG_XU_LY', at: '2026-01-21T08:00:00' },
    ],
  }),
  // Withdrawn before its due date: ends then, on time.
  story(5, HOAN_KIEM, {
    ...JAN5,
    channel: 'TRUC_TIEP',
    steps: [
      { status: 'DA_TIEP_NHAN', at: '2026-01-05T08:00:00' },
      { status: 'RUT_HO_SO', at: '2026-01-08T10:00:00' },
    ],
  }),
  story(1, BA_DINH, {
    ...JAN6,
    rating: 'KHONG_HAI_LONG',
    steps: [
      { status: 'DA_TIEP_NHAN', at: '2026-01-06T08:00:00' },
      { status: 'DA_XU_LY_XONG', at: '2026-01-08T10:00:00' },
      { status: 'DA_TRA_KET_QUA', at: '2026-01-08T15:00:00' },
    ],
  }),
  story(2, BA_DINH, {
    ...JAN6,
    steps: [
      { status: 'DA_TIEP_NHAN', at: '2026-01-06T08:00:00' },
      { status: 'DA_XU_LY_XONG', at: '2026-01-09T10:00:00' },
    ],
  }),
];

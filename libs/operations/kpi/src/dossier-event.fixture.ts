import type { DossierEvent } from '@lienthong/schemas';

/** A dossier.v1 event for tests: a received citizen dossier, due 2026-01-10 17:00, overridable. */
export function dossierEvent(overrides: Partial<DossierEvent> & { sequence?: number; at?: string } = {}) {
  const { sequence = 1, at = '2026-01-05T08:00:00+07:00', ...fields } = overrides;
  const event: DossierEvent = {
    dossierCode: '000.00.12.H26-260105-0001',
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
    agency: { code: '000.00.12.H26', name: 'UBND phường Hoàn Kiếm' },
    applicant: { type: 1, name: 'Nguyễn Văn An', identity: null },
    channel: 2,
    status: 2,
    times: { receivedAt: '2026-01-05T08:00:00+07:00', dueAt: '2026-01-10T17:00:00+07:00' },
    documents: [],
    fees: [],
    supplementRequests: [],
    results: [],
    provenance: { sourceSystem: 'motcua', sourceEventId: `e-${sequence}`, eventTime: at, sequence },
    ...fields,
  };
  return event;
}

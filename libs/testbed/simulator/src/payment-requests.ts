import { randomUUID } from 'node:crypto';
import type { MotcuaEvent, PaymentRequest } from '@lienthong/schemas';
import { pick, type Random } from './citizen-registry';
import { AGENCIES } from './agency-catalogue';
import { ADDRESSES } from './vietnamese-data';

/** A payment request the one-stop system sends, and the dossier event it follows. */
export interface PlannedPayment {
  /** The `version` of the dossier event after which the citizen asks to pay. */
  afterVersion: number;
  request: PaymentRequest;
}

/**
 * The statuses at which a citizen pays a dossier's fees, first match wins: when the agency asks for
 * payment (CHO_THANH_TOAN), else once the dossier is received. A dossier refused at the desk never pays.
 */
const PAYS_AT = ['CHO_THANH_TOAN', 'DA_TIEP_NHAN'];

/**
 * The online payment of a one-stop dossier's fees at the national payment platform, as the one-stop
 * system asks Lienthong for it (SOURCES.md, Payment requests): the dossier's fee lines (lệ phí, kind 2),
 * its applicant as payer, the agency's revenue account as beneficiary. Undefined for a dossier with no
 * fees, no named applicant or procedure, or none of the statuses at which fees are paid.
 */
export function paymentRequestOf(
  events: MotcuaEvent[],
  random: Random = Math.random,
): PlannedPayment | undefined {
  const at = PAYS_AT.map((status) => events.find((event) => event.hoSo.trangThai === status)).find(Boolean);
  const fees = at?.hoSo.lePhi ?? [];
  const payer = at?.hoSo.chuHoSo.hoTen;
  const procedureName = at?.hoSo.tenTTHC;
  if (!at || fees.length === 0 || !payer || !procedureName) return undefined;
  const { hoSo } = at;
  const agency = AGENCIES.find(({ code }) => code === hoSo.donViXuLy.maDinhDanh) ?? AGENCIES[0];
  const address = pick(random, ADDRESSES);
  const [first, ...rest] = fees.map((fee) => ({
    kind: 2 as const,
    code: fee.ma,
    name: fee.ten,
    amount: fee.soTien,
  }));
  return {
    afterVersion: at.version,
    request: {
      requestId: randomUUID(),
      dossierCode: hoSo.maHoSo,
      procedure: { code: hoSo.maTTHC, name: procedureName },
      agency: { code: agency.code, name: agency.name },
      payer: {
        name: payer,
        identityNumber: hoSo.chuHoSo.soDinhDanh ?? null,
        address: `Số ${1 + Math.floor(random() * 200)} ${address.street}`,
        commune: address.commune,
        province: 'Thành phố Hà Nội',
      },
      fees: [first, ...rest],
      beneficiary: {
        account: agency.revenue.account,
        bankCode: agency.revenue.bank,
        accountName: agency.name,
      },
      channel: 'national',
      requestedAt: at.occurredAt,
    },
  };
}

import { RetriableError } from '@lienthong/connector-runtime';
import { resultVerifies } from './payment-checksum';
import { ErrorCode, TransactionState, WRAPPER_SUCCESS, type PlatformResult } from './payment.contract';
import { badAnswer, jsonObject, readPlatformResult, textField } from './platform-result';

/** The platform created the transaction (the citizen goes to paymentUrl), or refused to. */
export type InitAnswer =
  { kind: 'created'; paymentUrl: string } | { kind: 'refused'; code: string; description: string };

const refusal = (code: string, description: string | undefined): InitAnswer => ({
  kind: 'refused',
  code,
  description: description || '(no MoTaLoi)',
});

/**
 * The INIT answer, in either form: direct `{MaLoi, MoTaLoi, …, UrlThanhToan}` (OpenCPS) or the gateway
 * wrapper `{error_code, message: "<the direct answer as a JSON string>"}` (Thanh Hóa). Any code other
 * than "00" (or the wrapper's "0") is a refusal, with its MoTaLoi kept.
 */
export function readInitAnswer(body: unknown): InitAnswer {
  const fields = jsonObject(body, 'INIT answer');
  const wrapperCode = textField(fields, 'error_code');
  if (wrapperCode === undefined) return readDirectInitAnswer(fields);
  const message = textField(fields, 'message');
  if (wrapperCode !== WRAPPER_SUCCESS) {
    // A refusing wrapper may carry the direct answer, or only a sentence.
    const inner = message?.trimStart().startsWith('{') ? jsonObject(message, 'INIT answer') : undefined;
    return refusal(wrapperCode, inner ? textField(inner, 'MoTaLoi') : message);
  }
  return readDirectInitAnswer(jsonObject(message, 'INIT answer (gateway message)'));
}

function readDirectInitAnswer(fields: Readonly<Record<string, unknown>>): InitAnswer {
  const code = textField(fields, 'MaLoi');
  if (code === undefined) throw badAnswer('INIT answer', 'no MaLoi');
  const description = textField(fields, 'MoTaLoi');
  if (code !== ErrorCode.Success) return refusal(code, description);
  const paymentUrl = textField(fields, 'UrlThanhToan');
  if (!paymentUrl || !URL.canParse(paymentUrl))
    throw badAnswer('INIT answer', 'MaLoi 00 without a UrlThanhToan');
  return { kind: 'created', paymentUrl };
}

/** What a QUERY learnt: paid (TrangThaiGD 1), failed (4), still pending (3), or the query was refused. */
export type QueryAnswer =
  | { kind: 'paid'; result: PlatformResult }
  | { kind: 'failed'; result: PlatformResult; description: string }
  | { kind: 'pending' }
  | { kind: 'query-refused'; code: string; description: string };

/**
 * The QUERY answer. MaLoi "00" means the query worked; TrangThaiGD then says the payment's state. The
 * result fields must carry their MaXacThuc (result order) before anything is applied: an answer that
 * does not verify is refused, never taken as a payment.
 */
export function readQueryAnswer(body: unknown, secret: string): QueryAnswer {
  const fields = jsonObject(body, 'QUERY answer');
  const code = textField(fields, 'MaLoi');
  if (code === undefined) throw badAnswer('QUERY answer', 'no MaLoi');
  const description = textField(fields, 'MoTaLoi') ?? '';
  if (code !== ErrorCode.Success) return { kind: 'query-refused', code, description };
  const read = readPlatformResult(fields);
  if (read.missing) throw badAnswer('QUERY answer', `missing ${read.missing.join(', ')}`);
  if (!resultVerifies(read.result, secret)) {
    throw new RetriableError(
      'PAYMENT_ANSWER_UNVERIFIED',
      `the QUERY answer for ${read.result.reference} does not carry the MaXacThuc of its fields (PAYMENT_SECRET not the platform's?); nothing was applied`,
    );
  }
  const state = textField(fields, 'TrangThaiGD') ?? '';
  switch (state) {
    case TransactionState.Paid:
      return { kind: 'paid', result: read.result };
    case TransactionState.Failed:
      return { kind: 'failed', result: read.result, description: `TrangThaiGD 4: ${description}` };
    case TransactionState.Pending:
      return { kind: 'pending' };
    default:
      throw badAnswer('QUERY answer', `unknown TrangThaiGD "${state}"`);
  }
}

/** The GET_BILL answer: the receipt PDF, or the platform's JSON (a receipt's data, or a refusal). */
export type BillAnswer =
  | { kind: 'pdf'; pdf: Buffer }
  | { kind: 'json'; receipt: Readonly<Record<string, unknown>> }
  | { kind: 'not-available'; code: string; description: string };

const PDF_MAGIC = '%PDF-';

/**
 * One client saves the GET_BILL body as the PDF, the other parses it as JSON: the Content-Type decides.
 * A body starting `%PDF-` under a generic type (application/octet-stream) is a PDF too.
 */
export function readBillAnswer(contentType: string | undefined, body: Buffer): BillAnswer {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const looksLikePdf = body.subarray(0, PDF_MAGIC.length).toString('latin1') === PDF_MAGIC;
  if (type === 'application/pdf' || (type !== 'application/json' && looksLikePdf)) {
    if (!looksLikePdf) throw badAnswer('GET_BILL answer', 'Content-Type application/pdf but no PDF');
    return { kind: 'pdf', pdf: body };
  }
  const fields = jsonObject(body, 'GET_BILL answer');
  const code = textField(fields, 'MaLoi');
  if (code !== undefined && code !== ErrorCode.Success) {
    return { kind: 'not-available', code, description: textField(fields, 'MoTaLoi') ?? '' };
  }
  return { kind: 'json', receipt: fields };
}

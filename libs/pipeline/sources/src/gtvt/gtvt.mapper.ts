import { SchemaValidator, type DossierEvent, type GtvtEvent } from '@lienthong/schemas';
import { parseJson } from '../json-source';
import { parseEpochMillis, toLocalIso } from '../local-time';
import {
  cleanText,
  lookupCode,
  normalizeAgencyCode,
  normalizeDossierCode,
  normalizeProcedureCode,
  requiredText,
  withoutUndefined,
} from '../normalize';
import { parsePersonalId } from '../personal-id';
import { RejectionReason } from '../rejection';
import type { SourceMapper } from '../source-mapper';
import { GTVT_APPLICANT_TYPE, GTVT_CHANNEL, GTVT_STATUS } from './gtvt.codes';

/** The transport-licensing system: JSON, English camelCase, epoch-millisecond (UTC) times. */
export class GtvtMapper implements SourceMapper<GtvtEvent> {
  readonly system = 'gtvt';
  readonly schema = new SchemaValidator<GtvtEvent>('sources/gtvt.v1.json');

  parse(bytes: Buffer): unknown {
    return parseJson(bytes);
  }

  toDossier(event: GtvtEvent): DossierEvent {
    const app = event.application;
    const time = (value: number | null | undefined, path: string) =>
      value === null || value === undefined ? undefined : toLocalIso(parseEpochMillis(value, path));
    const birthDate = time(app.applicant.birthDate, '/application/applicant/birthDate')?.slice(0, 10) ?? null;
    return {
      dossierCode: normalizeDossierCode(app.ref, '/application/ref'),
      receiptNumber: null,
      summary: cleanText(app.summary),
      procedure: {
        code: normalizeProcedureCode(app.procedure.code, '/application/procedure/code'),
        name: cleanText(app.procedure.name),
      },
      field: null,
      agency: { code: normalizeAgencyCode(app.office, '/application/office'), name: null },
      applicant: {
        type: lookupCode(GTVT_APPLICANT_TYPE, app.applicant.kind, '/application/applicant/kind'),
        name: requiredText(
          app.applicant.fullName,
          '/application/applicant/fullName',
          RejectionReason.SchemaInvalid,
        ),
        identity: parsePersonalId(app.applicant.nationalId, birthDate, '/application/applicant/nationalId'),
        birthDate,
        phone: cleanText(app.applicant.phone),
        email: cleanText(app.applicant.email),
      },
      channel: lookupCode(GTVT_CHANNEL, app.channel, '/application/channel'),
      status: lookupCode(GTVT_STATUS, app.status, '/application/status', RejectionReason.UnknownStatus),
      times: withoutUndefined({
        submittedAt: time(app.submittedAt, '/application/submittedAt'),
        receivedAt: toLocalIso(parseEpochMillis(app.acceptedAt, '/application/acceptedAt')),
        dueAt: time(app.dueAt, '/application/dueAt'),
        finishedAt: time(app.completedAt, '/application/completedAt'),
        returnedAt: time(app.deliveredAt, '/application/deliveredAt'),
        rejectedAt: time(app.rejectedAt, '/application/rejectedAt'),
      }),
      documents: (app.documents ?? []).map((document) => ({
        code: cleanText(document.code) ?? '',
        name: cleanText(document.name) ?? '',
        fileId: cleanText(document.fileId),
        fileName: null,
        url: cleanText(document.url),
        digitized: document.digitized === true,
        reused: document.reused === true,
      })),
      fees: (app.fees ?? []).map((fee) => ({
        code: cleanText(fee.code) ?? '',
        name: cleanText(fee.label) ?? '',
        amount: fee.amountVnd,
        paid: fee.paid === true,
        paidOnline: fee.paid === true && fee.paidOnline === true,
      })),
      supplementRequests: [],
      results: (app.outputs ?? []).map((output) => ({
        code: cleanText(output.code) ?? '',
        name: cleanText(output.name) ?? '',
        number: cleanText(output.number),
        url: cleanText(output.url),
      })),
      processing: app.handler
        ? {
            handler: cleanText(app.handler.name) ?? '',
            title: cleanText(app.handler.title),
            unit: cleanText(app.handler.unit),
            content: cleanText(app.handler.note),
          }
        : null,
      provenance: {
        sourceSystem: this.system,
        sourceEventId: requiredText(event.id, '/id', RejectionReason.SchemaInvalid),
        sourceEventType: cleanText(event.type),
        eventTime: toLocalIso(parseEpochMillis(event.ts, '/ts')),
        sequence: event.seq,
      },
    };
  }
}

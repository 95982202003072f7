import type { DocumentRef, Organ } from './edxml-header-check';
import { EDXML_NS, type SandboxStatus } from './edxml-names';

export interface StatusPackage {
  from: Organ;
  /** Absent when the refused package was too broken to name its document. */
  responseFor?: DocumentRef;
  staff?: { department: string; staff: string };
  status: SandboxStatus;
  /** Description beyond the status's own, e.g. why a package was refused. */
  detail?: string;
  at: Date;
}

const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `yyyy/MM/dd HH:mm:ss` in Asia/Ho_Chi_Minh, which keeps +07:00 all year. */
export function hanoiTimestamp(at: Date): string {
  const iso = new Date(at.getTime() + HANOI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An element and its text or its child elements; every name is written `edXML:`. */
type Field = [name: string, content: string | Field[]];

/** An element whose children each hold text, in the order given. */
const group = (name: string, texts: Record<string, string>): Field => [name, Object.entries(texts)];

function render([name, content]: Field, depth: number): string {
  const pad = '  '.repeat(depth);
  if (typeof content === 'string') return `${pad}<edXML:${name}>${escape(content)}</edXML:${name}>`;
  const inner = content.map((field) => render(field, depth + 1));
  return [`${pad}<edXML:${name}>`, ...inner, `${pad}</edXML:${name}>`].join('\n');
}

/**
 * Writes a status package as the exchange and its receivers send it: `edXMLHeader/Status` with From,
 * ResponseFor, StaffInfo, StatusCode, Description, Timestamp in that order.
 */
export function writeStatusPackage(status: StatusPackage): string {
  const { from, responseFor, staff } = status;
  const fields: Field[] = [group('From', { OrganId: from.organId, OrganName: from.organName })];
  if (responseFor) {
    fields.push(
      group('ResponseFor', {
        OrganId: responseFor.organId,
        Code: responseFor.code,
        PromulgationDate: responseFor.promulgationDate,
        DocumentId: responseFor.documentId,
      }),
    );
  }
  if (staff) fields.push(group('StaffInfo', { Department: staff.department, Staff: staff.staff }));
  const { code, description } = status.status;
  fields.push(
    ['StatusCode', code],
    ['Description', status.detail ? `${description}: ${status.detail}` : description],
    ['Timestamp', hanoiTimestamp(status.at)],
  );
  const envelope: Field = ['edXMLEnvelope', [['edXMLHeader', [['Status', fields]]]]];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<edXML:edXML xmlns:edXML="${EDXML_NS}">`,
    render(envelope, 1),
    '</edXML:edXML>',
    '',
  ].join('\n');
}

import { randomFillSync, randomUUID } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import { CloudEventHeader } from './header-names';

export interface CloudEventAttributes {
  source: string;
  type: string;
  time: string;
  id?: string;
  subject?: string;
  traceparent?: string;
}

// Trace and span ids are drawn from a pool refilled in bulk: one system call per 4096 ids, not one per id.
const pool = Buffer.alloc(64 * 1024);
let poolOffset = pool.length;

function randomHex(bytes: number): string {
  if (poolOffset + bytes > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += bytes;
  return pool.toString('hex', poolOffset - bytes, poolOffset);
}

/** A new W3C trace context: version 00, random trace and span ids, sampled. */
export function newTraceparent(): string {
  return `00-${randomHex(16)}-${randomHex(8)}-01`;
}

/** A child span of an incoming W3C traceparent, or a new trace when there is none (or it is malformed). */
function childTraceparent(parent: string | undefined): string {
  const match = parent && /^00-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})$/.exec(parent);
  if (!match) return newTraceparent();
  return `00-${match[1]}-${randomHex(8)}-${match[2]}`;
}

/**
 * The attributes CloudEvents requires (binary mode), plus the trace context carried on from the input:
 * all a record needs when its payload holds the time and its key the subject (the hub's dossier.v1,
 * where every header of every event is encoded).
 */
export function requiredCloudEventHeaders(
  attributes: Pick<CloudEventAttributes, 'id' | 'source' | 'type' | 'traceparent'>,
): Record<string, string> {
  return {
    [CloudEventHeader.SpecVersion]: '1.0',
    [CloudEventHeader.Id]: attributes.id ?? randomUUID(),
    [CloudEventHeader.Source]: attributes.source,
    [CloudEventHeader.Type]: attributes.type,
    [CloudEventHeader.TraceParent]: childTraceparent(attributes.traceparent),
  };
}

/** CloudEvents Kafka binding (binary mode) headers with time, content type and subject, plus the trace context. */
export function cloudEventHeaders(attributes: CloudEventAttributes): Record<string, string> {
  const headers: Record<string, string> = {
    ...requiredCloudEventHeaders(attributes),
    [CloudEventHeader.Time]: attributes.time,
    [CloudEventHeader.ContentType]: 'application/json',
  };
  if (attributes.subject) headers[CloudEventHeader.Subject] = attributes.subject;
  return headers;
}

export function headersToRecord(headers: IHeaders | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) record[name] = first.toString();
  }
  return record;
}

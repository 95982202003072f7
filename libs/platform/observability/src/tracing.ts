import {
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  type Attributes,
  type HrTime,
  type SpanContext,
} from '@opentelemetry/api';
import { ExportResultCode, millisToHrTime, type ExportResult } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * OpenTelemetry traces of the hops a dossier event takes (source → hub → route → connector → target),
 * exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set, and nothing
 * at all otherwise. A span's ids are the ones on the wire: the hub's outputs already carry a child
 * `traceparent` of their input, so each hop is recorded under the span id the next hop names as its
 * parent, and the hops join into one trace without a context being passed around in memory.
 */

/** One hop, in W3C trace-context terms. */
export interface HopSpan {
  name: string;
  kind: 'consumer' | 'producer' | 'client' | 'internal';
  /** This span's own context (`00-<trace>-<span>-<flags>`), e.g. the traceparent a message was written with. */
  traceparent: string;
  /** The parent's context, e.g. the traceparent of the message this hop consumed. */
  parent?: string;
  startMs: number;
  endMs: number;
  attributes?: Attributes;
  /** Set when the hop failed. */
  error?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const KINDS = {
  consumer: SpanKind.CONSUMER,
  producer: SpanKind.PRODUCER,
  client: SpanKind.CLIENT,
  internal: SpanKind.INTERNAL,
} as const;

function spanContext(traceparent: string | undefined): SpanContext | undefined {
  const match = traceparent ? TRACEPARENT.exec(traceparent) : null;
  if (!match) return undefined;
  return { traceId: match[1], spanId: match[2], traceFlags: parseInt(match[3], 16), isRemote: true };
}

/** The trace id in a traceparent, for log lines; undefined when there is none. */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  return spanContext(traceparent)?.traceId;
}

/** A new span under `parent` (same trace, new span id), or the root of a new trace. */
export function childTraceparent(parent?: string): string {
  const context = spanContext(parent);
  const spanId = randomBytes(8).toString('hex');
  if (!context) return `00-${randomBytes(16).toString('hex')}-${spanId}-01`;
  return `00-${context.traceId}-${spanId}-${context.traceFlags.toString(16).padStart(2, '0')}`;
}

function endpoint(): string | undefined {
  const traces = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return traces;
  const base = process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/$/, '')}/v1/traces` : undefined;
}

/** Share of traces kept (OTEL_TRACES_SAMPLER_ARG, 0..1), decided on the trace id so every hop agrees. */
function sampled(traceId: string): boolean {
  const ratio = Number(process.env.OTEL_TRACES_SAMPLER_ARG ?? 1);
  if (!(ratio < 1)) return true;
  return parseInt(traceId.slice(-8), 16) / 0xffffffff < ratio;
}

/** OTEL_EXPORTER_OTLP_HEADERS: `key=value,key2=value2` (an API key of a hosted collector, say). */
function exportHeaders(): Record<string, string> {
  const pairs = (process.env.OTEL_EXPORTER_OTLP_HEADERS ?? '')
    .split(',')
    .filter((pair) => pair.includes('='));
  return Object.fromEntries(
    pairs.map((pair) => [
      pair.slice(0, pair.indexOf('=')).trim(),
      decodeURIComponent(pair.slice(pair.indexOf('=') + 1).trim()),
    ]),
  );
}

/** OTLP/HTTP with the JSON encoding (the OpenTelemetry serializer), over node's own http(s) client. */
class OtlpJsonExporter implements SpanExporter {
  constructor(private readonly url: string) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const body = JsonTraceSerializer.serializeRequest(spans);
    if (!body) return done({ code: ExportResultCode.FAILED, error: new Error('spans not serialisable') });
    const send = this.url.startsWith('https:') ? httpsRequest : httpRequest;
    const request = send(
      this.url,
      {
        method: 'POST',
        timeout: 10_000,
        headers: { ...exportHeaders(), 'content-type': 'application/json', 'content-length': body.length },
      },
      (response) => {
        response.resume();
        const ok = (response.statusCode ?? 500) < 300;
        done(
          ok
            ? { code: ExportResultCode.SUCCESS }
            : {
                code: ExportResultCode.FAILED,
                error: new Error(`collector answered ${response.statusCode}`),
              },
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error('collector timed out')));
    request.on('error', (error) => done({ code: ExportResultCode.FAILED, error }));
    request.end(body);
  }

  async shutdown(): Promise<void> {}
}

const processors = new Map<string, SpanProcessor>();

function processorFor(service: string, url: string): SpanProcessor {
  let processor = processors.get(service);
  if (!processor) {
    processor = new BatchSpanProcessor(new OtlpJsonExporter(url));
    processors.set(service, processor);
  }
  return processor;
}

const hrTime = (ms: number): HrTime => millisToHrTime(ms);

/** Whether spans are exported at all (an OTLP endpoint is configured). */
export function tracingEnabled(): boolean {
  return endpoint() !== undefined;
}

/** Records one hop of `service` (OTEL_SERVICE_NAME wins); a no-op unless tracing is enabled. */
export function recordSpan(service: string, hop: HopSpan): void {
  const url = endpoint();
  const context = spanContext(hop.traceparent);
  if (!url || !context || !(context.traceFlags & TraceFlags.SAMPLED) || !sampled(context.traceId)) return;
  const name = process.env.OTEL_SERVICE_NAME?.trim() || `lienthong-${service}`;
  const start = hrTime(hop.startMs);
  const end = hrTime(Math.max(hop.endMs, hop.startMs));
  const span: ReadableSpan = {
    name: hop.name,
    kind: KINDS[hop.kind],
    spanContext: () => ({ ...context, isRemote: false }),
    parentSpanContext: spanContext(hop.parent),
    startTime: start,
    endTime: end,
    duration: hrTime(Math.max(hop.endMs - hop.startMs, 0)),
    status: hop.error ? { code: SpanStatusCode.ERROR, message: hop.error } : { code: SpanStatusCode.OK },
    attributes: hop.attributes ?? {},
    links: [],
    events: [],
    ended: true,
    resource: resourceFromAttributes({ 'service.name': name, 'service.namespace': 'lienthong' }),
    instrumentationScope: { name: '@lienthong/observability' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
  processorFor(name, url).onEnd(span);
}

/** Sends what is buffered and stops the exporters (at shutdown). */
export async function stopTracing(): Promise<void> {
  const all = [...processors.values()];
  processors.clear();
  await Promise.all(all.map((processor) => processor.shutdown().catch(() => undefined)));
}

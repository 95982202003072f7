import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stopTracing } from '@lienthong/observability';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { loadFixtureDossiers } from '../support/source-fixtures';

jest.setTimeout(120_000);

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
}

/** An OTLP/HTTP (JSON) collector: keeps every span it is sent. */
async function collector(): Promise<{ server: Server; url: string; spans: ExportedSpan[] }> {
  const spans: ExportedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = resourceSpans.resource.attributes.find(
          (attribute: { key: string }) => attribute.key === 'service.name',
        )?.value.stringValue;
        for (const scope of resourceSpans.scopeSpans) {
          for (const span of scope.spans) spans.push({ ...span, service });
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

describe('OpenTelemetry traces', () => {
  let sut: LienthongHarness;
  let otlp: Awaited<ReturnType<typeof collector>>;

  beforeAll(async () => {
    otlp = await collector();
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = otlp.url;
    sut = await new LienthongHarness().start();
  });

  afterAll(async () => {
    await sut?.close();
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    await stopTracing();
    otlp?.server.close();
  });

  it('join source event → hub → dossier.v1 → connector → target call in one trace through traceparent', async () => {
    const [sample] = loadFixtureDossiers('motcua');
    const traceId = 'f'.repeat(16) + sut.id.padStart(16, '0');
    const sourceSpan = '0123456789abcdef';
    await publish(sut.topics.source('motcua'), [
      {
        key: sample.dossierCode,
        value: sample.events[0].bytes,
        headers: { traceparent: `00-${traceId}-${sourceSpan}-01` },
      },
    ]);

    const spans = await eventually(
      async () => {
        await stopTracing(); // sends what is buffered now
        return otlp.spans.filter((span) => span.traceId === traceId);
      },
      (found) => found.some((span) => span.name.startsWith('call ')),
      60_000,
    );
    // One hop from the hub: the dossier.v1 record every connector it is routed to reads.
    const hub = spans.find((span) => span.name === `hub ${sut.topics.dossier}`);
    expect(hub).toMatchObject({ parentSpanId: sourceSpan, service: 'lienthong-hub' });
    const deliver = spans.find((span) => span.name === 'deliver national-portal');
    expect(deliver).toMatchObject({
      parentSpanId: hub!.spanId,
      service: 'lienthong-connector-national-portal',
    });
    expect(spans.find((span) => span.name === 'call national-portal')?.parentSpanId).toBe(deliver!.spanId);
  });
});

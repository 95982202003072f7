import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { childTraceparent, recordSpan, stopTracing, traceIdOf, tracingEnabled } from './tracing';

describe(recordSpan.name, () => {
  let server: Server;
  let bodies: unknown[];

  beforeEach(async () => {
    bodies = [];
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push({
          path: request.url,
          type: request.headers['content-type'],
          body: Buffer.concat(chunks).toString(),
        });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterEach(() => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    server.close();
  });

  it('exports nothing unless an OTLP endpoint is configured', async () => {
    expect(tracingEnabled()).toBe(false);
    recordSpan('hub', { name: 'x', kind: 'internal', traceparent: childTraceparent(), startMs: 0, endMs: 1 });
    await stopTracing();
    expect(bodies).toEqual([]);
  });

  it('exports a hop under the ids of its traceparent, as a child of its parent', async () => {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const own = childTraceparent(parent);
    expect(traceIdOf(own)).toBe('0af7651916cd43dd8448eb211c80319c');
    recordSpan('hub', {
      name: 'hub route.x.v1',
      kind: 'producer',
      traceparent: own,
      parent,
      startMs: 1000,
      endMs: 1010,
    });
    await stopTracing();
    expect(bodies).toHaveLength(1);
    const [{ path, type, body }] = bodies as { path: string; type: string; body: string }[];
    expect([path, type]).toEqual(['/v1/traces', 'application/json']);
    const [resourceSpans] = JSON.parse(body).resourceSpans;
    expect(resourceSpans.resource.attributes).toContainEqual({
      key: 'service.name',
      value: { stringValue: 'lienthong-hub' },
    });
    expect(resourceSpans.scopeSpans[0].spans[0]).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: own.split('-')[2],
      parentSpanId: 'b7ad6b7169203331',
      name: 'hub route.x.v1',
      kind: 4,
      startTimeUnixNano: '1000000000',
      endTimeUnixNano: '1010000000',
    });
  });
});

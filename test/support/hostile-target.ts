import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** How the target answers every request. */
export type HostileBehaviour =
  { kind: 'redirect-away' } | { kind: 'redirect-home'; body: string } | { kind: 'stream'; bytes: number };

const listen = (server: Server, host: string) =>
  new Promise<string>((resolve) =>
    server.listen(0, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`)),
  );

/**
 * A target on 127.0.0.1 that redirects to another host (127.0.0.2, another loopback address: another
 * host to a client) or streams an answer of any size in 64 KiB chunks, with no Content-Length, as a
 * hostile or broken target would. The other host records what reaches it.
 */
export async function hostileTarget() {
  let behaviour: HostileBehaviour = { kind: 'redirect-away' };
  const elsewhere: ReceivedRequest[] = [];
  const home: ReceivedRequest[] = [];
  const other = createServer((request, response) => {
    elsewhere.push({ path: request.url ?? '', headers: request.headers });
    request.resume();
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('stolen');
  });
  const otherUrl = await listen(other, '127.0.0.2');
  const target = createServer((request, response) => {
    home.push({ path: request.url ?? '', headers: request.headers });
    request.resume();
    switch (behaviour.kind) {
      case 'redirect-away':
        response.writeHead(307, { Location: `${otherUrl}/collect` }).end();
        return;
      case 'redirect-home':
        if (request.url === '/moved')
          response.writeHead(200, { 'Content-Type': 'text/plain' }).end(behaviour.body);
        else response.writeHead(307, { Location: '/moved' }).end();
        return;
      case 'stream':
        streamAnswer(response, behaviour.bytes);
        return;
    }
  });
  const url = await listen(target, '127.0.0.1');
  return {
    url,
    elsewhere,
    home,
    behave: (next: HostileBehaviour) => {
      behaviour = next;
      elsewhere.length = 0;
      home.length = 0;
    },
    close: () =>
      Promise.all(
        [target, other].map((server) => {
          server.closeAllConnections();
          return new Promise((resolve) => server.close(resolve));
        }),
      ),
  };
}

function streamAnswer(response: import('node:http').ServerResponse, bytes: number): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let left = bytes;
  response.writeHead(200, { 'Content-Type': 'text/xml' });
  const write = (): void => {
    while (left > 0 && !response.destroyed) {
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= part.length;
      if (!response.write(part)) {
        response.once('drain', write);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  write();
}

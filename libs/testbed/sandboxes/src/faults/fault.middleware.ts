import { sleep } from '@lienthong/bootstrap';
import type { NextFunction, Request, Response } from 'express';
import type { FaultInjector } from './fault-injector';

/** What a reverse proxy shows when the application behind it fails, with a 200 status all the same. */
const GATEWAY_ERROR_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Hệ thống đang bảo trì</title></head>
<body><h1>Hệ thống đang bận hoặc đang bảo trì</h1><p>Vui lòng thử lại sau (injected).</p><hr><address>nginx</address></body>
</html>
`;

/**
 * Applies the injector's decision to one call of the sandbox's own API (not to `/_sandbox`). With
 * NODE_ENV=production the control endpoints `/_sandbox/*` are off: they answer 404.
 */
export function faultMiddleware(injector: FaultInjector) {
  const production = process.env.NODE_ENV === 'production';
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    if (request.originalUrl.startsWith('/_sandbox')) {
      if (production) {
        response.status(404).json({ error: 'sandbox control endpoints are off in production' });
        return;
      }
      return next();
    }
    if (injector.latencyMs > 0) await sleep(injector.latencyMs);
    const { fault } = injector.decide();
    switch (fault) {
      case undefined:
        return next();
      case 'outage':
        // A target that is down refuses connections; closing the socket is the nearest an HTTP server gets.
        request.socket.destroy();
        return;
      case '5xx':
        response.status(503).json({ error: 'Service Unavailable (injected)' });
        return;
      case '429':
        response.status(429).set('Retry-After', '1').json({ error: 'Too Many Requests (injected)' });
        return;
      case 'timeout':
        await sleep(injector.timeoutMs);
        request.socket.destroy();
        return;
      case 'drop':
        request.socket.destroy();
        return;
      case 'html':
        response.status(200).type('html').send(GATEWAY_ERROR_PAGE);
        return;
      case 'lost-answer':
        // The handler runs and applies the call; its answer never leaves.
        response.writeHead = () => {
          request.socket.destroy();
          return response;
        };
        return next();
    }
  };
}

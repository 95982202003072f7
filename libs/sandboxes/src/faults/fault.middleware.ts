import type { NextFunction, Request, Response } from 'express';
import type { FaultInjector } from './fault-injector';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies the injector's decision to one call of the sandbox's own API (not to `/_sandbox`). */
export function faultMiddleware(injector: FaultInjector) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    if (request.originalUrl.startsWith('/_sandbox')) return next();
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
    }
  };
}

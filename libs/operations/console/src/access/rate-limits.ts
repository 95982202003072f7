import { bearerToken, hashToken } from '@lienthong/access';
import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import type { ConsoleConfig } from '../console.config';

type Limits = Pick<
  ConsoleConfig,
  'CONSOLE_RATE_LIMIT_WINDOW_S' | 'CONSOLE_RATE_LIMIT_PER_TOKEN' | 'CONSOLE_RATE_LIMIT_PER_ADDRESS'
>;

const addressOf = (request: Request) => request.ip ?? request.socket.remoteAddress ?? 'unknown';

/** A bearer token counts by its hash (never kept in clear); a request without one, by its address. */
function tokenOrAddress(request: Request): string {
  const token = bearerToken(request.headers.authorization);
  return token ? `token:${hashToken(token)}` : `address:${addressOf(request)}`;
}

/**
 * The console API's rate limits (429 with Retry-After over them): per token, and per address whatever
 * the token (made-up tokens do not buy a caller more). Counted over the whole API, not per route; the
 * web pages, health and metrics are not limited.
 */
export function rateLimits(config: Limits): ThrottlerModuleOptions {
  const ttl = config.CONSOLE_RATE_LIMIT_WINDOW_S * 1000;
  return {
    skipIf: (context: ExecutionContext) =>
      !context.switchToHttp().getRequest<Request>().path.startsWith('/api/'),
    generateKey: (_context, tracker, throttler) => `${throttler}:${tracker}`,
    throttlers: [
      {
        // Named `default`, the throttler's plain headers (Retry-After, X-RateLimit-*) are this limit's.
        name: 'default',
        ttl,
        limit: config.CONSOLE_RATE_LIMIT_PER_TOKEN,
        getTracker: (request) => tokenOrAddress(request as Request),
      },
      {
        name: 'address',
        ttl,
        limit: config.CONSOLE_RATE_LIMIT_PER_ADDRESS,
        getTracker: (request) => addressOf(request as Request),
      },
    ],
  };
}

import { createHash } from 'node:crypto';
import { TokenStore, type TokenHolder, bearerToken } from '@lienthong/access';
import { AuditLog } from '@lienthong/audit';
import { createLogger } from '@lienthong/observability';
import { ArgumentsHost, Catch, HttpException, Injectable } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';
import type { Request } from 'express';
import { storable } from './input-rules';
import { alreadyAudited } from './operator-action';

const logger = createLogger('console');

/** Refusals of an attempt to change something: a bad input (a body too large too), a role that may not. */
const REFUSALS = new Set([400, 403]);
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

type ConsoleRequest = Request & { holder?: TokenHolder; rawBody?: Buffer };

/**
 * What the audit keeps of a refused request: bounded whatever was sent (a method, a path, the body's
 * size and SHA-256, never the body itself). A body refused for its size was not read, so has no hash.
 */
export function requestSummary(request: ConsoleRequest) {
  const raw = request.rawBody;
  return {
    method: storable(request.method, 10),
    path: storable(request.path, 200),
    bodyBytes: raw?.length ?? (Number(request.headers['content-length']) || 0),
    bodySha256: raw ? createHash('sha256').update(raw).digest('hex') : null,
  };
}

/**
 * Audits every refused attempt to change something by a token holder (a 401 is not: anyone could
 * fill the log with them), then answers as Nest would. Runs for errors thrown before the guards too
 * (the body parser's refusals), so it authenticates the token itself when the guard has not.
 */
@Catch()
@Injectable()
export class RefusalAuditFilter extends BaseExceptionFilter {
  constructor(
    adapterHost: HttpAdapterHost,
    private readonly audit: AuditLog,
    private readonly tokens: TokenStore,
  ) {
    super(adapterHost.httpAdapter);
  }

  override async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<ConsoleRequest>();
    if (this.isRefusedChange(exception, request)) {
      await this.record(exception, request).catch((error: unknown) =>
        logger.error({ err: error, path: request.path }, 'cannot audit a refused request'),
      );
    }
    super.catch(asHttpException(exception), host);
  }

  private isRefusedChange(exception: unknown, request: ConsoleRequest): boolean {
    return (
      REFUSALS.has(statusOf(exception)) &&
      !READS.has(request.method) &&
      request.path.startsWith('/api/') &&
      !alreadyAudited(exception)
    );
  }

  private async record(exception: unknown, request: ConsoleRequest): Promise<void> {
    const holder = request.holder ?? (await this.holderOf(request));
    if (!holder) return;
    const summary = requestSummary(request);
    await this.audit.append({
      actor: holder.name,
      actorTokenId: holder.id,
      role: holder.role,
      action: storable(
        `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`,
        220,
      ),
      target: summary.path,
      parameters: {},
      result: 'refused',
      detail: { status: statusOf(exception), reason: storable(messageOf(exception), 300), request: summary },
    });
  }

  private async holderOf(request: ConsoleRequest): Promise<TokenHolder | undefined> {
    const token = bearerToken(request.headers.authorization);
    return token ? this.tokens.authenticate(token) : undefined;
  }
}

/** The body parser's refusals are answers, not faults of the console: no error log for them. */
function asHttpException(exception: unknown): unknown {
  const status = statusOf(exception);
  return exception instanceof HttpException || status >= 500
    ? exception
    : new HttpException(messageOf(exception), status);
}

/** A body over the limit is input that cannot be stored, refused like any other: 400, not the parser's 413. */
function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  const { statusCode, type } = (exception ?? {}) as { statusCode?: unknown; type?: unknown };
  if (type === 'entity.too.large') return 400;
  return typeof statusCode === 'number' ? statusCode : 500;
}

function messageOf(exception: unknown): string {
  const { type, limit } = (exception ?? {}) as { type?: unknown; limit?: unknown };
  if (type === 'entity.too.large')
    return `the request body is over the console's limit of ${String(limit)} bytes`;
  const answer = exception instanceof HttpException ? exception.getResponse() : exception;
  const message = (answer as { message?: unknown } | null)?.message ?? String(answer);
  return Array.isArray(message) ? message.join('; ') : String(message);
}

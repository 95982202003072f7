import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

export type { Logger };

// 12-digit personal IDs (CCCD) and 9-digit old cards (CMND), also when written with spaces or dots.
const PERSONAL_ID = /(?<!\d)\d{3}[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{3})?(?!\d)/g;
const SECRET_KEYS = /^(password|passwd|secret|session|token|authorization|apikey|api_key)$/i;

/** Masks personal IDs inside any string of a log record, keeping the last two digits for tracing. */
export function maskPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string')
    return value.replace(PERSONAL_ID, (id) => '*'.repeat(id.length - 2) + id.slice(-2));
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return { type: value.name, message: maskPersonalData(value.message, depth + 1) };
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEYS.test(key) ? '[secret]' : maskPersonalData(item, depth + 1),
    ]),
  );
}

const root = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'lienthong' },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Errors are written by maskPersonalData (with their stack), after their text is masked.
  serializers: { err: (error: unknown) => error },
  formatters: {
    level: (label) => ({ level: label }),
    log: (record) => maskPersonalData(record) as Record<string, unknown>,
  },
  hooks: {
    logMethod(args, method) {
      method.apply(
        this,
        args.map((arg) => (typeof arg === 'string' ? (maskPersonalData(arg) as string) : arg)) as Parameters<
          typeof method
        >,
      );
    },
  },
});

/** A JSON logger for one component; personal IDs and secrets never reach the output in clear. */
export function createLogger(component: string, bindings: Record<string, unknown> = {}): Logger {
  return root.child({ component, ...bindings });
}

/** Routes NestJS's own framework logs through the same masked JSON logger. */
export class PinoNestLogger implements LoggerService {
  private readonly logger = createLogger('nest');

  log(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

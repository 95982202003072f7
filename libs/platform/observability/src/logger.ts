import type { LoggerService } from '@nestjs/common';
import { maskPersonalData as maskForScreens } from '@lienthong/personal-data';
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Masks personal data inside any value of a log record (see @lienthong/personal-data): ID numbers keep
 * only their last two digits here, for tracing; secrets are hidden by key name.
 */
export function maskPersonalData(value: unknown): unknown {
  return maskForScreens(value, { idHead: 0 });
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

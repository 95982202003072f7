import {
  BadRequestException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { controlCharacterAt, storable } from './input-rules';

/**
 * Refuses, with 400 and before any handler runs, a request whose path parameters, query or body hold
 * a control character: such input cannot be stored (the audit row of the action would fail after the
 * action) and has no business in a name, a reason or a filter. Runs after the guards, so the refusal
 * is audited under the holder's name.
 */
@Injectable()
export class StorableInputInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    for (const [part, value] of [
      ['path', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const where = controlCharacterAt(value);
      if (where) {
        throw new BadRequestException(
          `control characters are not accepted (${part}: ${storable(where, 100)})`,
        );
      }
    }
    return next.handle();
  }
}

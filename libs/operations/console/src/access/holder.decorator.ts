import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { TokenHolder } from '@lienthong/access';
import type { Request } from 'express';

export type AuthenticatedRequest = Request & { holder: TokenHolder };

/** The token holder the BearerGuard authenticated. */
export const Holder = createParamDecorator(
  (_: unknown, context: ExecutionContext): TokenHolder =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().holder,
);

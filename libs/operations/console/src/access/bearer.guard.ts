import { roleAllows, TokenStore, type Role, bearerToken } from '@lienthong/access';
import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from './holder.decorator';
import { REQUIRED_ROLE } from './roles.decorator';

/**
 * Every API route needs a valid bearer token (401 without one or with an expired one) whose role
 * allows the route (403 otherwise). The holder is known to the request either way, so that the
 * RefusalAuditFilter audits a refused attempt to change something under their name.
 */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    const holder = token ? await this.tokens.authenticate(token) : undefined;
    if (!holder) throw new UnauthorizedException('a valid bearer token is required');
    const needed =
      this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'viewer';
    request.holder = holder;
    if (!roleAllows(holder.role, needed)) {
      throw new ForbiddenException(`the ${holder.role} role may not do this; it needs ${needed}`);
    }
    return true;
  }
}

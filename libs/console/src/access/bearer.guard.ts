import { roleAllows, TokenStore, type Role } from '@lienthong/access';
import { AuditLog } from '@lienthong/audit';
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
 * Every API route needs a valid bearer token (401 without one) whose role allows the route (403
 * otherwise). A refused attempt to change something is audited too.
 */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenStore,
    private readonly audit: AuditLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const holder = match ? await this.tokens.authenticate(match[1]) : undefined;
    if (!holder) throw new UnauthorizedException('a valid bearer token is required');
    const needed =
      this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'viewer';
    if (!roleAllows(holder.role, needed)) {
      if (request.method !== 'GET') {
        await this.audit.append({
          actor: holder.name,
          role: holder.role,
          action: `${request.method} ${request.route?.path ?? request.path}`,
          target: request.path,
          parameters: { ...request.params, ...(typeof request.body === 'object' ? request.body : {}) },
          result: 'refused',
          detail: { needed },
        });
      }
      throw new ForbiddenException(`the ${holder.role} role may not do this; it needs ${needed}`);
    }
    request.holder = holder;
    return true;
  }
}

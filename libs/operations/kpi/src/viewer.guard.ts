import { roleAllows, type TokenStore, bearerToken } from '@lienthong/access';
import {
  Inject,
  Injectable,
  UnauthorizedException,
  ForbiddenException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';

/** The console's token store (`@lienthong/access`), as the KPI module is given it. */
export const KPI_TOKENS = Symbol('KPI_TOKENS');

/**
 * Dossier codes are shown only to a holder of a console token with at least the viewer role: 401
 * without a valid bearer token, 403 for a role that is not allowed. The public view needs none.
 */
@Injectable()
export class ViewerGuard implements CanActivate {
  constructor(@Inject(KPI_TOKENS) private readonly tokens: Pick<TokenStore, 'authenticate'>) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(request.headers.authorization);
    const holder = token ? await this.tokens.authenticate(token) : undefined;
    if (!holder) throw new UnauthorizedException('a valid bearer token (role viewer or above) is required');
    if (!roleAllows(holder.role, 'viewer'))
      throw new ForbiddenException(`the ${holder.role} role may not see dossiers`);
    return true;
  }
}

import { scopeAllows } from '@lienthong/access';
import { AuditLog } from '@lienthong/audit';
import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../access/holder.decorator';
import { markAudited } from '../access/operator-action';
import { DOSSIER_CODE } from './reveal.dto';

export const PERSONAL_DATA_READ = 'personal-data.read';

/**
 * Personal data in clear needs an operator-or-above token with `pii:read` (after the BearerGuard). A
 * refusal is audited once, here, with who and which dossier, never the request's body.
 */
@Injectable()
export class PersonalDataGuard implements CanActivate {
  constructor(private readonly audit: AuditLog) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { holder, params } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (scopeAllows(holder, 'pii:read')) return true;
    const code = String(params.code ?? '');
    await this.audit.append({
      actor: holder.name,
      actorTokenId: holder.id,
      role: holder.role,
      action: PERSONAL_DATA_READ,
      target: `dossier/${DOSSIER_CODE.test(code) ? code : '(not a dossier code)'}`,
      parameters: {},
      result: 'refused',
      detail: { needed: 'operator or admin with pii:read' },
    });
    throw markAudited(
      new ForbiddenException('reading personal data in clear needs an operator or admin token with pii:read'),
    );
  }
}

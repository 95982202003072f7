import type { TokenHolder } from '@lienthong/access';
import { AuditLog } from '@lienthong/audit';
import { Injectable } from '@nestjs/common';

/**
 * Runs a state-changing action and writes it to the audit log with its outcome: `ok` with what it
 * did, or `failed` with the error (which is then thrown on).
 */
@Injectable()
export class OperatorAction {
  constructor(private readonly audit: AuditLog) {}

  async run<T>(
    holder: TokenHolder,
    action: { action: string; target: string; parameters: object },
    work: () => Promise<T>,
    describe: (result: T) => Record<string, unknown> = () => ({}),
  ): Promise<T> {
    const entry = {
      actor: holder.name,
      role: holder.role,
      action: action.action,
      target: action.target,
      parameters: { ...action.parameters },
    };
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await this.audit.append({
        ...entry,
        result: 'failed',
        detail: { error: (error as Error).message, status: (error as { status?: number }).status ?? null },
      });
      throw error;
    }
    await this.audit.append({ ...entry, result: 'ok', detail: describe(result) });
    return result;
  }
}

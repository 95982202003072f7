import type { TokenHolder } from '@lienthong/access';
import { AuditLog, type AuditEntry } from '@lienthong/audit';
import { createLogger } from '@lienthong/observability';
import { Injectable, InternalServerErrorException, ServiceUnavailableException } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { Database } from '@lienthong/database';
import { storable } from './input-rules';

const logger = createLogger('console');

export interface ActionRequest {
  action: string;
  target: string;
  parameters: object;
}

type Describe<T> = (result: T) => Record<string, unknown>;

/** Errors an action threw after its `failed` row was written: the refusal filter does not audit them again. */
const audited = new WeakSet<object>();

export function alreadyAudited(error: unknown): boolean {
  return typeof error === 'object' && error !== null && audited.has(error);
}

/** An error whose refusal has its own audit row already: thrown as is, never audited twice. */
export function markAudited<E extends object>(error: E): E {
  audited.add(error);
  return error;
}

/**
 * Runs a state-changing action audit-first: a `pending` row is written before anything happens (if it
 * cannot be, the action never runs and the request fails with 503), then a completion row naming it
 * (`detail.pendingId`): `ok` with what the action did, or `failed` with the error, which is thrown on.
 */
@Injectable()
export class OperatorAction {
  constructor(
    private readonly audit: AuditLog,
    private readonly database: Database,
  ) {}

  /** For actions outside PostgreSQL (publishing to Kafka): pending row, action, completion row. */
  async run<T>(
    holder: TokenHolder,
    request: ActionRequest,
    work: () => Promise<T>,
    describe: Describe<T> = () => ({}),
  ): Promise<T> {
    const pending = await this.pending(holder, request);
    let result: T;
    try {
      result = await work();
    } catch (error) {
      throw await this.failed(pending, error);
    }
    try {
      await this.audit.append({
        ...pending.entry,
        result: 'ok',
        detail: { pendingId: pending.id, ...describe(result) },
      });
    } catch (error) {
      // Done, and its pending row says who asked for it; a retry would do it again, so no 503.
      logger.error({ err: error, pendingId: pending.id }, 'audit log write failed after the action');
      const refusal = new InternalServerErrorException(
        `done, but its completion could not be written to the audit log (pending row ${pending.id})`,
      );
      throw markAudited(refusal);
    }
    return result;
  }

  /**
   * For actions that are PostgreSQL writes (pause, tokens): the write and its `ok` row commit in one
   * transaction, so neither exists without the other.
   */
  async runInTransaction<T>(
    holder: TokenHolder,
    request: ActionRequest,
    work: (client: PoolClient) => Promise<T>,
    describe: Describe<T> = () => ({}),
  ): Promise<T> {
    const pending = await this.pending(holder, request);
    try {
      return await this.database.transaction(async (client) => {
        const result = await work(client);
        await this.audit.appendWithin(client, {
          ...pending.entry,
          result: 'ok',
          detail: { pendingId: pending.id, ...describe(result) },
        });
        return result;
      });
    } catch (error) {
      throw await this.failed(pending, error);
    }
  }

  private async pending(holder: TokenHolder, request: ActionRequest) {
    const entry = {
      actor: holder.name,
      actorTokenId: holder.id,
      role: holder.role,
      action: request.action,
      target: request.target,
      parameters: { ...request.parameters },
    } satisfies Partial<AuditEntry>;
    try {
      const row = await this.audit.append({ ...entry, result: 'pending', detail: {} });
      return { id: row.id, entry };
    } catch (error) {
      logger.error({ err: error, action: request.action, target: request.target }, 'audit log write failed');
      throw markAudited(
        new ServiceUnavailableException('the audit log cannot be written, so nothing was done'),
      );
    }
  }

  /** Records the failure (best effort: the pending row already says the action was asked for). */
  private async failed(
    pending: { id: number; entry: Omit<AuditEntry, 'result' | 'detail'> },
    error: unknown,
  ) {
    await this.audit
      .append({
        ...pending.entry,
        result: 'failed',
        detail: {
          pendingId: pending.id,
          error: storable(String((error as Error).message), 500),
          status: (error as { status?: number }).status ?? null,
        },
      })
      .catch((auditError: unknown) =>
        logger.error({ err: auditError, pendingId: pending.id }, 'audit log write failed'),
      );
    return typeof error === 'object' && error !== null ? markAudited(error) : error;
  }
}

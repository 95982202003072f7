import { randomUUID } from 'node:crypto';
import { SchemaValidator, type PortalDossier, type PortalProgress } from '@lienthong/schemas';
import {
  ErrorCodes,
  IsUpdating,
  MAX_DOSSIERS,
  MAX_PROGRESS_RECORDS,
  PortalMessage,
  PortalServiceName,
  type Failure,
  type PortalSandboxAnswer,
} from './portal-sandbox.contract';
import type { PortalSandboxConfig } from './portal-sandbox.config';
import type { PortalSandboxStore } from './portal-sandbox.store';

// The record shapes are shared JSON Schemas (schemas/national-portal), not the connector's code.
const dossierSchema = new SchemaValidator<PortalDossier>('national-portal/portal-dossier.json');
const progressSchema = new SchemaValidator<PortalProgress>('national-portal/portal-progress.json');

type ServiceRequest = { session?: unknown; madonvi?: unknown; service?: unknown; [field: string]: unknown };

/** The portal's behaviour: session login, dossier sync, progress records and look-up, validated as the portal does. */
export class PortalSandboxService {
  private readonly sessions = new Map<string, number>();
  private readonly codes: (typeof ErrorCodes)[keyof typeof ErrorCodes];
  private loginCount = 0;

  constructor(
    private readonly config: PortalSandboxConfig,
    private readonly store: PortalSandboxStore,
  ) {
    this.codes = ErrorCodes[config.PORTAL_SANDBOX_ERROR_CODES];
  }

  /** Sessions handed out since the sandbox started. */
  get logins(): number {
    return this.loginCount;
  }

  login(body: { username?: unknown; password?: unknown }): PortalSandboxAnswer {
    if (
      body.username !== this.config.PORTAL_SANDBOX_USERNAME ||
      body.password !== this.config.PORTAL_SANDBOX_PASSWORD
    ) {
      return this.fail('credentials', PortalMessage.WrongCredentials);
    }
    const session = randomUUID();
    this.sessions.set(session, Date.now() + this.config.PORTAL_SANDBOX_SESSION_TTL_S * 1000);
    this.loginCount += 1;
    return this.ok({ session });
  }

  /** Forgets every session, as a portal restart does. */
  expireSessions(): void {
    this.sessions.clear();
  }

  service(body: ServiceRequest, dstcode: string | undefined): PortalSandboxAnswer {
    const expiresAt = typeof body.session === 'string' ? this.sessions.get(body.session) : undefined;
    if (expiresAt === undefined || expiresAt < Date.now()) {
      return this.fail('session', PortalMessage.SessionInvalid);
    }
    if (typeof body.madonvi !== 'string' || body.madonvi.trim() === '') {
      return this.fail('invalid', 'Thiếu mã đơn vị (madonvi)');
    }
    switch (body.service) {
      case PortalServiceName.SyncDossier:
        return this.requireDstcode(dstcode) ?? this.syncDossiers(body);
      case PortalServiceName.UpdateProgress:
        return this.requireDstcode(dstcode) ?? this.updateProgress(body);
      case PortalServiceName.LookupDossier:
        return this.lookup(body);
      default:
        return this.fail('invalid', `Dịch vụ không được hỗ trợ: ${String(body.service)}`);
    }
  }

  private ok(fields: Partial<PortalSandboxAnswer> = {}): PortalSandboxAnswer {
    return { error_code: this.codes.ok, message: PortalMessage.Ok, ...fields };
  }

  private fail(failure: Failure, message: string): PortalSandboxAnswer {
    return { error_code: this.codes[failure], message };
  }

  private requireDstcode(dstcode: string | undefined): PortalSandboxAnswer | undefined {
    return dstcode ? undefined : this.fail('invalid', 'Thiếu header dstcode');
  }

  private syncDossiers(body: ServiceRequest): PortalSandboxAnswer {
    if (body.isUpdating !== IsUpdating.Yes && body.isUpdating !== IsUpdating.No) {
      return this.fail('invalid', `isUpdating phải là "${IsUpdating.Yes}" hoặc "${IsUpdating.No}"`);
    }
    const invalid = this.invalidItems(body.data, dossierSchema, MAX_DOSSIERS);
    if (invalid) return invalid;
    const records = body.data as PortalDossier[];
    const updating = body.isUpdating === IsUpdating.Yes;
    for (const record of records) {
      const held = this.store.get(record.MaHoSo);
      if (!updating && held) return this.fail('already-exists', PortalMessage.alreadyExists(record.MaHoSo));
      if (updating && !held) return this.fail('does-not-exist', PortalMessage.doesNotExist(record.MaHoSo));
    }
    for (const record of records) {
      if (updating) this.store.update(record);
      else this.store.create(record);
    }
    return this.ok({ result: records.map((record) => record.MaHoSo) });
  }

  private updateProgress(body: ServiceRequest): PortalSandboxAnswer {
    const invalid = this.invalidItems(body.data, progressSchema, MAX_PROGRESS_RECORDS);
    if (invalid) return invalid;
    const records = body.data as PortalProgress[];
    const unknown = records.find((record) => !this.store.get(record.MaHoSo));
    if (unknown) return this.fail('does-not-exist', PortalMessage.doesNotExist(unknown.MaHoSo));
    this.store.addProgress(records);
    return this.ok();
  }

  private lookup(body: ServiceRequest): PortalSandboxAnswer {
    if (typeof body.mahoso !== 'string' || body.mahoso.trim() === '') {
      return this.fail('invalid', 'Thiếu mã hồ sơ (mahoso)');
    }
    const held = this.store.get(body.mahoso.trim());
    return this.ok({ result: held ? [held.record] : [] });
  }

  private invalidItems<T>(
    data: unknown,
    schema: SchemaValidator<T>,
    limit: number,
  ): PortalSandboxAnswer | undefined {
    if (!Array.isArray(data) || data.length === 0)
      return this.fail('invalid', 'data phải là mảng không rỗng');
    if (data.length > limit) return this.fail('invalid', `Tối đa ${limit} bản ghi mỗi lần gửi`);
    for (const [index, item] of data.entries()) {
      const violation = schema.violation(item);
      if (violation) {
        return this.fail(
          'invalid',
          `Dữ liệu không hợp lệ tại data[${index}]${violation.path}: ${violation.message}`,
        );
      }
    }
    return undefined;
  }
}

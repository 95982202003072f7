import { randomUUID } from 'node:crypto';
import {
  ALREADY_EXISTS,
  PortalErrorCode,
  PortalService,
  PROGRESS_CHUNK_SIZE,
  type PortalAnswer,
} from '@lienthong/national-portal';
import { SchemaValidator, type PortalDossier, type PortalProgress } from '@lienthong/schemas';
import type { PortalSandboxConfig } from './portal-sandbox.config';
import type { PortalSandboxStore } from './portal-sandbox.store';

const dossierSchema = new SchemaValidator<PortalDossier>('national-portal/portal-dossier.json');
const progressSchema = new SchemaValidator<PortalProgress>('national-portal/portal-progress.json');

type ServiceRequest = { session?: unknown; madonvi?: unknown; service?: unknown; [field: string]: unknown };

const fail = (error_code: number, message: string): PortalAnswer => ({ error_code, message });

/** The portal's behaviour: session login, dossier sync, progress records and look-up, validated as the portal does. */
export class PortalSandboxService {
  private readonly sessions = new Map<string, number>();

  constructor(
    private readonly config: PortalSandboxConfig,
    private readonly store: PortalSandboxStore,
  ) {}

  login(body: { username?: unknown; password?: unknown }): PortalAnswer {
    if (
      body.username !== this.config.PORTAL_SANDBOX_USERNAME ||
      body.password !== this.config.PORTAL_SANDBOX_PASSWORD
    ) {
      return fail(PortalErrorCode.Invalid, 'Sai tên đăng nhập hoặc mật khẩu');
    }
    const session = randomUUID();
    this.sessions.set(session, Date.now() + this.config.PORTAL_SANDBOX_SESSION_TTL_S * 1000);
    return { error_code: PortalErrorCode.Ok, message: 'Thành công', session };
  }

  /** Forgets every session, as a portal restart does. */
  expireSessions(): void {
    this.sessions.clear();
  }

  service(body: ServiceRequest, dstcode: string | undefined): PortalAnswer {
    const expiresAt = typeof body.session === 'string' ? this.sessions.get(body.session) : undefined;
    if (expiresAt === undefined || expiresAt < Date.now()) {
      return fail(PortalErrorCode.SessionExpired, 'Phiên làm việc không hợp lệ hoặc đã hết hạn');
    }
    if (typeof body.madonvi !== 'string' || body.madonvi.trim() === '') {
      return fail(PortalErrorCode.Invalid, 'Thiếu mã đơn vị (madonvi)');
    }
    switch (body.service) {
      case PortalService.SyncDossier:
        return this.requireDstcode(dstcode) ?? this.syncDossiers(body);
      case PortalService.UpdateProgress:
        return this.requireDstcode(dstcode) ?? this.updateProgress(body);
      case PortalService.LookupDossier:
        return this.lookup(body);
      default:
        return fail(PortalErrorCode.Invalid, `Dịch vụ không được hỗ trợ: ${String(body.service)}`);
    }
  }

  private requireDstcode(dstcode: string | undefined): PortalAnswer | undefined {
    return dstcode ? undefined : fail(PortalErrorCode.Invalid, 'Thiếu header dstcode');
  }

  private syncDossiers(body: ServiceRequest): PortalAnswer {
    if (body.isUpdating !== 'True' && body.isUpdating !== 'False') {
      return fail(PortalErrorCode.Invalid, 'isUpdating phải là "True" hoặc "False"');
    }
    const invalid = this.invalidItems(body.data, dossierSchema, 100);
    if (invalid) return invalid;
    const records = body.data as PortalDossier[];
    const updating = body.isUpdating === 'True';
    for (const record of records) {
      const held = this.store.get(record.MaHoSo);
      if (!updating && held)
        return fail(PortalErrorCode.Invalid, `Hồ sơ ${record.MaHoSo} ${ALREADY_EXISTS} trên hệ thống`);
      if (updating && !held)
        return fail(PortalErrorCode.NotFound, `Hồ sơ ${record.MaHoSo} không tồn tại trên hệ thống`);
    }
    for (const record of records) {
      if (updating) this.store.update(record);
      else this.store.create(record);
    }
    return {
      error_code: PortalErrorCode.Ok,
      message: 'Thành công',
      result: records.map((record) => record.MaHoSo),
    };
  }

  private updateProgress(body: ServiceRequest): PortalAnswer {
    const invalid = this.invalidItems(body.data, progressSchema, PROGRESS_CHUNK_SIZE);
    if (invalid) return invalid;
    const records = body.data as PortalProgress[];
    const unknown = records.find((record) => !this.store.get(record.MaHoSo));
    if (unknown) return fail(PortalErrorCode.NotFound, `Hồ sơ ${unknown.MaHoSo} không tồn tại trên hệ thống`);
    this.store.addProgress(records);
    return { error_code: PortalErrorCode.Ok, message: 'Thành công' };
  }

  private lookup(body: ServiceRequest): PortalAnswer {
    if (typeof body.mahoso !== 'string' || body.mahoso.trim() === '') {
      return fail(PortalErrorCode.Invalid, 'Thiếu mã hồ sơ (mahoso)');
    }
    const held = this.store.get(body.mahoso.trim());
    return { error_code: PortalErrorCode.Ok, message: 'Thành công', result: held ? [held.record] : [] };
  }

  private invalidItems<T>(
    data: unknown,
    schema: SchemaValidator<T>,
    limit: number,
  ): PortalAnswer | undefined {
    if (!Array.isArray(data) || data.length === 0)
      return fail(PortalErrorCode.Invalid, 'data phải là mảng không rỗng');
    if (data.length > limit) return fail(PortalErrorCode.Invalid, `Tối đa ${limit} bản ghi mỗi lần gửi`);
    for (const [index, item] of data.entries()) {
      const violation = schema.violation(item);
      if (violation) {
        return fail(
          PortalErrorCode.Invalid,
          `Dữ liệu không hợp lệ tại data[${index}]${violation.path}: ${violation.message}`,
        );
      }
    }
    return undefined;
  }
}

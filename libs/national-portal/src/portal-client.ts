import { isTransientStatus, PermanentError, reach, RetriableError } from '@lienthong/connector-runtime';
import axios, { type AxiosInstance } from 'axios';
import type { PortalDossier, PortalProgress } from '@lienthong/schemas';
import {
  ALREADY_EXISTS,
  PortalErrorCode,
  PortalService,
  PROGRESS_CHUNK_SIZE,
  type PortalAnswer,
  type PortalServiceName,
} from './portal.contract';
import type { PortalConfig } from './portal.config';

/** The portal answered a create with "đã tồn tại": the dossier must be sent as an update. */
export class AlreadyExistsError extends PermanentError {
  constructor(message: string) {
    super('PORTAL_ALREADY_EXISTS', message);
  }
}

/** The portal does not hold the dossier an update named. */
export class NotFoundAtPortalError extends PermanentError {
  constructor(message: string) {
    super('PORTAL_NOT_FOUND', message);
  }
}

/**
 * Calls the portal's session API. The session is obtained on first use and renewed transparently when
 * the portal says it expired. Failures come out classified: RetriableError or PermanentError.
 */
export class PortalClient {
  private readonly http: AxiosInstance;
  private session?: Promise<string>;

  constructor(private readonly config: PortalConfig) {
    this.http = axios.create({
      baseURL: config.PORTAL_URL,
      timeout: config.PORTAL_TIMEOUT_MS,
      headers: { 'Content-Type': 'application/json', dstcode: config.PORTAL_DSTCODE },
      validateStatus: () => true,
    });
  }

  async syncDossiers(dossiers: PortalDossier[], isUpdating: boolean): Promise<PortalAnswer> {
    return this.call(PortalService.SyncDossier, {
      isUpdating: isUpdating ? 'True' : 'False',
      data: dossiers,
    });
  }

  /** Sends progress records in chunks of at most PROGRESS_CHUNK_SIZE, as the portal requires. */
  async updateProgress(records: PortalProgress[]): Promise<PortalAnswer[]> {
    const answers: PortalAnswer[] = [];
    for (let start = 0; start < records.length; start += PROGRESS_CHUNK_SIZE) {
      const data = records.slice(start, start + PROGRESS_CHUNK_SIZE);
      answers.push(await this.call(PortalService.UpdateProgress, { data }));
    }
    return answers;
  }

  async lookup(dossierCode: string): Promise<PortalDossier | undefined> {
    const answer = await this.call<PortalDossier[]>(PortalService.LookupDossier, { mahoso: dossierCode });
    return answer.result?.[0];
  }

  private async call<Result>(
    service: PortalServiceName,
    body: object,
    renewed = false,
  ): Promise<PortalAnswer<Result>> {
    const session = await this.currentSession();
    const answer = await this.post<Result>('/service', {
      session,
      madonvi: this.config.PORTAL_UNIT_CODE,
      service,
      ...body,
    });
    if (answer.error_code === PortalErrorCode.Ok) return answer;
    if (answer.error_code === PortalErrorCode.SessionExpired) {
      this.session = undefined;
      if (!renewed) return this.call(service, body, true);
      throw new RetriableError('PORTAL_SESSION', `portal refused a fresh session: ${answer.message}`);
    }
    const message = `${service}: ${answer.message ?? `error_code ${answer.error_code}`}`;
    if (answer.message?.toLowerCase().includes(ALREADY_EXISTS)) throw new AlreadyExistsError(message);
    if (answer.error_code === PortalErrorCode.NotFound) throw new NotFoundAtPortalError(message);
    throw new PermanentError('PORTAL_REJECTED', message);
  }

  private currentSession(): Promise<string> {
    this.session ??= this.login().catch((error: unknown) => {
      this.session = undefined;
      throw error;
    });
    return this.session;
  }

  private async login(): Promise<string> {
    const answer = await this.post('/login', {
      username: this.config.PORTAL_USERNAME,
      password: this.config.PORTAL_PASSWORD,
    });
    if (answer.error_code !== PortalErrorCode.Ok || !answer.session) {
      throw new PermanentError(
        'PORTAL_LOGIN',
        `portal login refused: ${answer.message ?? answer.error_code}`,
      );
    }
    return answer.session;
  }

  private async post<Result>(path: string, body: object): Promise<PortalAnswer<Result>> {
    const response = await reach('portal', path, () => this.http.post<PortalAnswer<Result>>(path, body));
    const failure = `portal answered HTTP ${response.status} on ${path}`;
    if (isTransientStatus(response.status)) throw new RetriableError(`HTTP_${response.status}`, failure);
    if (response.status >= 400 || typeof response.data?.error_code !== 'number') {
      throw new PermanentError(`HTTP_${response.status}`, failure);
    }
    return response.data;
  }
}

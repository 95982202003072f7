import {
  gatewayOf,
  isTransientStatus,
  PermanentError,
  reach,
  RetriableError,
  TargetAccessError,
  targetHttp,
} from '@lienthong/connector-runtime';
import type { AxiosInstance } from 'axios';
import type { PortalDossier, PortalProgress } from '@lienthong/schemas';
import {
  ALREADY_EXISTS,
  DOES_NOT_EXIST,
  IsUpdating,
  PortalErrorCode,
  PortalPath,
  PortalService,
  PROGRESS_CHUNK_SIZE,
  SESSION,
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

type Verdict = 'ok' | 'already-exists' | 'does-not-exist' | 'session' | 'refused';

/** Portals write Vietnamese in either Unicode normalization and in any case. */
const fold = (text: unknown): string => (typeof text === 'string' ? text.normalize('NFC').toLowerCase() : '');

const mentions = (message: unknown, marker: string): boolean => fold(message).includes(fold(marker));

const succeeded = (answer: PortalAnswer): boolean =>
  PortalErrorCode.Ok.includes(String(answer.error_code).trim());

/**
 * What an answer means: "đã tồn tại" by its message whatever the code (some portals answer it with a
 * success code and apply nothing), then success by its code, a failure by its message (codes differ
 * between portals).
 */
function verdictOf(answer: PortalAnswer): Verdict {
  const { error_code: code, message } = answer;
  if (mentions(message, ALREADY_EXISTS)) return 'already-exists';
  if (succeeded(answer)) return 'ok';
  if (mentions(message, SESSION) || code === PortalErrorCode.LegacySessionExpired) return 'session';
  if (mentions(message, DOES_NOT_EXIST) || code === PortalErrorCode.LegacyNotFound) return 'does-not-exist';
  return 'refused';
}

/** The answer, or undefined when the body is not a JSON object with an error_code (a gateway's page, a cut-off body). */
function parseAnswer<Result>(body: string): PortalAnswer<Result> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const code = (parsed as Partial<PortalAnswer>).error_code;
  return typeof code === 'string' || typeof code === 'number' ? (parsed as PortalAnswer<Result>) : undefined;
}

/**
 * Calls the portal's session API. The session is obtained on first use and renewed transparently when
 * the portal says it expired. Failures come out classified: RetriableError or PermanentError.
 */
export class PortalClient {
  private readonly http: AxiosInstance;
  private session?: Promise<string>;

  constructor(private readonly config: PortalConfig) {
    this.http = targetHttp(
      config,
      {
        baseURL: config.PORTAL_URL,
        timeout: config.PORTAL_TIMEOUT_MS,
        headers: { 'Content-Type': 'application/json', dstcode: config.PORTAL_DSTCODE },
        responseType: 'text',
        // A 200 may carry a gateway's HTML page: the body is read here, not by axios's lenient parsing.
        transformResponse: (data: unknown) => data,
        validateStatus: () => true,
      },
      gatewayOf('PORTAL', config),
    );
  }

  async syncDossiers(dossiers: PortalDossier[], isUpdating: boolean): Promise<PortalAnswer> {
    return this.call(PortalService.SyncDossier, {
      isUpdating: isUpdating ? IsUpdating.Update : IsUpdating.Create,
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

  /** The dossier the portal holds; some portals answer an unknown one with an empty result, others with "không tồn tại". */
  async lookup(dossierCode: string): Promise<PortalDossier | undefined> {
    try {
      const answer = await this.call<PortalDossier[]>(PortalService.LookupDossier, { mahoso: dossierCode });
      return answer.result?.[0];
    } catch (error) {
      if (error instanceof NotFoundAtPortalError) return undefined;
      throw error;
    }
  }

  private async call<Result>(
    service: PortalServiceName,
    body: object,
    renewed = false,
  ): Promise<PortalAnswer<Result>> {
    const session = this.currentSession();
    const answer = await this.post<Result>(PortalPath.Service, {
      session: await session,
      madonvi: this.config.PORTAL_UNIT_CODE,
      service,
      ...body,
    });
    const refusal = `${service}: error_code ${answer.error_code}: ${answer.message ?? '(no message)'}`;
    switch (verdictOf(answer)) {
      case 'ok':
        return answer;
      case 'session':
        this.forget(session);
        if (!renewed) return this.call(service, body, true);
        throw new RetriableError('PORTAL_SESSION', `portal refused a fresh session: ${refusal}`);
      case 'already-exists':
        throw new AlreadyExistsError(refusal);
      case 'does-not-exist':
        throw new NotFoundAtPortalError(refusal);
      case 'refused':
        throw new PermanentError('PORTAL_REJECTED', refusal);
    }
  }

  private currentSession(): Promise<string> {
    this.session ??= this.login().catch((error: unknown) => {
      this.session = undefined;
      throw error;
    });
    return this.session;
  }

  /** Drops a session the portal refused, unless a concurrent call already replaced it with a fresh one. */
  private forget(session: Promise<string>): void {
    if (this.session === session) this.session = undefined;
  }

  private async login(): Promise<string> {
    const answer = await this.post(PortalPath.Login, {
      username: this.config.PORTAL_USERNAME,
      password: this.config.PORTAL_PASSWORD,
    });
    if (succeeded(answer) && typeof answer.session === 'string' && answer.session !== '') {
      return answer.session;
    }
    // Every dossier would be refused the same way: the access needs fixing, not the dossier.
    throw new TargetAccessError(
      'PORTAL_LOGIN',
      `portal login refused: error_code ${answer.error_code}: ${answer.message ?? '(no message)'}`,
    );
  }

  private async post<Result>(path: string, body: object): Promise<PortalAnswer<Result>> {
    const response = await reach('portal', path, () => this.http.post<string>(path, body));
    const failure = `portal answered HTTP ${response.status} on ${path}`;
    if (isTransientStatus(response.status)) throw new RetriableError(`HTTP_${response.status}`, failure);
    if (response.status >= 400) throw new PermanentError(`HTTP_${response.status}`, failure);
    const answer = parseAnswer<Result>(response.data);
    if (!answer) {
      throw new RetriableError(
        'PORTAL_NOT_JSON',
        `${failure} with no JSON answer (${String(response.headers['content-type'] ?? 'no content type')}), as a gateway's error page does`,
      );
    }
    return answer;
  }
}

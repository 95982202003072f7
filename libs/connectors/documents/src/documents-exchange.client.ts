import {
  gatewayOf,
  isTransientStatus,
  PermanentError,
  reach,
  RetriableError,
  targetHttp,
  type GatewayConfig,
} from '@lienthong/connector-runtime';
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { AckStatus, EdxmlStatus } from './edxml.contract';
import { parseEdxmlStatus } from './edxml-parser';
import { EdxmlRejection } from './edxml-rejection';
import { ExchangePath, type InboxEntry, type InboxKind } from './exchange.contract';
import type { DocumentsConfig } from './documents.config';

/** The exchange refused a package (status 02); resending the same package will not change that. */
export class PackageRefusedError extends PermanentError {
  constructor(reason: string) {
    super('DOCUMENTS_REFUSED', reason);
  }
}

/**
 * Calls the document exchange. Failures come out classified: 429, 5xx, timeouts and network errors as
 * RetriableError; a refused package or any other answer the sender cannot fix by waiting as PermanentError.
 */
export class DocumentsExchangeClient {
  private readonly http: AxiosInstance;

  constructor(
    config: Pick<DocumentsConfig, 'DOCUMENTS_URL' | 'DOCUMENTS_TIMEOUT_MS' | 'HTTP_MAX_ANSWER_BYTES'> &
      Partial<GatewayConfig<'DOCUMENTS'>>,
  ) {
    this.http = targetHttp(
      config,
      {
        baseURL: config.DOCUMENTS_URL,
        timeout: config.DOCUMENTS_TIMEOUT_MS,
        validateStatus: () => true,
        // Packages and status packages are XML text; axios must not try to read them as JSON.
        transitional: { forcedJSONParsing: false },
      },
      gatewayOf('DOCUMENTS', config),
    );
  }

  /** Sends a document package; returns the exchange's arrival status (01). */
  async send(xml: string): Promise<EdxmlStatus> {
    const response = await this.call('send', () =>
      this.http.post<string>(ExchangePath.Send, xml, {
        headers: { 'Content-Type': 'application/xml' },
        responseType: 'text',
      }),
    );
    const answer = readStatus(response.data);
    if (response.status === 400) {
      throw new PackageRefusedError(answer?.description ?? `refused: ${String(response.data).slice(0, 500)}`);
    }
    this.requireSuccess(response, 'send');
    if (!answer)
      throw new PermanentError('DOCUMENTS_BAD_ANSWER', 'the exchange answered without a status package');
    return answer;
  }

  async inbox(organId: string, kind: InboxKind): Promise<InboxEntry[]> {
    const response = await this.call('inbox', () =>
      this.http.get<InboxEntry[]>(ExchangePath.Inbox, { params: { organId, kind }, responseType: 'json' }),
    );
    this.requireSuccess(response, 'inbox');
    return response.data;
  }

  async fetch(id: string): Promise<string> {
    const response = await this.call('fetch', () =>
      this.http.get<string>(ExchangePath.Package(id), { responseType: 'text' }),
    );
    this.requireSuccess(response, 'fetch');
    return response.data;
  }

  async acknowledge(id: string, status: AckStatus): Promise<void> {
    const response = await this.call('acknowledge', () =>
      this.http.post(ExchangePath.Acknowledge(id), { status }),
    );
    this.requireSuccess(response, 'acknowledge');
  }

  private async call<T>(
    operation: string,
    request: () => Promise<AxiosResponse<T>>,
  ): Promise<AxiosResponse<T>> {
    const response = await reach('document exchange', operation, request);
    if (isTransientStatus(response.status)) {
      throw new RetriableError(
        `HTTP_${response.status}`,
        `document exchange answered HTTP ${response.status} (${operation})`,
      );
    }
    return response;
  }

  private requireSuccess(response: AxiosResponse, operation: string): void {
    if (response.status >= 400) {
      throw new PermanentError(
        `HTTP_${response.status}`,
        `document exchange answered HTTP ${response.status} (${operation})`,
      );
    }
  }
}

function readStatus(body: unknown): EdxmlStatus | undefined {
  try {
    return typeof body === 'string' ? parseEdxmlStatus(body) : undefined;
  } catch (error) {
    if (error instanceof EdxmlRejection) return undefined;
    throw error;
  }
}

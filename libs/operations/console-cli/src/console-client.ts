import { LienthongError } from '@lienthong/errors';
import axios, { isAxiosError, type AxiosInstance } from 'axios';

/** The console API refused or failed a request; the message is the API's own. */
export class ConsoleApiError extends LienthongError {
  constructor(
    readonly status: number | undefined,
    message: string,
  ) {
    // No answer, or a server error, may pass; a refusal (4xx) will not.
    super('CONSOLE_API_FAILED', message, { retriable: status === undefined || status >= 500 });
  }
}

/** A thin client of the console API (/api/v1) with a bearer token. */
export class ConsoleClient {
  private readonly http: AxiosInstance;

  constructor(baseUrl: string, token: string | undefined) {
    this.http = axios.create({
      baseURL: `${baseUrl.replace(/\/$/, '')}/api/v1`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      timeout: 60_000,
    });
  }

  get<T>(path: string, params?: object): Promise<T> {
    return this.call(() => this.http.get<T>(path, { params }));
  }

  post<T>(path: string, body: object = {}): Promise<T> {
    return this.call(() => this.http.post<T>(path, body));
  }

  delete<T>(path: string): Promise<T> {
    return this.call(() => this.http.delete<T>(path));
  }

  private async call<T>(request: () => Promise<{ data: T }>): Promise<T> {
    try {
      return (await request()).data;
    } catch (error) {
      if (!isAxiosError(error)) throw error;
      const body = error.response?.data as { message?: string | string[] } | undefined;
      const message = Array.isArray(body?.message)
        ? body.message.join('; ')
        : (body?.message ?? error.message);
      throw new ConsoleApiError(
        error.response?.status,
        `${error.response?.status ?? 'no answer'}: ${message}`,
      );
    }
  }
}

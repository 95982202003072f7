import { LienthongError } from '@lienthong/errors';

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

type Query = Record<string, string | number | boolean | undefined>;

/**
 * A thin client of the console API (/api/v1) with a bearer token, on Node's own fetch: the CLI starts
 * without loading an HTTP library.
 */
export class ConsoleClient {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 60_000,
  ) {
    this.baseUrl = `${baseUrl.replace(/\/$/, '')}/api/v1`;
  }

  get<T>(path: string, query: object = {}): Promise<T> {
    const defined = Object.entries(query as Query).filter(([, value]) => value !== undefined);
    const search = new URLSearchParams(
      defined.map(([name, value]): [string, string] => [name, String(value)]),
    );
    return this.call<T>('GET', defined.length > 0 ? `${path}?${search.toString()}` : path);
  }

  post<T>(path: string, body: object = {}): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.call<T>('DELETE', path);
  }

  private async call<T>(method: string, path: string, body?: object): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ConsoleApiError(undefined, `no answer from ${this.baseUrl}: ${reasonOf(error)}`);
    }
    const text = await response.text();
    const answer = parseJson(text);
    if (!response.ok) {
      const message = (answer as { message?: string | string[] } | undefined)?.message;
      const said = Array.isArray(message) ? message.join('; ') : (message ?? response.statusText);
      throw new ConsoleApiError(response.status, `${response.status}: ${said}`);
    }
    return answer as T;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, a timeout) is in its cause. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.message) return cause.message;
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  return (error as Error).message;
}

import { AxiosError, isAxiosError } from 'axios';
import { RetriableError, TargetAccessError } from './errors';
import { RedirectRefusal } from './target-http';

/** 429 and 5xx: the target is overloaded or failing, not refusing the content. */
export const isTransientStatus = (status: number): boolean => status === 429 || status >= 500;

function refusedRedirect(error: unknown): RedirectRefusal | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof RedirectRefusal) return cause;
  }
  return undefined;
}

const tooLarge = (error: AxiosError): boolean =>
  error.code === AxiosError.ERR_BAD_RESPONSE && /maxContentLength/.test(error.message);

/**
 * Makes one HTTP call to a target; a target that cannot be reached (refused or dropped connection,
 * timeout) is a RetriableError naming the target and the operation. A redirect off the target's host
 * is a TargetAccessError: every call would go the same way until an operator checks the target's URL.
 * An oversize answer is retriable: it says nothing against the dossier. Other errors pass through.
 */
export async function reach<T>(target: string, operation: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!isAxiosError(error)) throw error;
    const redirect = refusedRedirect(error);
    if (redirect) {
      throw new TargetAccessError('HTTP_REDIRECT_REFUSED', `${target} (${operation}): ${redirect.message}`, {
        cause: redirect,
      });
    }
    if (tooLarge(error)) {
      throw new RetriableError(
        'HTTP_ANSWER_TOO_LARGE',
        `${target} answered more than HTTP_MAX_ANSWER_BYTES (${operation}); the answer was cut off`,
        { cause: error },
      );
    }
    throw new RetriableError(
      error.code ?? 'NETWORK',
      `${target} unreachable (${operation}): ${error.message}`,
      { cause: error },
    );
  }
}

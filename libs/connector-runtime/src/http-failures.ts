import { isAxiosError } from 'axios';
import { RetriableError } from './errors';

/** 429 and 5xx: the target is overloaded or failing, not refusing the content. */
export const isTransientStatus = (status: number): boolean => status === 429 || status >= 500;

/**
 * Makes one HTTP call to a target; a target that cannot be reached (refused or dropped connection,
 * timeout) is a RetriableError naming the target and the operation. Other errors pass through.
 */
export async function reach<T>(target: string, operation: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!isAxiosError(error)) throw error;
    throw new RetriableError(
      error.code ?? 'NETWORK',
      `${target} unreachable (${operation}): ${error.message}`,
    );
  }
}

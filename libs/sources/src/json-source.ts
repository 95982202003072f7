import { RejectionError, RejectionReason } from './rejection';

/** Parses UTF-8 JSON bytes; anything else is an UNPARSEABLE rejection. */
export function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new RejectionError(RejectionReason.Unparseable, `not UTF-8 JSON: ${(error as Error).message}`);
  }
}

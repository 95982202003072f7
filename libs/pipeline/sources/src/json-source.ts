import { RejectionError, RejectionReason } from './rejection';
import { decodeUtf8 } from './utf8';

/** Parses UTF-8 JSON bytes; anything else is an UNPARSEABLE rejection. */
export function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(decodeUtf8(bytes));
  } catch (error) {
    throw new RejectionError(RejectionReason.Unparseable, `not UTF-8 JSON: ${(error as Error).message}`);
  }
}

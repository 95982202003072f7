// One decoder for every event: making one per event costs more than decoding a small event.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 text; throws a TypeError on bytes that are not UTF-8. */
export function decodeUtf8(bytes: Buffer): string {
  return strictUtf8.decode(bytes);
}

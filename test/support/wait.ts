import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Polls until the check passes or the time is up; returns the last value for the assertion. */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
  intervalMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await probe();
  }
  return value;
}

/**
 * Polls until `check` answers something other than undefined, and throws naming `what` when the time
 * is up: for a wait with nothing to assert but that it ended (eventually answers the last value instead).
 */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const found = await eventually(check, (value) => value !== undefined, timeoutMs, 100);
  if (found === undefined) throw new Error(`timed out waiting for ${what}`);
  return found;
}

/** A TCP port nothing listens on right now, for an app that must know its own address before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

import { sleep } from '@lienthong/bootstrap';
import type { IncomingRecord } from '@lienthong/kafka';
import { retryDueAt } from '../outcome/retry-parking';

/**
 * Retry topics are in due order: waits for the first event's time, then hands over every event due by
 * then together, as the route does (each dossier in order, different dossiers side by side). Stopping
 * while waiting fails the batch, which Kafka then hands back.
 */
export async function whenDue(
  records: IncomingRecord[],
  heartbeat: () => Promise<void>,
  stopping: AbortSignal,
  handle: (due: IncomingRecord[]) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < records.length;) {
    const dueAt = retryDueAt(records[start]);
    while (Date.now() < dueAt) {
      if (stopping.aborted) throw new Error('connector stopping: the retry batch is handed back to Kafka');
      await sleep(Math.min(1000, dueAt - Date.now()), stopping);
      await heartbeat();
    }
    let end = start + 1;
    while (end < records.length && retryDueAt(records[end]) <= Date.now()) end++;
    await handle(records.slice(start, end));
    start = end;
  }
}

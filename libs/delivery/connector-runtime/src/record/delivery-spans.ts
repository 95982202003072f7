import { childTraceparent, recordSpan } from '@lienthong/observability';
import type { PendingDossier } from '../dossier-record';

/** When a delivery started, and when its calls to the target started and ended (0 when never called). */
export interface DeliveryTiming {
  started: number;
  targetStarted: number;
  targetEnded: number;
}

/** Two spans per event, under the route message's traceparent: the delivery, and the target call in it. */
export function traceDelivery(
  connector: string,
  items: PendingDossier<unknown>[],
  timing: DeliveryTiming,
  attempts: number,
  failure: unknown,
): void {
  const ended = Date.now();
  const error =
    failure === undefined ? undefined : failure instanceof Error ? failure.message : String(failure);
  for (const { record, key } of items.flatMap((item) => item.events)) {
    const delivery = childTraceparent(record.headers.traceparent);
    const attributes = {
      'lienthong.connector': connector,
      'lienthong.dossier_code': key.dossierCode,
      'lienthong.attempts': attempts,
    };
    recordSpan(`connector-${connector}`, {
      name: `deliver ${connector}`,
      kind: 'consumer',
      traceparent: delivery,
      parent: record.headers.traceparent,
      startMs: timing.started,
      endMs: ended,
      attributes: { ...attributes, 'messaging.system': 'kafka', 'messaging.source.name': record.topic },
      error,
    });
    if (timing.targetStarted > 0) {
      recordSpan(`connector-${connector}`, {
        name: `call ${connector}`,
        kind: 'client',
        traceparent: childTraceparent(delivery),
        parent: delivery,
        startMs: timing.targetStarted,
        endMs: timing.targetEnded,
        attributes,
        error,
      });
    }
  }
}

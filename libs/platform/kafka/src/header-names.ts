/**
 * Every header name Lienthong reads or writes on a Kafka record, in one place: a writer and its
 * readers (the console's trail, the KPI projection, a replay) must spell each one the same way.
 */

/** CloudEvents Kafka binding, binary mode, plus the W3C trace context. */
export const CloudEventHeader = {
  SpecVersion: 'ce_specversion',
  Id: 'ce_id',
  Source: 'ce_source',
  Type: 'ce_type',
  Time: 'ce_time',
  Subject: 'ce_subject',
  ContentType: 'content-type',
  TraceParent: 'traceparent',
} as const;

/** A dead letter: a reason code and a human-readable message, and where it came from. */
export const DeadLetterHeader = {
  Reason: 'lienthong-dlq-reason',
  Message: 'lienthong-dlq-message',
  Path: 'lienthong-dlq-path',
  Stage: 'lienthong-dlq-stage',
  SourceTopic: 'lienthong-dlq-source-topic',
  SourcePartition: 'lienthong-dlq-source-partition',
  SourceOffset: 'lienthong-dlq-source-offset',
  FailedAt: 'lienthong-dlq-failed-at',
} as const;

/** An event a connector parked on a retry topic. */
export const RetryHeader = {
  Level: 'lienthong-retry-level',
  DueAt: 'lienthong-retry-due-at',
  Reason: 'lienthong-retry-reason',
  Message: 'lienthong-retry-message',
  /** When an event waiting for a newer one of its dossier was first held. */
  HeldSince: 'lienthong-held-since',
} as const;

/** A replayed event: which replay, of which dead letter, by whom, and every earlier failure. */
export const ReplayHeader = {
  Id: 'lienthong-replay-id',
  Of: 'lienthong-replay-of',
  By: 'lienthong-replay-by',
  History: 'lienthong-replay-history',
} as const;

/** What the hub says of a dossier.v1 event beyond CloudEvents. */
export const HubHeader = {
  /** `true` on an event older than one already applied: history only, it must not move status. */
  Stale: 'lienthong-stale',
  /**
   * The connectors the routing rules chose, comma-separated; absent when none did and on stale events
   * (never routed). Each connector reads dossier.v1 and skips the events this does not name.
   */
  Routes: 'lienthong-routes',
} as const;

/** Names the status package a documents dead letter holds (it came from the exchange's inbox, not a topic). */
export const StatusPackageHeader = {
  MessageId: 'lienthong-documents-message-id',
  DocumentId: 'lienthong-documents-document-id',
} as const;

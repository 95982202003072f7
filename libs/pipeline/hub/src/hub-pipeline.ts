import {
  CloudEventHeader,
  deadLetter,
  HubHeader,
  type BatchOutput,
  type IncomingRecord,
  type OutgoingRecord,
  requiredCloudEventHeaders,
  type Topics,
} from '@lienthong/kafka';
import {
  Counter,
  createLogger,
  metricsRegistry,
  recordSpan,
  traceIdOf,
  tracingEnabled,
} from '@lienthong/observability';
import { eventIdOf, type DossierEvent } from '@lienthong/schemas';
import { mapSourceEvent, type SourceMapper } from '@lienthong/sources';
import type { DossierPrivacy } from './dossier-privacy';
import type { HubState } from './hub-state-sync';

const consumed = new Counter({
  name: 'lienthong_hub_consumed_total',
  help: 'Source events consumed',
  labelNames: ['source'],
  registers: [metricsRegistry],
});
const routed = new Counter({
  name: 'lienthong_hub_routed_total',
  help: 'Dossier events routed to a connector (named in their lienthong-routes header on dossier.v1)',
  labelNames: ['connector'],
  registers: [metricsRegistry],
});
const rejected = new Counter({
  name: 'lienthong_hub_rejected_total',
  help: 'Source events dead-lettered, by reason',
  labelNames: ['source', 'reason'],
  registers: [metricsRegistry],
});
const duplicates = new Counter({
  name: 'lienthong_hub_duplicates_total',
  help: 'Source events whose id was applied before; they change nothing',
  labelNames: ['source'],
  registers: [metricsRegistry],
});
const stale = new Counter({
  name: 'lienthong_hub_stale_total',
  help: 'Source events older than what was applied to their dossier; kept in dossier.v1, never routed',
  labelNames: ['source'],
  registers: [metricsRegistry],
});

const CE_SOURCE = '/lienthong/hub';
const CE_TYPE = 'vn.lienthong.dossier.v1';

/** Decides which connectors receive a dossier event. */
export type Router = (dossier: DossierEvent) => string[];

interface Mapped {
  record: IncomingRecord;
  dossier: DossierEvent;
}

/**
 * The hub's transform: source events in; one dossier.v1 record per event, naming the connectors it is
 * routed to, or a dead letter, out. Duplicates (an event id applied before) are dropped; stale events (a
 * sequence not above the dossier's latest) go to dossier.v1 marked stale and are not routed.
 */
export class HubPipeline {
  private readonly logger = createLogger('hub');
  private readonly mappersByTopic: Map<string, SourceMapper>;

  constructor(
    private readonly topics: Topics,
    mappers: readonly SourceMapper[],
    private readonly router: Router,
    private readonly state: HubState,
    private readonly privacy: DossierPrivacy,
  ) {
    this.mappersByTopic = new Map(mappers.map((mapper) => [topics.source(mapper.system), mapper]));
  }

  get sourceTopics(): string[] {
    return [...this.mappersByTopic.keys()];
  }

  transform = async (records: IncomingRecord[]): Promise<BatchOutput> => {
    const started = Date.now();
    // After a rebalance: what other replicas committed for the partitions just assigned.
    const store = await this.state.caughtUp();
    const outputs: OutgoingRecord[] = [];
    const mapped: Mapped[] = [];
    for (const record of records) {
      const result = this.map(record);
      if ('deadLetter' in result) outputs.push(result.deadLetter);
      else mapped.push(result);
    }
    const batch = await store.begin(mapped.map(({ dossier }) => dossier.dossierCode));
    try {
      for (const { record, dossier } of mapped) {
        const { sourceSystem } = dossier.provenance;
        const decision = batch.decide(dossier);
        if (decision === 'duplicate') {
          duplicates.inc({ source: sourceSystem });
          continue;
        }
        const isStale = decision === 'stale';
        if (isStale) stale.inc({ source: sourceSystem });
        outputs.push(this.outputFor(record, dossier, isStale, started));
      }
    } catch (error) {
      batch.abandon();
      throw error;
    }
    // The state changes go in the batch's transaction; the store believes them once it commits.
    return {
      records: [...outputs, ...batch.changelog()],
      committed: () => batch.commit(),
      aborted: () => batch.abandon(),
    };
  };

  private map(record: IncomingRecord): Mapped | { deadLetter: OutgoingRecord } {
    const mapper = this.mappersByTopic.get(record.topic)!;
    consumed.inc({ source: mapper.system });
    const result = mapSourceEvent(mapper, record.value);
    if (result.ok) return { record, dossier: result.dossier };
    const { code: reason, message, path } = result.rejection;
    rejected.inc({ source: mapper.system, reason });
    this.logger.warn(
      {
        topic: record.topic,
        partition: record.partition,
        offset: record.offset,
        reason,
        path,
        traceId: traceIdOf(record.headers[CloudEventHeader.TraceParent]),
      },
      `rejected: ${message}`,
    );
    return {
      deadLetter: deadLetter(this.topics.deadLetter('hub'), 'hub', record, { reason, message, path }),
    };
  }

  private outputFor(
    record: IncomingRecord,
    dossier: DossierEvent,
    isStale: boolean,
    started: number,
  ): OutgoingRecord {
    const output = this.buildOutput(record, dossier, isStale);
    if (tracingEnabled()) {
      // The output's traceparent is a child of the source event's: its span is the hub's hop to dossier.v1.
      recordSpan('hub', {
        name: `hub ${output.topic}`,
        kind: 'producer',
        traceparent: output.headers[CloudEventHeader.TraceParent],
        parent: record.headers[CloudEventHeader.TraceParent],
        startMs: started,
        endMs: Date.now(),
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': output.topic,
          'messaging.source.name': record.topic,
          'lienthong.dossier_code': dossier.dossierCode,
          'lienthong.routes': output.headers[HubHeader.Routes] ?? '',
        },
      });
    }
    return output;
  }

  /**
   * One record per event, read by every connector: its headers carry only what they need (the event's
   * time is in the payload, its subject is the key), and its applicant is sealed for them (DossierPrivacy).
   */
  private buildOutput(record: IncomingRecord, dossier: DossierEvent, isStale: boolean): OutgoingRecord {
    const headers = requiredCloudEventHeaders({
      id: eventIdOf(dossier.provenance),
      source: CE_SOURCE,
      type: CE_TYPE,
      traceparent: record.headers[CloudEventHeader.TraceParent],
    });
    if (isStale) {
      headers[HubHeader.Stale] = 'true';
    } else {
      const connectors = this.router(dossier);
      for (const connector of connectors) routed.inc({ connector });
      if (connectors.length > 0) headers[HubHeader.Routes] = connectors.join(',');
    }
    return {
      topic: this.topics.dossier,
      key: dossier.dossierCode,
      value: Buffer.from(JSON.stringify(this.privacy.canonical(dossier))),
      headers,
    };
  }
}

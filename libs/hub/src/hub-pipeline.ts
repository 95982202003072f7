import {
  cloudEventHeaders,
  deadLetter,
  type IncomingRecord,
  type OutgoingRecord,
  type Topics,
} from '@lienthong/kafka';
import { Counter, createLogger, metricsRegistry } from '@lienthong/observability';
import type { DossierEvent } from '@lienthong/schemas';
import { mapSourceEvent, type SourceMapper } from '@lienthong/sources';

const consumed = new Counter({
  name: 'lienthong_hub_consumed_total',
  help: 'Source events consumed',
  labelNames: ['source'],
  registers: [metricsRegistry],
});
const routed = new Counter({
  name: 'lienthong_hub_routed_total',
  help: 'Dossier events written to a connector route topic',
  labelNames: ['connector'],
  registers: [metricsRegistry],
});
const rejected = new Counter({
  name: 'lienthong_hub_rejected_total',
  help: 'Source events dead-lettered, by reason',
  labelNames: ['source', 'reason'],
  registers: [metricsRegistry],
});

const CE_SOURCE = '/lienthong/hub';
const CE_TYPE = 'vn.lienthong.dossier.v1';

/** Decides which connectors receive a dossier event. */
export type Router = (dossier: DossierEvent) => string[];

/** The hub's transform: source events in, the canonical event and its routes (or a dead letter) out. */
export class HubPipeline {
  private readonly logger = createLogger('hub');
  private readonly mappersByTopic: Map<string, SourceMapper>;

  constructor(
    private readonly topics: Topics,
    mappers: readonly SourceMapper[],
    private readonly router: Router,
  ) {
    this.mappersByTopic = new Map(mappers.map((mapper) => [topics.source(mapper.system), mapper]));
  }

  get sourceTopics(): string[] {
    return [...this.mappersByTopic.keys()];
  }

  transform = async (records: IncomingRecord[]): Promise<OutgoingRecord[]> =>
    records.flatMap((record) => this.transformOne(record));

  private transformOne(record: IncomingRecord): OutgoingRecord[] {
    const mapper = this.mappersByTopic.get(record.topic)!;
    consumed.inc({ source: mapper.system });
    const result = mapSourceEvent(mapper, record.value);
    if (!result.ok) {
      const { reason, message, path } = result.rejection;
      rejected.inc({ source: mapper.system, reason });
      this.logger.warn(
        { topic: record.topic, partition: record.partition, offset: record.offset, reason, path },
        `rejected: ${message}`,
      );
      return [deadLetter(this.topics.deadLetter('hub'), 'hub', record, { reason, message, path })];
    }
    const { dossier } = result;
    const value = JSON.stringify(dossier);
    const eventId = `${dossier.provenance.sourceSystem}:${dossier.provenance.sourceEventId}`;
    const headers = (id: string) =>
      cloudEventHeaders({
        id,
        source: CE_SOURCE,
        type: CE_TYPE,
        time: dossier.provenance.eventTime,
        subject: dossier.dossierCode,
        traceparent: record.headers.traceparent,
      });
    const connectors = this.router(dossier);
    for (const connector of connectors) routed.inc({ connector });
    return [
      { topic: this.topics.dossier, key: dossier.dossierCode, value, headers: headers(eventId) },
      ...connectors.map((connector) => ({
        topic: this.topics.route(connector),
        key: dossier.dossierCode,
        value,
        headers: headers(`${eventId}:${connector}`),
      })),
    ];
  }
}

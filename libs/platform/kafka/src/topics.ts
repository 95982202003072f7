/** Every topic name of Lienthong, in one place. Versioned names: a breaking change is a new version. */
export interface TopicSpec {
  name: string;
  partitions?: number;
  config?: Record<string, string>;
  /**
   * How long the brokers keep its records, as configured (KAFKA_RETENTION_HOURS, or
   * KAFKA_DLQ_RETENTION_HOURS for dead letters); a `retention.ms` in `config` wins.
   */
  retention?: 'records' | 'dead-letters';
}
/**
 * What Lienthong writes may be larger than what it read: a dead letter is a source event of up to the
 * broker's 1 MB plus headers, and output goes in batches. Sources keep the broker's own limit.
 */
const WRITTEN = { 'max.message.bytes': String(4 << 20) };
const DEAD_LETTERS = { config: WRITTEN, retention: 'dead-letters' } as const;

export class Topics {
  constructor(private readonly prefix = '') {}

  /** Where a sector system publishes its dossier events, in its own format. */
  source(system: string): string {
    return `${this.prefix}src.${system}.dossier-events`;
  }

  /** The canonical stream of every dossier event, key = dossier code. */
  get dossier(): string {
    return `${this.prefix}dossier.v1`;
  }

  /**
   * A connector's own input beside dossier.v1: what is replayed to it (its dead letters) or sent to it by
   * hand; the hub writes every event once, to dossier.v1.
   */
  route(connector: string): string {
    return `${this.prefix}route.${connector}.v1`;
  }

  /** Dead letters of one stage (`hub`, or a connector's name), with their reason in headers. */
  deadLetter(stage: string): string {
    return `${this.prefix}dlq.${stage}.v1`;
  }

  /** Where a connector parks an event that kept failing, to try it again after the level's delay. */
  retry(connector: string, level: number): string {
    return `${this.prefix}retry.${connector}.${level}`;
  }

  /** The population connector's verification outcome per dossier, for other steps to reuse. */
  get identityVerified(): string {
    return `${this.prefix}identity.verified.v1`;
  }

  /** Payments' changes of state (payment.v1, SOURCES.md), key = dossier code. */
  get payment(): string {
    return `${this.prefix}payment.v1`;
  }

  /** Where a sector system asks for a payment of a dossier's fees. */
  paymentRequests(system: string): string {
    return `${this.prefix}src.${system}.payment-requests`;
  }

  /** The audit log's head per deployment (key), kept outside the database to find a cut-off tail. */
  get auditAnchor(): string {
    return `${this.prefix}audit.anchor.v1`;
  }

  /**
   * Compacted, so the latest head per key stays forever; older heads are kept a week (they find a tail
   * cut and written anew), then hourly segments let the cleaner drop them, keeping the read short.
   */
  get auditAnchorSpec(): TopicSpec {
    return {
      name: this.auditAnchor,
      partitions: 1,
      config: {
        'cleanup.policy': 'compact',
        'min.compaction.lag.ms': String(7 * 24 * 3600 * 1000),
        'segment.ms': String(3600 * 1000),
        'min.cleanable.dirty.ratio': '0.1',
      },
    };
  }

  /**
   * The hub's state (dossier code → what was applied to it: latest sequence, status, event ids),
   * written in the hub's transactions with what it routes, read back whole by every hub replica.
   */
  get hubState(): string {
    return `${this.prefix}hub.state.v1`;
  }

  /**
   * Compacted, so each dossier's latest state stays (a tombstone forgets it, and is itself dropped after
   * a day); hourly segments let the cleaner keep the restore of a starting hub short.
   */
  get hubStateSpec(): TopicSpec {
    return {
      name: this.hubState,
      config: {
        'cleanup.policy': 'compact',
        'segment.ms': String(3600 * 1000),
        'min.cleanable.dirty.ratio': '0.1',
      },
    };
  }

  /** A consumer group name, prefixed like the topics so isolated hubs never share a group. */
  group(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** The consumer group of a connector's inputs (dossier.v1 and its route topic). */
  connectorGroup(connector: string): string {
    return this.group(`lienthong.connector.${connector}`);
  }

  /**
   * The consumer group of one retry level of a connector, or, without a level, the one group that read
   * every level in runtimes before groups per level (its offsets may still be the ones that count).
   */
  retryGroup(connector: string, level?: number): string {
    const shared = `${this.connectorGroup(connector)}.retry`;
    return level === undefined ? shared : `${shared}.${level}`;
  }

  /** The topics the hub reads and writes, with the settings they are created with. */
  hubTopics(sources: string[], connectors: string[]): TopicSpec[] {
    return [
      ...sources.map((system) => ({ name: this.source(system) })),
      this.dossierSpec,
      ...connectors.map((connector) => this.routeSpec(connector)),
      { name: this.deadLetter('hub'), partitions: 1, ...DEAD_LETTERS },
      this.hubStateSpec,
    ];
  }

  /** The topics the payment connector reads: the systems' payment requests. */
  paymentRequestTopics(systems: string[]): TopicSpec[] {
    return systems.map((system) => ({ name: this.paymentRequests(system) }));
  }

  /** payment.v1 as the payment connector creates it. */
  get paymentSpec(): TopicSpec {
    return { name: this.payment, config: WRITTEN };
  }

  /** dossier.v1 as the hub and the connectors create it. */
  get dossierSpec(): TopicSpec {
    return { name: this.dossier, config: WRITTEN };
  }

  /** A connector's route topic as the hub and the connector create it. */
  routeSpec(connector: string): TopicSpec {
    return { name: this.route(connector), config: WRITTEN };
  }

  /** The topics one connector reads (by default dossier.v1 and its route topic) and writes. */
  connectorTopics(
    connector: string,
    retryLevels: number,
    inputs: TopicSpec[] = [this.dossierSpec, this.routeSpec(connector)],
  ): TopicSpec[] {
    return [
      ...inputs,
      ...Array.from({ length: retryLevels }, (_, index) => ({
        name: this.retry(connector, index + 1),
        config: WRITTEN,
      })),
      { name: this.deadLetter(connector), partitions: 1, ...DEAD_LETTERS },
    ];
  }
}

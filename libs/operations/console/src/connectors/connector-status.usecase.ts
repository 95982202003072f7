import { ConnectorControl, type ReplicaStatus } from '@lienthong/connector-control';
import { deliveryOutcomeCounts, type OutcomeCount } from '@lienthong/connector-runtime';
import { Database } from '@lienthong/database';
import { KafkaConnection, type PartitionLag } from '@lienthong/kafka';
import { maskPatterns } from '@lienthong/personal-data';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { StatusAnswer } from '../api-answers';
import { DeadLetterIndex } from '../dead-letters/dead-letter-index';
import { Flow } from '../flow';

const RECENT_MINUTES = 5;

export interface Count {
  total: number;
  /** Per minute, over the last five minutes. */
  perMinute: number;
}

export interface ConnectorStatus {
  name: string;
  /** `paused` by an operator, `running` with at least one live replica, else `stopped`. */
  state: 'running' | 'paused' | 'stopped';
  paused: boolean;
  pausedBy: string | null;
  pausedAt: string | null;
  breaker: 'closed' | 'open' | 'half-open' | 'unknown';
  replicas: ReplicaStatus[];
  lag: { total: number; partitions: PartitionLag[] };
  counts: { delivered: Count; failed: Count; skipped: Count; retried: Count; deadLettered: Count };
  lastError: { code: string; message: string; at: string; instance: string } | null;
}

export interface HubStatus {
  name: 'hub';
  /** `running` while the hub's consumer group has members, as the broker sees it. */
  state: 'running' | 'stopped';
  members: number;
  lag: { total: number; partitions: PartitionLag[] };
  counts: { canonical: Count; deadLettered: Count };
}

const count = (total: number, recent: number): Count => ({
  total,
  perMinute: Math.round((recent / RECENT_MINUTES) * 10) / 10,
});

/**
 * Each connector's state as its replicas report it, its lag as the broker measures it now, and its
 * outcomes from the ledger and the console's trail of retry and dead-letter topics.
 */
@Injectable()
export class ConnectorStatusQuery {
  constructor(
    private readonly flow: Flow,
    private readonly control: ConnectorControl,
    private readonly kafka: KafkaConnection,
    private readonly database: Database,
    private readonly deadLetters: DeadLetterIndex,
  ) {}

  /** 404 for a name that is not a connector of this flow. */
  known(name: string): string {
    if (!this.flow.connectors.includes(name)) {
      throw new NotFoundException(`no connector named ${name}; known: ${this.flow.connectors.join(', ')}`);
    }
    return name;
  }

  async all(): Promise<StatusAnswer> {
    const deadLetters = await this.deadLetters.countsByStage(RECENT_MINUTES);
    const [hub, ...connectors] = await Promise.all([
      this.hub(deadLetters),
      ...this.flow.connectors.map((name) => this.connector(name, deadLetters)),
    ]);
    return { hub: hub as HubStatus, connectors: connectors as ConnectorStatus[] };
  }

  async one(name: string): Promise<ConnectorStatus> {
    return this.connector(this.known(name), await this.deadLetters.countsByStage(RECENT_MINUTES));
  }

  private async hub(deadLetters: Map<string, { total: number; recent: number }>): Promise<HubStatus> {
    const topics = this.flow.sources.map((system) => this.flow.topics.source(system));
    const [partitions, members, [canonical]] = await Promise.all([
      this.lag(this.flow.hubGroup, topics),
      this.kafka.groupMembers(this.flow.hubGroup),
      this.database.query<{ total: string; recent: string }>(
        `SELECT count(*) AS total, count(*) FILTER (WHERE at > now() - make_interval(mins => $1)) AS recent
         FROM dossier_trail WHERE kind = 'canonical'`,
        [RECENT_MINUTES],
      ),
    ]);
    const dead = deadLetters.get('hub') ?? { total: 0, recent: 0 };
    return {
      name: 'hub',
      state: members > 0 ? 'running' : 'stopped',
      members,
      lag: { total: sum(partitions), partitions },
      counts: {
        canonical: count(Number(canonical.total), Number(canonical.recent)),
        deadLettered: count(dead.total, dead.recent),
      },
    };
  }

  private async connector(
    name: string,
    deadLetters: Map<string, { total: number; recent: number }>,
  ): Promise<ConnectorStatus> {
    const group = this.flow.topics.connectorGroup(name);
    const [control, replicas, routeLag, retryLag, outcomes, [retried]] = await Promise.all([
      this.control.state(name),
      this.control.replicas(name),
      // Its group reads dossier.v1 (every event, those routed elsewhere skipped) and its route topic.
      this.lag(group, [this.flow.topics.dossier, this.flow.topics.route(name)]),
      this.retryLag(name, this.flow.retryTopics(name)),
      deliveryOutcomeCounts(this.database, name, RECENT_MINUTES),
      this.database.query<{ total: string; recent: string }>(
        `SELECT count(*) AS total, count(*) FILTER (WHERE at > now() - make_interval(mins => $2)) AS recent
         FROM dossier_trail WHERE kind = 'retry' AND stage = $1`,
        [name, RECENT_MINUTES],
      ),
    ]);
    const outcome = (name: OutcomeCount['outcome']) => {
      const counted = outcomes.find((candidate) => candidate.outcome === name);
      return count(counted?.total ?? 0, counted?.recent ?? 0);
    };
    const dead = deadLetters.get(name) ?? { total: 0, recent: 0 };
    const partitions = [...routeLag, ...retryLag];
    const paused = control?.paused ?? false;
    const lastError = replicas
      .filter((replica) => replica.lastError)
      // A target's error may quote the record it refused: its numbers are masked like everywhere else.
      .map((replica) => ({
        ...replica.lastError!,
        message: maskPatterns(replica.lastError!.message),
        instance: replica.instance,
      }))
      .sort((a, b) => b.at.localeCompare(a.at))[0];
    return {
      name,
      state: paused ? 'paused' : replicas.length > 0 ? 'running' : 'stopped',
      paused,
      pausedBy: paused ? (control?.changedBy ?? null) : null,
      pausedAt: paused ? (control?.changedAt ?? null) : null,
      breaker: worstBreaker(replicas),
      replicas,
      lag: { total: sum(partitions), partitions },
      counts: {
        delivered: outcome('delivered'),
        failed: outcome('failed'),
        skipped: outcome('skipped_stale'),
        retried: count(Number(retried.total), Number(retried.recent)),
        deadLettered: count(dead.total, dead.recent),
      },
      lastError: lastError ?? null,
    };
  }

  private async lag(group: string, topics: string[]): Promise<PartitionLag[]> {
    return this.kafka.groupLag(group, topics);
  }

  /**
   * Retry topics are read by one group per level (`Topics.retryGroup`), or by one group for all of them
   * in runtimes before that; a partition counts for the group that has committed there.
   */
  private async retryLag(connector: string, topics: string[]): Promise<PartitionLag[]> {
    const [shared, ...perLevel] = await Promise.all([
      this.lag(this.flow.topics.retryGroup(connector), topics),
      ...topics.map((topic, index) => this.lag(this.flow.topics.retryGroup(connector, index + 1), [topic])),
    ]);
    return perLevel.flat().map((own) => {
      const old = shared.find((lag) => lag.topic === own.topic && lag.partition === own.partition);
      return own.committed < 0 && old && old.committed >= 0 ? old : own;
    });
  }
}

const sum = (partitions: PartitionLag[]) => partitions.reduce((total, { lag }) => total + lag, 0);

function worstBreaker(replicas: ReplicaStatus[]): ConnectorStatus['breaker'] {
  if (replicas.length === 0) return 'unknown';
  for (const state of ['open', 'half-open'] as const) {
    if (replicas.some((replica) => replica.breaker === state)) return state;
  }
  return 'closed';
}

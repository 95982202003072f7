import { deliveriesOf, targetStatesOf } from '@lienthong/connector-runtime';
import { Database } from '@lienthong/database';
import { CloudEventHeader, DeadLetterHeader, HubHeader, ReplayHeader, RetryHeader } from '@lienthong/kafka';
import { differingFields, PortalClient } from '@lienthong/national-portal';
import { eventIdOf } from '@lienthong/schemas';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { PaymentView } from '../payments/payment-views';
import { PaymentsOverview } from '../payments/payments.usecase';
import { hubDossierStateOf } from '../trail/hub-dossier-state';

/** One hop of a dossier, in time order. */
export interface TraceStep {
  at: string;
  kind: 'source' | 'canonical' | 'route' | 'retry' | 'dead_letter' | 'delivery';
  stage: string;
  topic?: string;
  partition?: number;
  offset?: string;
  eventId: string | null;
  sequence: number | null;
  status: number | null;
  /** What happened: a reason, an outcome, a replay. */
  detail: Record<string, unknown>;
}

export interface DossierTrace {
  dossierCode: string;
  timeline: TraceStep[];
  hub: { lastSequence: number; status: number; updatedAt: string } | null;
  targets: {
    connector: string;
    lastSequence: number;
    status: number | null;
    created: boolean;
    record: unknown;
    updatedAt: string;
  }[];
  deadLetters: { id: number; stage: string; reason: string; failedAt: string; replayedAt: string | null }[];
  portal: {
    sent: unknown;
    held: unknown;
    differences: string[];
    error: string | null;
  };
  /** The dossier's payments (payment connector's ledger), oldest first. */
  payments: PaymentView[];
}

interface TrailRow {
  topic: string;
  partition: number;
  offset: string;
  kind: TraceStep['kind'];
  stage: string;
  event_id: string | null;
  sequence: string | null;
  status: number | null;
  at: Date;
  headers: Record<string, string>;
}

/**
 * A dossier's whole way through Lienthong: every source event, canonical event (with the connectors it
 * was routed to), replay to a route topic, retry and dead letter (from the console's trail of the topics), every delivery outcome (the ledger), the state at
 * each target, what the national portal holds now (a live TraCuuHoSo) beside what was sent, and its
 * payments (state, amount, reference, where to pay, the receipt once fetched).
 */
@Injectable()
export class TraceDossier {
  constructor(
    private readonly database: Database,
    private readonly payments: PaymentsOverview,
    /** null when the live lookup is off (CONSOLE_PORTAL_LOOKUP). */
    @Inject(PortalClient) private readonly portal: PortalClient | null,
  ) {}

  async trace(dossierCode: string): Promise<DossierTrace> {
    const [trail, ledger, hub, targets, deadLetters, payments] = await Promise.all([
      this.database.query<TrailRow>(
        `SELECT topic, partition, "offset", kind, stage, event_id, sequence, status, at, headers
         FROM dossier_trail WHERE dossier_code = $1 ORDER BY at, topic, "offset"`,
        [dossierCode],
      ),
      deliveriesOf(this.database, dossierCode),
      hubDossierStateOf(this.database, dossierCode),
      targetStatesOf(this.database, dossierCode),
      this.database.query<{
        id: string;
        stage: string;
        reason: string;
        failed_at: Date;
        replayed_at: Date | null;
      }>(
        'SELECT id, stage, reason, failed_at, replayed_at FROM dead_letters WHERE dossier_code = $1 ORDER BY id',
        [dossierCode],
      ),
      this.payments.ofDossier(dossierCode),
    ]);
    if (trail.length === 0 && ledger.length === 0 && !hub && payments.length === 0) {
      throw new NotFoundException(`no dossier ${dossierCode} has passed through Lienthong`);
    }
    const timeline: TraceStep[] = [
      ...trail.map((row) => ({
        at: row.at.toISOString(),
        kind: row.kind,
        stage: row.stage,
        topic: row.topic,
        partition: row.partition,
        offset: String(row.offset),
        eventId: row.event_id,
        sequence: row.sequence === null ? null : Number(row.sequence),
        status: row.status,
        detail: trailDetail(row.headers),
      })),
      ...ledger.map((delivery) => ({
        at: delivery.deliveredAt.toISOString(),
        kind: 'delivery' as const,
        stage: delivery.connector,
        eventId: eventIdOf(delivery),
        sequence: delivery.sequence,
        status: delivery.status,
        detail: { outcome: delivery.outcome, attempts: delivery.attempts, answer: delivery.answer },
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    const sent = targets.find((target) => target.connector === 'national-portal')?.record ?? null;
    return {
      dossierCode,
      timeline,
      hub: hub ? { ...hub, updatedAt: hub.updatedAt.toISOString() } : null,
      targets: targets.map((target) => ({
        connector: target.connector,
        lastSequence: target.lastSequence,
        status: target.status,
        created: target.created,
        record: target.record,
        updatedAt: target.updatedAt.toISOString(),
      })),
      deadLetters: deadLetters.map((row) => ({
        id: Number(row.id),
        stage: row.stage,
        reason: row.reason,
        failedAt: row.failed_at.toISOString(),
        replayedAt: row.replayed_at?.toISOString() ?? null,
      })),
      portal: await this.portalNow(dossierCode, sent),
      payments,
    };
  }

  private async portalNow(dossierCode: string, sent: unknown): Promise<DossierTrace['portal']> {
    if (!this.portal) {
      return {
        sent,
        held: null,
        differences: [],
        error: 'live portal lookup is off (CONSOLE_PORTAL_LOOKUP)',
      };
    }
    try {
      const held = (await this.portal.lookup(dossierCode)) ?? null;
      return { sent, held, differences: differences(sent, held), error: null };
    } catch (error) {
      return { sent, held: null, differences: [], error: (error as Error).message };
    }
  }
}

function trailDetail(headers: Record<string, string>): Record<string, unknown> {
  const detail: Record<string, unknown> = {};
  if (headers[DeadLetterHeader.Reason]) detail.reason = headers[DeadLetterHeader.Reason];
  if (headers[DeadLetterHeader.Message]) detail.message = headers[DeadLetterHeader.Message];
  if (headers[RetryHeader.Level]) detail.retryLevel = Number(headers[RetryHeader.Level]);
  if (headers[RetryHeader.Reason]) detail.reason = headers[RetryHeader.Reason];
  if (headers[HubHeader.Stale] === 'true') detail.stale = true;
  // The connectors a dossier.v1 event was routed to: each reads it there, none gets a copy of its own.
  if (headers[HubHeader.Routes]) detail.routedTo = headers[HubHeader.Routes].split(',');
  if (headers[ReplayHeader.Id]) detail.replayId = headers[ReplayHeader.Id];
  if (headers[CloudEventHeader.TraceParent]) detail.traceparent = headers[CloudEventHeader.TraceParent];
  return detail;
}

/** The fields reconciliation would find differing (the same comparison). */
function differences(sent: unknown, held: unknown): string[] {
  if (!isObject(sent) || !isObject(held)) return sent === held ? [] : ['*'];
  return differingFields(sent, held).sort();
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

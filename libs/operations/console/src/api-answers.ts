import type { ConnectorStatus, HubStatus } from './connectors/connector-status.usecase';
import type { DeadLetterSummary } from './dead-letters/dead-letter-index';
import type { ReplayResult } from './dead-letters/dead-letter.dto';
import type { PaymentView, RefusedCallbackView } from './payments/payment-views';
import type { DossierTrace } from './trace/trace-dossier.usecase';

/**
 * What the console API answers, as JSON carries it: the controllers declare these, and a client (the
 * `lienthong` CLI) imports them as types, so the two sides cannot drift apart.
 */

/** `GET /api/v1/status`. */
export interface StatusAnswer {
  hub: HubStatus;
  connectors: ConnectorStatus[];
}

/** `POST /api/v1/connectors/{name}/pause` and `.../resume`. */
export interface ConnectorControlAnswer {
  connector: string;
  paused: boolean;
}

/** `GET /api/v1/dossiers/{code}/trace`: personal data masked. */
export type TraceAnswer = DossierTrace & { masked: boolean };

/** `GET /api/v1/dead-letters`: failure messages masked. */
export interface DeadLetterListAnswer {
  deadLetters: DeadLetterSummary[];
}

/** `POST /api/v1/dead-letters/replay` and `.../{id}/replay`. */
export type ReplayAnswer = ReplayResult;

/** `POST /api/v1/dead-letters/{id}/hold` and `.../unhold`. */
export interface HoldAnswer {
  id: number;
  held: boolean;
}

/** `GET /api/v1/payments`: what an operator looks after; `reconcile` says whether the console reconciles. */
export interface PaymentsAnswer {
  pending: PaymentView[];
  failed: PaymentView[];
  receiptsMissing: {
    reference: string;
    dossierCode: string;
    attempts: number;
    nextTry: string;
    lastError: string | null;
  }[];
  refusedCallbacks: RefusedCallbackView[];
  reconcile: boolean;
}

/**
 * `POST /api/v1/dossiers/{code}/resync`: `in_line` when the portal already held what was sent,
 * `restored` when it was re-sent, `superseded` when a newer event was delivered meanwhile.
 */
export interface ResyncAnswer {
  dossierCode: string;
  outcome: 'in_line' | 'restored' | 'superseded';
  drift: 'missing' | 'differing' | null;
  /** For `differing`: the portal fields that differed. */
  fields: string[];
}

export type { ConnectorStatus, HubStatus, DossierTrace, DeadLetterSummary, PaymentView, RefusedCallbackView };

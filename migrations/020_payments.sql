-- Up Migration
-- The payment connector's ledger: one payment per request (requestId, the sector system's idempotency
-- key), its MaThamChieu unique, and what the platform said of it. `thoi_gian_gd` is the INIT's
-- ThoiGianGD as sent: a retried INIT, QUERY and GET_BILL repeat it. No personal data: the payer stays
-- in the request, never here.
CREATE TABLE payments (
  request_id               text        PRIMARY KEY,
  reference                text        NOT NULL UNIQUE,
  attempt                  integer     NOT NULL CHECK (attempt >= 1),
  dossier_code             text        NOT NULL,
  amount                   bigint      NOT NULL CHECK (amount > 0),
  channel                  text        NOT NULL,
  state                    text        NOT NULL CHECK (state IN ('initiated', 'paid', 'failed', 'refused')),
  payment_url              text,
  platform_transaction_id  text,
  bank                     text,
  reason                   text,
  -- The platform settled an amount other than the one asked: for an operator.
  amount_differs           boolean     NOT NULL DEFAULT false,
  thoi_gian_gd             text        NOT NULL,
  initiated_at             timestamptz NOT NULL,
  settled_at               timestamptz,
  receipt                  bytea,
  receipt_type             text,
  updated_at               timestamptz NOT NULL DEFAULT now()
);
-- Reconciliation reads the payments still initiated by age.
CREATE INDEX payments_initiated ON payments (initiated_at) WHERE state = 'initiated';
CREATE INDEX payments_dossier ON payments (dossier_code);

-- Callbacks refused (a MaXacThuc that does not verify, an unknown MaThamChieu, another partner, a body
-- that cannot be read), kept for the operator: a forged one is a security incident. The body is kept
-- without its MaXacThuc.
CREATE TABLE payment_refused_callbacks (
  id              bigserial   PRIMARY KEY,
  received_at     timestamptz NOT NULL DEFAULT now(),
  reason          text        NOT NULL,
  reference       text,
  body            jsonb       NOT NULL,
  remote_address  text
);
CREATE INDEX payment_refused_callbacks_received ON payment_refused_callbacks (received_at);

-- Down Migration
DROP TABLE payment_refused_callbacks;
DROP TABLE payments;

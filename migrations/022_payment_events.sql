-- Up Migration
-- The payment.v1 outbox: every change of a payment's state writes its event here in the transaction
-- that makes the change, so an event is never lost when publishing fails after the ledger committed.
-- PaymentEventRelay publishes the unpublished ones in id order (one relay across replicas) and then
-- stamps published_at; a crash between the two publishes an event again (at-least-once, same ce_id).
CREATE TABLE payment_events (
  id            bigserial   PRIMARY KEY,
  request_id    text        NOT NULL REFERENCES payments (request_id),
  dossier_code  text        NOT NULL,
  event         jsonb       NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  published_at  timestamptz
);
-- The relay reads what is still to publish, oldest first.
CREATE INDEX payment_events_unpublished ON payment_events (id) WHERE published_at IS NULL;
CREATE INDEX payment_events_request ON payment_events (request_id);

-- Down Migration
DROP TABLE payment_events;

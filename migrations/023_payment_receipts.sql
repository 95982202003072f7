-- Up Migration
-- Receipts (GET_BILL) in a table of their own, as bytea: one backup and one restore with the payments
-- ledger, written in the transaction that clears the payment's fetch and writes its payment.v1 event,
-- and small (a one-page PDF, a few KiB). Not large objects: those outlive their rows unless every
-- delete is followed by lo_unlink housekeeping. Not a directory or S3: one more system for a city to
-- run, back up and secure, with no transaction shared with the ledger.
CREATE TABLE payment_receipts (
  reference     text        PRIMARY KEY REFERENCES payments (reference),
  content_type  text        NOT NULL CHECK (content_type IN ('application/pdf', 'application/json')),
  body          bytea       NOT NULL,
  fetched_at    timestamptz NOT NULL DEFAULT now()
);

-- The receipts still to fetch: a row is written in the transaction that makes a payment paid (an
-- outbox of GET_BILLs), so no paid payment is forgotten; PaymentReceipts fetches the due ones and
-- deletes the row with the receipt's insert, or sets the next try (backoff) and the error.
CREATE TABLE payment_receipt_fetches (
  reference   text        PRIMARY KEY REFERENCES payments (reference),
  due_at      timestamptz NOT NULL DEFAULT now(),
  attempts    integer     NOT NULL DEFAULT 0,
  last_error  text
);
CREATE INDEX payment_receipt_fetches_due ON payment_receipt_fetches (due_at);

-- The receipts held in the ledger's own columns (migration 020) move; the paid payments without one
-- are to fetch.
INSERT INTO payment_receipts (reference, content_type, body, fetched_at)
  SELECT reference, coalesce(receipt_type, 'application/pdf'), receipt, updated_at
  FROM payments WHERE receipt IS NOT NULL;
INSERT INTO payment_receipt_fetches (reference)
  SELECT reference FROM payments WHERE state = 'paid' AND channel = 'national' AND receipt IS NULL;
ALTER TABLE payments DROP COLUMN receipt, DROP COLUMN receipt_type;

-- Down Migration
ALTER TABLE payments ADD COLUMN receipt bytea, ADD COLUMN receipt_type text;
UPDATE payments SET receipt = r.body, receipt_type = r.content_type
  FROM payment_receipts r WHERE r.reference = payments.reference;
DROP TABLE payment_receipt_fetches;
DROP TABLE payment_receipts;

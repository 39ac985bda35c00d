-- Fees and payments of dossiers (issue 5 §2; ST-06, DL-12, IDX-3.6, OTHER-06). The fee due is the dossier's
-- `paymentRequested` action (its items and total); each attempt to settle it is a payment order here: one per
-- redirect to a gateway (every attempt needs its own order reference there) or one per receipt at the counter.
-- A payment is recorded on the dossier (`paid` action) exactly once: the order row is locked while a gateway
-- outcome is applied and the dossier's status machine accepts `paid` only in status 6; a second successful order
-- for the same request stays `paid` here with a mismatch ("duplicate", refund due) and no second action.
CREATE TABLE payment (
  id                uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT payment_pk PRIMARY KEY,
  dossier_id        uuid NOT NULL CONSTRAINT payment_dossier_fk REFERENCES dossier (id),
  -- The seq of the `paymentRequested` action this order settles.
  request_seq       integer NOT NULL,
  -- vnp_TxnRef / the national platform's order id: unique for ever, never reused after a failure.
  order_reference   text NOT NULL CONSTRAINT payment_order_reference_key UNIQUE,
  amount            bigint NOT NULL CONSTRAINT payment_amount_check CHECK (amount > 0),
  -- [{ code?, name, amount }] in VND, copied from the request.
  items             jsonb NOT NULL,
  status            text NOT NULL CONSTRAINT payment_status_check CHECK (status IN ('pending', 'paid', 'failed', 'cancelled', 'refunded')),
  method            text NOT NULL CONSTRAINT payment_method_check CHECK (method IN ('online-gateway', 'national-platform', 'counter')),
  -- The gateway's transaction number (vnp_TransactionNo), or the cash/POS receipt number at the counter.
  transaction_no    text,
  bank_code         text,
  -- The gateway's last response code (vnp_ResponseCode / vnp_TransactionStatus) for a failed order.
  gateway_code      text,
  -- Set by reconciliation when the gateway and this table disagree; cleared by nobody (an officer reads the events).
  mismatch          text,
  payer_account_id  uuid CONSTRAINT payment_payer_fk REFERENCES account (id),
  recorded_by       uuid CONSTRAINT payment_recorded_by_fk REFERENCES account (id),
  created_at        timestamptz NOT NULL,
  paid_at           timestamptz,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX payment_dossier_idx ON payment (dossier_id, created_at);
CREATE INDEX payment_status_idx ON payment (status, created_at);

-- Every exchange about a payment, in and out: redirect, return, IPN (raw parameters, secure hash removed), query,
-- refund, counter receipt and reconciliation; with the outcome (the RspCode answered, a mismatch found...).
CREATE TABLE payment_event (
  id          bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT payment_event_pk PRIMARY KEY,
  -- Null for an IPN or return naming no known order (kept: a forged or misrouted call is worth seeing).
  payment_id  uuid CONSTRAINT payment_event_payment_fk REFERENCES payment (id),
  kind        text NOT NULL CONSTRAINT payment_event_kind_check CHECK (kind IN ('redirect', 'return', 'ipn', 'query', 'refund', 'counter', 'reconciliation')),
  outcome     text NOT NULL,
  detail      jsonb NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX payment_event_payment_idx ON payment_event (payment_id, id);
CREATE INDEX payment_event_kind_idx ON payment_event (kind, at);

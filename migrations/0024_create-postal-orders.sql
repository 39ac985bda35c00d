-- The postal service (issue 5 §4; P-15, BCCI): the applicant's choice to send paper components and/or receive the
-- result by post, the orders placed with the postal operator, and every callback the operator sent.
-- The choice made when filing (or at the desk): one row per dossier, absent = nothing by post.
CREATE TABLE postal_choice (
  dossier_id      uuid NOT NULL CONSTRAINT postal_choice_pk PRIMARY KEY CONSTRAINT postal_choice_dossier_fk REFERENCES dossier (id),
  send_papers     boolean NOT NULL,
  return_result   boolean NOT NULL,
  -- { recipient, phone, province, district, ward, street } as typed (free text, BCCI addresses are not a registry here).
  address         jsonb NOT NULL,
  -- The postal fees quoted when the choice was made, VND (informative: the post collects them).
  quoted_fee      bigint NOT NULL CONSTRAINT postal_choice_fee_check CHECK (quoted_fee >= 0),
  updated_at      timestamptz NOT NULL
);

-- An order with the operator: `pickup` fetches paper components from the applicant for the desk; `result` carries
-- the result to the applicant (and may collect the fees due, cash on delivery). Created as `requested` in the
-- caller's transaction with an outbox message; the operator's order code arrives when the worker has placed it.
CREATE TABLE postal_order (
  id                uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT postal_order_pk PRIMARY KEY,
  dossier_id        uuid NOT NULL CONSTRAINT postal_order_dossier_fk REFERENCES dossier (id),
  purpose           text NOT NULL CONSTRAINT postal_order_purpose_check CHECK (purpose IN ('pickup', 'result')),
  -- Our reference sent to the operator (ORDER_REFERENCE), unique for ever.
  reference         text NOT NULL CONSTRAINT postal_order_reference_key UNIQUE,
  -- The operator's order code (ORDER_NUMBER), once placed.
  order_code        text CONSTRAINT postal_order_code_key UNIQUE,
  status            text NOT NULL CONSTRAINT postal_order_status_check CHECK (status IN ('requested', 'created', 'pickedUp', 'inTransit', 'delivered', 'failed', 'cancelRequested', 'cancelled')),
  address           jsonb NOT NULL,
  -- Cash to collect on delivery (fees due on the dossier), VND; 0 = none.
  cod_amount        bigint NOT NULL CONSTRAINT postal_order_cod_check CHECK (cod_amount >= 0),
  fee               bigint NOT NULL CONSTRAINT postal_order_fee_check CHECK (fee >= 0),
  -- The seq of the `paymentRequested` action the COD settles, when there is one.
  payment_request_seq integer,
  created_by        uuid CONSTRAINT postal_order_created_by_fk REFERENCES account (id),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX postal_order_dossier_idx ON postal_order (dossier_id, created_at);
-- One live order per dossier and purpose: a second one needs the first cancelled or failed.
CREATE UNIQUE INDEX postal_order_live_key ON postal_order (dossier_id, purpose) WHERE status NOT IN ('failed', 'cancelled');

-- Every tracking callback (raw body kept), and the outcome of applying it. The operator's event id makes a
-- repeated callback a no-op; forged ones are kept with a null order for inspection.
CREATE TABLE postal_event (
  id                bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT postal_event_pk PRIMARY KEY,
  postal_order_id   uuid CONSTRAINT postal_event_order_fk REFERENCES postal_order (id),
  operator_event_id text,
  status_code       text,
  outcome           text NOT NULL,
  detail            jsonb NOT NULL,
  at                timestamptz NOT NULL
);
CREATE UNIQUE INDEX postal_event_operator_event_key ON postal_event (operator_event_id) WHERE outcome <> 'forged';
CREATE INDEX postal_event_order_idx ON postal_event (postal_order_id, id);

-- Fees collected by the post on delivery are recorded as payments (method post-cod), once per order.
ALTER TABLE payment DROP CONSTRAINT payment_method_check;
ALTER TABLE payment ADD CONSTRAINT payment_method_check CHECK (method IN ('online-gateway', 'national-platform', 'counter', 'post-cod'));

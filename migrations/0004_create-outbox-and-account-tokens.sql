-- Transactional outbox (ARCHITECTURE principle 5): a message is written in the same transaction as the change
-- that causes it and delivered later by a worker, so a rolled-back request sends nothing and a retried one
-- (same idempotency key) never sends twice.
CREATE TABLE outbox_message (
  id               bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT outbox_message_pk PRIMARY KEY,
  topic            text NOT NULL,
  payload          jsonb NOT NULL,
  idempotency_key  text NOT NULL CONSTRAINT outbox_message_idempotency_key UNIQUE,
  status           text NOT NULL DEFAULT 'pending' CONSTRAINT outbox_message_status_check CHECK (status IN ('pending', 'sent', 'dead')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  last_error       text,
  created_at       timestamptz NOT NULL,
  sent_at          timestamptz
);
CREATE INDEX outbox_message_due_idx ON outbox_message (next_attempt_at) WHERE status = 'pending';

-- Single-use links sent to a person (verify an e-mail address, set a password). Only a hash of the token is
-- stored (SEC-02): the table cannot be replayed as links.
CREATE TABLE account_token (
  token_hash  text CONSTRAINT account_token_pk PRIMARY KEY,
  account_id  uuid NOT NULL CONSTRAINT account_token_account_fk REFERENCES account (id),
  purpose     text NOT NULL CONSTRAINT account_token_purpose_check CHECK (purpose IN ('verifyContact', 'setPassword')),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL
);
CREATE INDEX account_token_account_idx ON account_token (account_id, purpose);

-- The live 6-digit code sent by SMS to confirm a phone number: one per account, limited tries.
CREATE TABLE phone_verification_code (
  account_id  uuid CONSTRAINT phone_verification_code_pk PRIMARY KEY CONSTRAINT phone_verification_code_account_fk REFERENCES account (id),
  code_hash   text NOT NULL,
  expires_at  timestamptz NOT NULL,
  attempts    integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL
);

-- Every security message sent about an account (verification, reset, "someone used your address"), counted to
-- cap them per account and hour whatever IP the requests come from.
CREATE TABLE account_message_log (
  account_id  uuid NOT NULL CONSTRAINT account_message_log_account_fk REFERENCES account (id),
  kind        text NOT NULL,
  sent_at     timestamptz NOT NULL
);
CREATE INDEX account_message_log_account_idx ON account_message_log (account_id, sent_at);

-- Append-only, tamper-evident audit trail (issue 3 §5; ST-M3): each entry carries the SHA-256 of its content
-- chained to the previous entry's hash, so changing or removing a row breaks `opendvc audit verify`.
CREATE TABLE audit_entry (
  id           bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT audit_entry_pk PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_id     text,
  actor_label  text NOT NULL,
  ip           text,
  user_agent   text,
  action       text NOT NULL,
  target_type  text,
  target_id    text,
  before       jsonb,
  after        jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL CONSTRAINT audit_entry_hash_key UNIQUE
);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, at);
CREATE INDEX audit_entry_target_idx ON audit_entry (target_type, target_id, at);

-- One row holding the newest hash: writers lock it, so concurrent appends form one chain, never a fork.
CREATE TABLE audit_chain_head (
  id    integer CONSTRAINT audit_chain_head_pk PRIMARY KEY CONSTRAINT audit_chain_head_single_check CHECK (id = 1),
  hash  text NOT NULL
);
INSERT INTO audit_chain_head (id, hash) VALUES (1, repeat('0', 64));

-- The application never updates or deletes audit rows; the database refuses it too.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

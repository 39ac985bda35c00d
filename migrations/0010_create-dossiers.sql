-- E-dossiers (issue 4; ARCHITECTURE principle 1): a header plus an append-only list of actions. Status, dates and
-- the due date in the header are a projection of the actions, written in the same transaction (ST-M3).
CREATE TABLE dossier (
  id                    uuid CONSTRAINT dossier_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  -- CODE-02: every dossier has a reference from its first draft; the dossier code comes only at acceptance.
  reference             text NOT NULL CONSTRAINT dossier_reference_key UNIQUE,
  code                  text CONSTRAINT dossier_code_key UNIQUE,
  procedure_id          bigint NOT NULL CONSTRAINT dossier_procedure_fk REFERENCES procedure (id),
  -- S-a: the version in force when the dossier was filed; it never changes afterwards.
  procedure_version_id  bigint NOT NULL CONSTRAINT dossier_procedure_version_fk REFERENCES procedure_version (id),
  case_code             text NOT NULL,
  applicant_account_id  uuid CONSTRAINT dossier_applicant_fk REFERENCES account (id),
  applicant             jsonb NOT NULL,
  channel               text NOT NULL CONSTRAINT dossier_channel_check CHECK (channel IN ('online', 'desk', 'postal')),
  receiving_agency_id   bigint NOT NULL CONSTRAINT dossier_receiving_agency_fk REFERENCES agency (id),
  summary               text NOT NULL DEFAULT '',
  form_data             jsonb NOT NULL DEFAULT '{}',
  -- The client's key for the submission: a double click or a retried request finds this dossier again.
  idempotency_key       text,
  -- Projection (SYNC-02 names: NgayNopHoSo, NgayTiepNhan, NgayHenTra, NgayKetThucXuLy, NgayTra, NgayTuChoi).
  status                smallint NOT NULL CONSTRAINT dossier_status_check CHECK (status BETWEEN 0 AND 10),
  submitted_at          timestamptz,
  received_at           timestamptz,
  due_at                timestamptz,
  original_due_at       timestamptz,
  resolved_at           timestamptz,
  returned_at           timestamptz,
  refused_at            timestamptz,
  stopped_at            timestamptz,
  action_count          integer NOT NULL DEFAULT 0,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL
);
CREATE UNIQUE INDEX dossier_idempotency_key ON dossier (applicant_account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX dossier_applicant_idx ON dossier (applicant_account_id, created_at DESC);
CREATE INDEX dossier_queue_idx ON dossier (receiving_agency_id, status, due_at);

CREATE TABLE dossier_action (
  id           bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT dossier_action_pk PRIMARY KEY,
  dossier_id   uuid NOT NULL CONSTRAINT dossier_action_dossier_fk REFERENCES dossier (id),
  seq          integer NOT NULL,
  kind         text NOT NULL,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  actor_label  text NOT NULL,
  from_status  smallint NOT NULL,
  to_status    smallint NOT NULL,
  reason       text,
  payload      jsonb NOT NULL DEFAULT '{}',
  CONSTRAINT dossier_action_seq_key UNIQUE (dossier_id, seq)
);

CREATE FUNCTION dossier_action_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_action is append-only';
END $$;
CREATE TRIGGER dossier_action_append_only BEFORE UPDATE OR DELETE ON dossier_action
  FOR EACH ROW EXECUTE FUNCTION dossier_action_refuse_change();

-- CODE-01: the day's sequence per receiving agency. Taken by an UPDATE of this row inside the accepting
-- transaction, so concurrent receptions queue on the row lock, a rollback gives the number back, and the codes
-- stay unique and gap-free across every app instance.
CREATE TABLE dossier_code_counter (
  agency_id  bigint NOT NULL CONSTRAINT dossier_code_counter_agency_fk REFERENCES agency (id),
  day        date NOT NULL,
  last       integer NOT NULL,
  CONSTRAINT dossier_code_counter_pk PRIMARY KEY (agency_id, day)
);

-- Notifications (issue 4 §5-6; P-12, ST-01..ST-10): the in-app inbox of every account, applicant or officer, and
-- the record of the due-soon / overdue warnings already given, so the 15-minute job warns once per due date.
CREATE TABLE notification (
  id            bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT notification_pk PRIMARY KEY,
  account_id    uuid NOT NULL CONSTRAINT notification_account_fk REFERENCES account (id),
  -- What it is about: a dossier action ('dossier.received', …) or a warning ('warning.dueSoon', 'warning.overdue').
  kind          text NOT NULL,
  dossier_id    uuid CONSTRAINT notification_dossier_fk REFERENCES dossier (id),
  -- The dossier's code once received, else its reference: shown as is, never looked up again.
  dossier_label text,
  title         text NOT NULL,
  body          text NOT NULL,
  -- A path inside the portal (never an outside address).
  link          text,
  -- One notification per event and recipient: a replayed event writes nothing more.
  dedup_key     text NOT NULL CONSTRAINT notification_dedup_key UNIQUE,
  created_at    timestamptz NOT NULL,
  read_at       timestamptz
);
CREATE INDEX notification_account_idx ON notification (account_id, created_at DESC, id DESC);
-- The unread count in the header of every page: one index-only count.
CREATE INDEX notification_unread_idx ON notification (account_id) WHERE read_at IS NULL;

-- A warning given for one due date of a dossier: its own (due_at, scope 'dossier') or its current step's
-- (step_due_at, scope 'step'). A new due date (extension, recomputation, next step) is a new row, so a new warning.
CREATE TABLE dossier_warning (
  dossier_id  uuid NOT NULL CONSTRAINT dossier_warning_dossier_fk REFERENCES dossier (id),
  scope       text NOT NULL CONSTRAINT dossier_warning_scope_check CHECK (scope IN ('dossier', 'step')),
  level       text NOT NULL CONSTRAINT dossier_warning_level_check CHECK (level IN ('dueSoon', 'overdue')),
  due_at      timestamptz NOT NULL,
  warned_at   timestamptz NOT NULL,
  CONSTRAINT dossier_warning_pk PRIMARY KEY (dossier_id, scope, level, due_at)
);

-- The documents of a dossier (issue 4 §3-5; P-04, S-d, FORM-02): the applicant's components, the desk's scans of
-- paper components, the notices issued (Mẫu 01-06) and the result. The bytes are stored files (0011); a row says
-- what a file is to this dossier and which action brought it. Rows are never deleted: a file taken off a draft
-- keeps its row with removed_at, so the record of what was once attached survives.
CREATE TABLE dossier_file (
  id              bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT dossier_file_pk PRIMARY KEY,
  dossier_id      uuid NOT NULL CONSTRAINT dossier_file_dossier_fk REFERENCES dossier (id),
  stored_file_id  uuid NOT NULL CONSTRAINT dossier_file_stored_file_fk REFERENCES stored_file (id),
  purpose         text NOT NULL CONSTRAINT dossier_file_purpose_check CHECK (purpose IN ('component', 'notice', 'result', 'internal')),
  -- The procedure's component (TP1...) a component file is for; null for notices, results and internal files.
  component_code  text,
  -- The action that issued or accepted it (a notice's action, the supplement that brought it, the result's action).
  action_seq      integer,
  added_by        uuid CONSTRAINT dossier_file_added_by_fk REFERENCES account (id),
  added_at        timestamptz NOT NULL,
  removed_at      timestamptz
);
CREATE INDEX dossier_file_dossier_idx ON dossier_file (dossier_id, purpose);
CREATE INDEX dossier_file_stored_file_idx ON dossier_file (stored_file_id);

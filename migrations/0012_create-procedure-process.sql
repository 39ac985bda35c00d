-- Procedures' internal process (issue 4 §2; S-b, DL-08): ordered steps, each with its unit, role, time budget and
-- allowed next steps. A process belongs to the procedure, not to a catalogue version, because the catalogue is
-- re-imported from the national database while the process is the province's own. Editing makes a new version;
-- a dossier pins the version in force when it was filed, so changing the process never moves a dossier in flight.
CREATE TABLE procedure_process (
  id                bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT procedure_process_pk PRIMARY KEY,
  procedure_id      bigint NOT NULL CONSTRAINT procedure_process_procedure_fk REFERENCES procedure (id),
  version           integer NOT NULL,
  status            text NOT NULL CONSTRAINT procedure_process_status_check CHECK (status IN ('draft', 'published', 'superseded')),
  definition        jsonb NOT NULL,
  note              text NOT NULL DEFAULT '',
  changed_by        uuid CONSTRAINT procedure_process_changed_by_fk REFERENCES account (id),
  changed_by_label  text NOT NULL,
  changed_at        timestamptz NOT NULL,
  CONSTRAINT procedure_process_version_key UNIQUE (procedure_id, version)
);
CREATE UNIQUE INDEX procedure_process_one_published_idx ON procedure_process (procedure_id) WHERE status = 'published';

-- Where a dossier is and who holds it, projected from its actions like the status (ST-M3). The desk is the
-- one-stop unit that receives and returns (the province's service centre for provincial procedures); the
-- current unit is the unit of the current step. Officers of any of the three may act within their roles.
ALTER TABLE dossier ADD COLUMN process_id bigint CONSTRAINT dossier_process_fk REFERENCES procedure_process (id);
ALTER TABLE dossier ADD COLUMN desk_agency_id bigint CONSTRAINT dossier_desk_agency_fk REFERENCES agency (id);
UPDATE dossier SET desk_agency_id = receiving_agency_id;
ALTER TABLE dossier ALTER COLUMN desk_agency_id SET NOT NULL;
ALTER TABLE dossier ADD COLUMN current_step text;
ALTER TABLE dossier ADD COLUMN current_agency_id bigint CONSTRAINT dossier_current_agency_fk REFERENCES agency (id);
ALTER TABLE dossier ADD COLUMN assignee_id uuid CONSTRAINT dossier_assignee_fk REFERENCES account (id);
ALTER TABLE dossier ADD COLUMN step_started_at timestamptz;
-- DL-08: the current step's own due time, beside the dossier's.
ALTER TABLE dossier ADD COLUMN step_due_at timestamptz;

CREATE INDEX dossier_desk_queue_idx ON dossier (desk_agency_id, status, due_at);
CREATE INDEX dossier_current_unit_idx ON dossier (current_agency_id, current_step, status);
CREATE INDEX dossier_assignee_idx ON dossier (assignee_id, status) WHERE assignee_id IS NOT NULL;

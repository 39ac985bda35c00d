-- Cover for an absent colleague (issue 4 §2 "Assignment"): a leader of a unit records that an officer is away
-- from one date to another and who covers. While it runs (today between starts_on and ends_on, not ended early),
-- the covering officer sees the absent officer's dossiers at that unit in "my queue" and acts on them as holder.
-- Rows are never deleted: ending an absence early stamps ended_at, so who covered what stays on record.
CREATE TABLE officer_absence (
  id                   bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT officer_absence_pk PRIMARY KEY,
  agency_id            bigint NOT NULL CONSTRAINT officer_absence_agency_fk REFERENCES agency (id),
  officer_id           uuid NOT NULL CONSTRAINT officer_absence_officer_fk REFERENCES account (id),
  covering_officer_id  uuid NOT NULL CONSTRAINT officer_absence_covering_fk REFERENCES account (id),
  -- Local (Asia/Ho_Chi_Minh) calendar dates, both included.
  starts_on            date NOT NULL,
  ends_on              date NOT NULL,
  reason               text NOT NULL,
  set_by               uuid NOT NULL CONSTRAINT officer_absence_set_by_fk REFERENCES account (id),
  set_at               timestamptz NOT NULL,
  ended_at             timestamptz,
  ended_by             uuid CONSTRAINT officer_absence_ended_by_fk REFERENCES account (id),
  CONSTRAINT officer_absence_dates_check CHECK (ends_on >= starts_on),
  CONSTRAINT officer_absence_not_self_check CHECK (officer_id <> covering_officer_id)
);
CREATE INDEX officer_absence_agency_idx ON officer_absence (agency_id, ends_on);
CREATE INDEX officer_absence_covering_idx ON officer_absence (covering_officer_id, ends_on) WHERE ended_at IS NULL;
CREATE INDEX officer_absence_officer_idx ON officer_absence (officer_id, ends_on) WHERE ended_at IS NULL;

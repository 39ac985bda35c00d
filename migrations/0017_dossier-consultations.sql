-- Processing a dossier (issue 4 §5): a specialist may ask another unit for its opinion, with the answer's own
-- deadline (DL-08). Until it answers, that unit's officers may read the dossier. The consultations themselves are
-- actions (consultationRequested / consultationAnswered); this column is their projection, like the status, so the
-- access check needs no second query.
ALTER TABLE dossier ADD COLUMN consulting_agency_ids bigint[] NOT NULL DEFAULT '{}';
CREATE INDEX dossier_consulting_agency_idx ON dossier USING gin (consulting_agency_ids) WHERE cardinality(consulting_agency_ids) > 0;

-- Walk-in and postal reception, the officers' dossier search and the desk's register (issue 4 §4, §5, §6; S-b, S-g, S-i).

-- A dossier the desk enters for someone at the counter or by post usually has no applicant account, so the
-- idempotency key of the officer's form must be unique on its own: a double click never makes two dossiers.
CREATE UNIQUE INDEX dossier_counter_idempotency_key ON dossier (idempotency_key) WHERE channel <> 'online' AND idempotency_key IS NOT NULL;

-- Officers find dossiers by the applicant's name typed without diacritics ("nguyen van an" finds "Nguyễn Văn An").
ALTER TABLE dossier ADD COLUMN applicant_name_folded text GENERATED ALWAYS AS (vn_fold(applicant ->> 'name')) STORED;
CREATE INDEX dossier_applicant_name_trgm_idx ON dossier USING gin (applicant_name_folded gin_trgm_ops);
-- ... by the identification number in the applicant snapshot (CCCD or tax code) ...
CREATE INDEX dossier_applicant_personal_id_idx ON dossier ((applicant ->> 'personalId'));
CREATE INDEX dossier_applicant_tax_code_idx ON dossier ((applicant ->> 'taxCode'));
-- ... and by the period they were received in (search, the register Mẫu 06).
CREATE INDEX dossier_received_at_idx ON dossier (received_at);

-- A counter dossier is linked to the citizen whose VERIFIED identity number it carries (never a declared one).
CREATE INDEX profile_attribute_verified_value_idx ON profile_attribute (name, value) WHERE verified;

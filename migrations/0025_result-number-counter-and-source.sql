-- Issue 5 §1 (P-16, P-17). Two things about result documents.
--
-- 1. Result numbers "N/YYYY/KQ" come from a counter per agency and year, taken with one atomic upsert
--    (INSERT … ON CONFLICT DO UPDATE … RETURNING): two leaders of one agency signing at the same instant each get
--    their own number, where reading max(number) + 1 gave both the same one and the second insert a 500.
--    The counter starts from the numbers already issued.
CREATE TABLE result_number_counter (
  agency_id    bigint NOT NULL CONSTRAINT result_number_counter_agency_fk REFERENCES agency (id),
  year         integer NOT NULL,
  last_number  integer NOT NULL CONSTRAINT result_number_counter_last_check CHECK (last_number > 0),
  CONSTRAINT result_number_counter_pk PRIMARY KEY (agency_id, year)
);
INSERT INTO result_number_counter (agency_id, year, last_number)
SELECT agency_id, split_part(number, '/', 2)::integer, max(split_part(number, '/', 1)::integer)
FROM result_document
WHERE number ~ '^[0-9]+/[0-9]{4}/KQ$'
GROUP BY agency_id, split_part(number, '/', 2)::integer;

-- 2. Where the signed file came from: generated from the template, or a PDF the leader uploaded (signed as is; its
--    number and QR code are on the verification page, not stamped into the file).
ALTER TABLE result_document ADD COLUMN source text NOT NULL DEFAULT 'template'
  CONSTRAINT result_document_source_check CHECK (source IN ('template', 'upload'));

-- Catalogue of agencies, sectors and versioned administrative procedures (S-a, S-e, P-02, P-03, P-10).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change), so it cannot back an index or a generated column.
-- We pin the dictionary and declare the wrapper IMMUTABLE: "Hộ Khẩu", "ho khau" and "HO KHẨU" fold alike.
CREATE FUNCTION vn_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(unaccent('unaccent'::regdictionary, input)) $$;

CREATE TABLE agency (
  id          bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT agency_pk PRIMARY KEY,
  code        text NOT NULL CONSTRAINT agency_code_key UNIQUE,
  name        text NOT NULL,
  name_en     text,
  short_name  text NOT NULL,
  kind        text NOT NULL CONSTRAINT agency_kind_check CHECK (kind IN ('province', 'department', 'serviceCentre', 'district', 'commune')),
  parent_id   bigint CONSTRAINT agency_parent_fk REFERENCES agency (id),
  address     text NOT NULL DEFAULT '',
  phone       text NOT NULL DEFAULT '',
  email       text NOT NULL DEFAULT '',
  valid_from  date NOT NULL,
  valid_to    date,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT agency_validity_check CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX agency_parent_idx ON agency (parent_id);

CREATE TABLE sector (
  id          bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT sector_pk PRIMARY KEY,
  code        text NOT NULL CONSTRAINT sector_code_key UNIQUE,
  name        text NOT NULL,
  name_en     text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE procedure (
  id                  bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT procedure_pk PRIMARY KEY,
  code                text NOT NULL CONSTRAINT procedure_code_key UNIQUE,
  created_at          timestamptz NOT NULL DEFAULT now(),
  -- Projection of the published version, for listing, search and facets; rewritten on every publish.
  published_version_id bigint,
  name                text,
  name_en             text,
  sector_id           bigint CONSTRAINT procedure_sector_fk REFERENCES sector (id),
  level               text,
  online_level        text,
  applicant_types     text[] NOT NULL DEFAULT '{}',
  agency_ids          bigint[] NOT NULL DEFAULT '{}',
  search_text         text NOT NULL DEFAULT '',
  name_folded         text GENERATED ALWAYS AS (vn_fold(coalesce(name, ''))) STORED,
  search_folded       text GENERATED ALWAYS AS (vn_fold(search_text)) STORED
);
CREATE INDEX procedure_search_trgm_idx ON procedure USING gin (search_folded gin_trgm_ops);
CREATE INDEX procedure_sector_idx ON procedure (sector_id);

CREATE TABLE procedure_version (
  id            bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT procedure_version_pk PRIMARY KEY,
  procedure_id  bigint NOT NULL CONSTRAINT procedure_version_procedure_fk REFERENCES procedure (id),
  version       integer NOT NULL,
  status        text NOT NULL CONSTRAINT procedure_version_status_check CHECK (status IN ('draft', 'published', 'superseded')),
  definition    jsonb NOT NULL,
  content_hash  text NOT NULL,
  source        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  published_at  timestamptz,
  CONSTRAINT procedure_version_number_key UNIQUE (procedure_id, version)
);
-- At most one published version per procedure: dossiers pin the version in force when they are received.
CREATE UNIQUE INDEX procedure_version_one_published_idx ON procedure_version (procedure_id) WHERE status = 'published';

ALTER TABLE procedure ADD CONSTRAINT procedure_published_version_fk FOREIGN KEY (published_version_id) REFERENCES procedure_version (id);

-- People still type "hộ khẩu" for residence registration: synonyms are catalogue data an administrator edits.
CREATE TABLE search_synonym (
  id          bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT search_synonym_pk PRIMARY KEY,
  term        text NOT NULL,
  term_folded text GENERATED ALWAYS AS (vn_fold(term)) STORED,
  expansions  text[] NOT NULL,
  CONSTRAINT search_synonym_term_key UNIQUE (term)
);

-- Bumped in the same transaction as any catalogue change; app instances compare it to refresh their caches.
CREATE TABLE catalog_revision (
  id          integer CONSTRAINT catalog_revision_pk PRIMARY KEY CONSTRAINT catalog_revision_single_check CHECK (id = 1),
  revision    bigint NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO catalog_revision (id, revision) VALUES (1, 0);

-- Portal identity (OTHER-04): province name, owner, address, hotline…, edited by the province administrator.
CREATE TABLE portal_setting (
  key         text CONSTRAINT portal_setting_pk PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Signed electronic results and their verification (issue 5 §1; P-16, S-d, OTHER-06).

-- The certificates agencies sign results with. The PKCS#12 is kept as imported; its passphrase is sealed
-- (AES-256-GCM) under a key derived from the app's secret (COOKIE_SECRET), never stored in clear — or, for the
-- demo province only, under a fixed demo key ('demo'), which production refuses. Each certificate also carries the
-- agency's key for the verification token of the QR code (EdDSA, published in the JWKS by kid); retired rows stay
-- so that tokens issued under them still verify.
CREATE TABLE agency_certificate (
  id                  bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT agency_certificate_pk PRIMARY KEY,
  agency_id           bigint NOT NULL CONSTRAINT agency_certificate_agency_fk REFERENCES agency (id),
  pkcs12              bytea NOT NULL,
  passphrase_sealed   text NOT NULL,
  sealed_with         text NOT NULL CONSTRAINT agency_certificate_sealed_with_check CHECK (sealed_with IN ('appSecret', 'demo')),
  subject             text NOT NULL,
  issuer              text NOT NULL,
  serial              text NOT NULL,
  not_before          timestamptz NOT NULL,
  not_after           timestamptz NOT NULL,
  token_kid           text NOT NULL CONSTRAINT agency_certificate_token_kid_key UNIQUE,
  token_public_jwk    jsonb NOT NULL,
  token_private_sealed text NOT NULL,
  added_at            timestamptz NOT NULL,
  -- Set when a newer certificate of the agency takes over; the newest unretired row signs.
  retired_at          timestamptz
);
CREATE INDEX agency_certificate_agency_idx ON agency_certificate (agency_id, added_at);

-- Root certificates a verifier should trust (the demo CA, or the CAs of imported certificates), published at
-- /xac-minh/chung-thu-so-goc.pem.
CREATE TABLE result_trust_anchor (
  id           bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT result_trust_anchor_pk PRIMARY KEY,
  subject      text NOT NULL,
  certificate  bytea NOT NULL,
  sha256       text NOT NULL CONSTRAINT result_trust_anchor_sha256_key UNIQUE,
  added_at     timestamptz NOT NULL
);

-- A signed result document (Giấy tờ, văn bản kết quả giải quyết TTHC). The signed PDF is a stored file (0011)
-- linked to the dossier as purpose 'result' (0013). Revocation and replacement change status here and append an
-- action to the dossier (resultRevoked, resultReplaced); the row itself is never deleted.
CREATE TABLE result_document (
  id                    uuid CONSTRAINT result_document_pk PRIMARY KEY,
  dossier_id            uuid NOT NULL CONSTRAINT result_document_dossier_fk REFERENCES dossier (id),
  agency_id             bigint NOT NULL CONSTRAINT result_document_agency_fk REFERENCES agency (id),
  number                text NOT NULL,
  title                 text NOT NULL,
  issued_at             timestamptz NOT NULL,
  recipient_name        text NOT NULL,
  -- CCCD or tax code as filed; shown masked on the public page.
  recipient_id          text,
  recipient_account_id  uuid CONSTRAINT result_document_recipient_fk REFERENCES account (id),
  stored_file_id        uuid NOT NULL CONSTRAINT result_document_stored_file_fk REFERENCES stored_file (id),
  sha256                text NOT NULL CONSTRAINT result_document_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  status                text NOT NULL DEFAULT 'valid' CONSTRAINT result_document_status_check CHECK (status IN ('valid', 'revoked', 'replaced')),
  status_reason         text,
  status_changed_at     timestamptz,
  replaced_by           uuid CONSTRAINT result_document_replaced_by_fk REFERENCES result_document (id),
  replaces              uuid CONSTRAINT result_document_replaces_fk REFERENCES result_document (id),
  certificate_id        bigint NOT NULL CONSTRAINT result_document_certificate_fk REFERENCES agency_certificate (id),
  signer_subject        text NOT NULL,
  signer_serial         text NOT NULL,
  signed_by             uuid CONSTRAINT result_document_signed_by_fk REFERENCES account (id),
  action_seq            integer NOT NULL,
  CONSTRAINT result_document_number_key UNIQUE (agency_id, number),
  CONSTRAINT result_document_status_reason_check CHECK (status = 'valid' OR status_reason IS NOT NULL)
);
CREATE INDEX result_document_dossier_idx ON result_document (dossier_id, issued_at);
CREATE INDEX result_document_recipient_idx ON result_document (recipient_account_id, issued_at);

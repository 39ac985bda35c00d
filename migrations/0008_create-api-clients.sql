-- API clients of other systems (issue 3 §3): the national TTHC database feed, provincial integrations. A client
-- authenticates with an API key or by OAuth 2.0 client credentials, holds only its scopes and can be revoked at
-- once. Only SHA-256 hashes of secrets and access tokens are stored (they are 256-bit random, so a plain hash is
-- enough: there is nothing to brute-force).
CREATE TABLE api_client (
  id            uuid CONSTRAINT api_client_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Printed inside the key (odvc_<public_id>_<secret>) and used as the OAuth client_id: finds the row by index.
  public_id     text NOT NULL CONSTRAINT api_client_public_id_key UNIQUE,
  name          text NOT NULL,
  agency_id     bigint CONSTRAINT api_client_agency_fk REFERENCES agency (id),
  kind          text NOT NULL CONSTRAINT api_client_kind_check CHECK (kind IN ('apiKey', 'oauthClient')),
  scopes        text[] NOT NULL CONSTRAINT api_client_scopes_check CHECK (cardinality(scopes) > 0),
  secret_hash   text NOT NULL,
  created_by    uuid CONSTRAINT api_client_created_by_fk REFERENCES account (id),
  created_at    timestamptz NOT NULL,
  revoked_by    uuid CONSTRAINT api_client_revoked_by_fk REFERENCES account (id),
  revoked_at    timestamptz,
  last_used_at  timestamptz
);

-- Opaque bearer tokens issued by POST /oauth/token; a token carries the (possibly narrowed) scopes it was issued for.
CREATE TABLE api_access_token (
  token_hash  text CONSTRAINT api_access_token_pk PRIMARY KEY,
  client_id   uuid NOT NULL CONSTRAINT api_access_token_client_fk REFERENCES api_client (id),
  scopes      text[] NOT NULL,
  issued_at   timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX api_access_token_client_idx ON api_access_token (client_id);

INSERT INTO role_permission (role_code, permission) VALUES ('provinceAdmin', 'apiClient.manage');

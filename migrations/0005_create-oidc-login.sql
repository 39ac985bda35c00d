-- Sign-in through OpenID Connect (issue 3 §1-2, G-10, P-06, P-13).

-- A login in flight between the redirect to the identity provider and its callback. It lives in the database,
-- not in process memory, so any app instance can finish it. The key is the SHA-256 of a random value held
-- only in the browser's short-lived HttpOnly cookie: a callback from another browser finds no row.
CREATE TABLE oidc_login (
  key_hash         text CONSTRAINT oidc_login_pk PRIMARY KEY,
  provider         text NOT NULL CONSTRAINT oidc_login_provider_check CHECK (provider IN ('citizen', 'officer')),
  state            text NOT NULL,
  nonce            text NOT NULL,
  code_verifier    text NOT NULL,
  redirect_uri     text NOT NULL,
  return_to        text,
  -- Set when a signed-in person asked to link the provider to their account from the account page.
  link_account_id  uuid CONSTRAINT oidc_login_link_account_fk REFERENCES account (id),
  created_at       timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL,
  used_at          timestamptz
);
CREATE INDEX oidc_login_expires_idx ON oidc_login (expires_at);

-- One subject per provider and account: linking a second identity of the same provider is refused.
CREATE UNIQUE INDEX external_identity_account_provider_key ON external_identity (account_id, provider);

-- What RP-initiated logout needs to end the provider's session too (cleared when the session ends).
ALTER TABLE session ADD COLUMN oidc_provider text;
ALTER TABLE session ADD COLUMN oidc_id_token text;

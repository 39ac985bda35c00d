-- Accounts, profiles, roles and sessions (P-06, P-13, S-f, G-10, SEC-01..03).
CREATE TABLE account (
  id                    uuid CONSTRAINT account_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                  text NOT NULL CONSTRAINT account_kind_check CHECK (kind IN ('citizen', 'business', 'officer')),
  status                text NOT NULL DEFAULT 'active' CONSTRAINT account_status_check CHECK (status IN ('pending', 'active', 'disabled', 'closed')),
  display_name          text NOT NULL,
  email                 text,
  email_verified_at     timestamptz,
  phone                 text,
  password_hash         text,
  failed_sign_ins       integer NOT NULL DEFAULT 0,
  locked_until          timestamptz,
  totp_secret           text,
  totp_enabled_at       timestamptz,
  totp_last_step        bigint,
  recovery_code_hashes  text[] NOT NULL DEFAULT '{}',
  notification_channels text[] NOT NULL DEFAULT '{email,inApp}',
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  closed_at             timestamptz
);
-- One live account per e-mail address and per phone number (closed accounts release them).
CREATE UNIQUE INDEX account_email_key ON account (lower(email)) WHERE email IS NOT NULL AND status <> 'closed';
CREATE UNIQUE INDEX account_phone_key ON account (phone) WHERE phone IS NOT NULL AND status <> 'closed';

-- A subject at an identity provider (VNeID/DVCQG, the province's officer SSO) linked to an account.
CREATE TABLE external_identity (
  provider    text NOT NULL,
  subject     text NOT NULL,
  account_id  uuid NOT NULL CONSTRAINT external_identity_account_fk REFERENCES account (id),
  linked_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT external_identity_pk PRIMARY KEY (provider, subject)
);
CREATE INDEX external_identity_account_idx ON external_identity (account_id);

-- Profile data with its provenance (P-01): `verified` values come from an identity provider or a national
-- database (source and time kept) and lock e-form fields; `declared` values were typed by the person.
CREATE TABLE profile_attribute (
  account_id   uuid NOT NULL CONSTRAINT profile_attribute_account_fk REFERENCES account (id),
  name         text NOT NULL,
  verified     boolean NOT NULL,
  value        text NOT NULL,
  source       text NOT NULL,
  recorded_at  timestamptz NOT NULL,
  CONSTRAINT profile_attribute_pk PRIMARY KEY (account_id, name, verified)
);

-- Permissions are data: a role grants permissions, an officer holds a role at an agency, and the grant covers
-- that agency's whole subtree.
CREATE TABLE role (
  code     text CONSTRAINT role_pk PRIMARY KEY,
  name     text NOT NULL,
  name_en  text NOT NULL
);
CREATE TABLE role_permission (
  role_code   text NOT NULL CONSTRAINT role_permission_role_fk REFERENCES role (code),
  permission  text NOT NULL,
  CONSTRAINT role_permission_pk PRIMARY KEY (role_code, permission)
);
CREATE TABLE officer_role (
  account_id  uuid NOT NULL CONSTRAINT officer_role_account_fk REFERENCES account (id),
  agency_id   bigint NOT NULL CONSTRAINT officer_role_agency_fk REFERENCES agency (id),
  role_code   text NOT NULL CONSTRAINT officer_role_role_fk REFERENCES role (code),
  granted_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT officer_role_pk PRIMARY KEY (account_id, agency_id, role_code)
);
CREATE INDEX officer_role_agency_idx ON officer_role (agency_id);

INSERT INTO role (code, name, name_en) VALUES
  ('reception', 'Cán bộ Bộ phận Một cửa', 'One-stop desk officer'),
  ('specialist', 'Chuyên viên thụ lý', 'Handling officer'),
  ('leader', 'Lãnh đạo đơn vị', 'Unit leader'),
  ('clerk', 'Văn thư', 'Clerk'),
  ('agencyAdmin', 'Quản trị cơ quan', 'Agency administrator'),
  ('provinceAdmin', 'Quản trị cấp tỉnh', 'Province administrator'),
  ('reportViewer', 'Xem báo cáo', 'Report viewer');

INSERT INTO role_permission (role_code, permission) VALUES
  ('reception', 'dossier.receive'), ('reception', 'dossier.read'), ('reception', 'dossier.return'),
  ('specialist', 'dossier.read'), ('specialist', 'dossier.process'),
  ('leader', 'dossier.read'), ('leader', 'dossier.assign'), ('leader', 'dossier.approve'), ('leader', 'report.read'),
  ('clerk', 'dossier.read'), ('clerk', 'dossier.register'),
  ('agencyAdmin', 'officer.manage'), ('agencyAdmin', 'audit.read'), ('agencyAdmin', 'report.read'),
  ('provinceAdmin', 'officer.manage'), ('provinceAdmin', 'role.manage'), ('provinceAdmin', 'catalog.manage'),
  ('provinceAdmin', 'audit.read'), ('provinceAdmin', 'report.read'), ('provinceAdmin', 'calendar.manage'),
  ('reportViewer', 'report.read');

-- Server-side sessions shared by every app instance. Only a hash of the cookie token is stored.
CREATE TABLE session (
  token_hash           text CONSTRAINT session_pk PRIMARY KEY,
  account_id           uuid NOT NULL CONSTRAINT session_account_fk REFERENCES account (id),
  created_at           timestamptz NOT NULL,
  last_seen_at         timestamptz NOT NULL,
  absolute_expires_at  timestamptz NOT NULL,
  mfa_verified         boolean NOT NULL DEFAULT false,
  ip                   text,
  user_agent           text,
  revoked_at           timestamptz
);
CREATE INDEX session_account_idx ON session (account_id) WHERE revoked_at IS NULL;

-- Editable notification templates (issue 5 §3; P-05, G-07): an administrator's wording of one event's notice in
-- one language overrides the default kept in code (src/modules/notifications/dossier-messages.ts). No row means
-- the default; "reset to default" deletes the row. Every save and reset keeps the text before and after.
CREATE TABLE notification_template (
  kind       text NOT NULL,
  lang       text NOT NULL CONSTRAINT notification_template_lang_check CHECK (lang IN ('vi', 'en')),
  -- The in-app title and the e-mail subject.
  title      text NOT NULL,
  -- The opening of the e-mail and of the in-app entry; the dossier's facts follow it.
  lead       text NOT NULL,
  -- The SMS, folded to plain GSM-7 text when queued.
  sms        text NOT NULL,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL,
  CONSTRAINT notification_template_pk PRIMARY KEY (kind, lang)
);

-- Every earlier version: what the notice said before and after each change, by whom and when.
CREATE TABLE notification_template_change (
  id         bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT notification_template_change_pk PRIMARY KEY,
  kind       text NOT NULL,
  lang       text NOT NULL,
  action     text NOT NULL CONSTRAINT notification_template_change_action_check CHECK (action IN ('saved', 'reset')),
  -- {title, lead, sms} or null for the code's default.
  before     jsonb,
  after      jsonb,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX notification_template_change_idx ON notification_template_change (kind, lang, changed_at DESC);

-- Who may edit the templates: the province administrator (the model is 0015).
INSERT INTO role_permission (role_code, permission) VALUES ('provinceAdmin', 'notification.manage');

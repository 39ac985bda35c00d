-- Drafts of online dossiers (issue 4 §3): a draft is a dossier in status 0 whose e-form answers live in form_data and
-- are saved on every page. An applicant who deletes a draft never sees it again, but it is kept as a record (with
-- its actions and the files once attached): discarded_at marks it. Only status-0 dossiers are ever discarded.
ALTER TABLE dossier ADD COLUMN discarded_at timestamptz;
ALTER TABLE dossier ADD CONSTRAINT dossier_discarded_draft_check CHECK (discarded_at IS NULL OR status = 0);

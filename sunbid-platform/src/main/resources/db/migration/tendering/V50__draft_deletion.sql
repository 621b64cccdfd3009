-- A draft its owner deletes: the row stays (documents uploaded to it are append-only, and the log refers to it) but no
-- page or list shows it any more, and its project code is free for a new draft. Only a draft can be deleted.
ALTER TABLE tender ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE tender ADD COLUMN deleted_by VARCHAR(64);
ALTER TABLE tender ADD CONSTRAINT tender_deleted_only_draft CHECK (deleted_at IS NULL OR status = 'DRAFT');
ALTER TABLE tender DROP CONSTRAINT tender_project_code_key;
CREATE UNIQUE INDEX tender_project_code_live ON tender (project_code) WHERE deleted_at IS NULL;

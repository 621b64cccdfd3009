-- Issue 19 (review): a project manager's name alone is a fact of its own (two people may share a name; the registration
-- number decides), and an opened file the opening could not read is recorded rather than failing the opening.
-- PROJECT_MANAGER_NAME is 20 characters, the column's width.
ALTER TABLE bid_evidence DROP CONSTRAINT bid_evidence_kind_check;
ALTER TABLE bid_evidence ADD CONSTRAINT bid_evidence_kind_check CHECK (kind IN ('MAC', 'MACHINE_ID', 'DISK_ID',
    'MAKER_CODE', 'NO_FINGERPRINT', 'UPLOAD_IP', 'PROJECT_MANAGER', 'PROJECT_MANAGER_NAME', 'FILE', 'LINE', 'MENTION',
    'UNREADABLE'));

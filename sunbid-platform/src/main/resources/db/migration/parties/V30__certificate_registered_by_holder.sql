-- Who registered a certificate: the holder organisation itself (one of its own accounts) or someone on its behalf
-- (centre staff, an administrator). Opening-key shares are encrypted only to certificates the custodian registered
-- itself, so staff cannot slip in a certificate whose key they hold.
ALTER TABLE certificate ADD COLUMN registered_by_holder BOOLEAN NOT NULL DEFAULT FALSE;

-- Certificates already registered by one of the holder's own accounts were registered by the holder.
UPDATE certificate c SET registered_by_holder = TRUE
FROM account a WHERE a.username = c.created_by AND a.organisation_id IS NOT NULL AND a.organisation_id = c.organisation_id;

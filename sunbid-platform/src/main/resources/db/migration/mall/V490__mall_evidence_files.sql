-- Price evidence files kept (issue 22): the screenshot or PDF a supplier uploads with a listing is stored in the
-- platform's file store (content-addressed by its SM3, referenced in stored_file_reference as
-- 'mall.price-evidence:<evidence id>'), not only its SM3. Evidence given by its SM3 alone (the file kept elsewhere)
-- has no file here: the three columns are all null then.
ALTER TABLE mall_price_evidence
    ADD COLUMN file_name TEXT,                       -- the name it was uploaded under, cleaned
    ADD COLUMN file_type TEXT,                       -- the media type told by its content (PNG, JPEG, WebP, PDF)
    ADD COLUMN file_size BIGINT CHECK (file_size > 0),
    ADD CONSTRAINT mall_price_evidence_file_kept
        CHECK ((file_name IS NULL AND file_type IS NULL AND file_size IS NULL)
            OR (file_name IS NOT NULL AND file_type IN ('image/png', 'image/jpeg', 'image/webp', 'application/pdf')
                AND file_size IS NOT NULL));

-- Issue 20 (G): a consortium's registration (联合体投标, 招标投标法 Art. 31, 政府采购法 Art. 24): the other members besides
-- the registering lead, by 统一社会信用代码 (a member need not be on the platform). As secret as the registration itself.
-- Every member is checked with the lead at each credit gate: one restricted member restricts the consortium
-- (财库〔2016〕125号).
CREATE TABLE tender_registration_member
(
    registration_id UUID        NOT NULL REFERENCES tender_registration (id),
    credit_code     VARCHAR(18) NOT NULL,
    PRIMARY KEY (registration_id, credit_code)
);

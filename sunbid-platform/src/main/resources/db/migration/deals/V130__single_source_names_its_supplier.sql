-- 单一来源: the purchaser names the one supplier it negotiates with (政府采购法 Art. 31, 39); no draw. The invitation
-- rule lets recommendations make up every invitee of this method.
INSERT INTO procedure_rule (procedure_code, rule_key, amount, unit, article, effective_from, effective_to) VALUES
    ('ZFCG_SINGLE_SOURCE', 'RECOMMENDED_MAX', 100, 'PERCENT', '《政府采购法》第三十一条、第三十九条（采购人与唯一供应商商定价格）', '2003-01-01', NULL);

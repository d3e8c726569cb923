-- name: summary_by_sector
-- question: How do sectors compare in clusters, output, SMEs and quality SMEs in 2022?
-- reproduces: none
-- grain: one row per level and sector
-- columns: those of summary_by_group, group_value being the sector
-- question_zh: 2022年各行业领域在集群数、产值、中小企业和优质中小企业方面对比如何？
-- columns_zh: 同 summary_by_group，group_value 为行业领域
CREATE OR REPLACE VIEW summary_by_sector AS FROM summary_by_group('sector', 2022);

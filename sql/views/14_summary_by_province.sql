-- name: summary_by_province
-- question: How do provinces compare in clusters, output, SMEs and quality SMEs in 2022?
-- reproduces: none
-- grain: one row per level and province
-- columns: those of summary_by_group, group_value being the province
-- question_zh: 2022年各省份在集群数、产值、中小企业和优质中小企业方面对比如何？
-- columns_zh: 同 summary_by_group，group_value 为省份
CREATE OR REPLACE VIEW summary_by_province AS FROM summary_by_group('province', 2022);

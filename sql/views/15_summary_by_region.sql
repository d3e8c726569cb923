-- name: summary_by_region
-- question: How do the four regions compare in clusters, output, SMEs and quality SMEs in 2022?
-- reproduces: none
-- grain: one row per level and region
-- columns: those of summary_by_group, group_value being the region (east, central, west, northeast)
-- question_zh: 2022年四大地区在集群数、产值、中小企业和优质中小企业方面对比如何？
-- columns_zh: 同 summary_by_group，group_value 为地区（east、central、west、northeast，即东部、中部、西部、东北）
CREATE OR REPLACE VIEW summary_by_region AS FROM summary_by_group('region', 2022);

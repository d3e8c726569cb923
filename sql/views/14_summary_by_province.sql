-- name: summary_by_province
-- question: How do provinces compare in clusters, output, SMEs and quality SMEs in 2022?
-- reproduces: none
-- grain: one row per level and province
-- columns: those of summary_by_group, group_value being the province
CREATE OR REPLACE VIEW summary_by_province AS FROM summary_by_group('province', 2022);

-- name: summary_by_sector
-- question: How do sectors compare in clusters, output, SMEs and quality SMEs in 2022?
-- reproduces: none
-- grain: one row per level and sector
-- columns: those of summary_by_group, group_value being the sector
CREATE OR REPLACE VIEW summary_by_sector AS FROM summary_by_group('sector', 2022);

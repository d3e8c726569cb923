-- name: summary_by_region
-- question: How do the four regions compare in clusters, output, SMEs and quality SMEs in 2022?
-- reproduces: none
-- grain: one row per level and region
-- columns: those of summary_by_group, group_value being the region (east, central, west, northeast)
CREATE OR REPLACE VIEW summary_by_region AS FROM summary_by_group('region', 2022);

-- The quality-SME pyramid of one province, by batch, in one report year
-- (2022 unless --var year=… says otherwise).
-- Run with: clusterql --var province=Zhejiang -f examples/province_pyramid.sql
SELECT report_year, level, batch_year, tier, enterprises, round(share_of_quality_smes, 4) AS share
FROM quality_pyramid
WHERE province = getvariable('province')
  AND report_year = coalesce(getvariable('year')::INTEGER, 2022)
ORDER BY level, batch_year, tier_rank;

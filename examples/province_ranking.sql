-- Provinces ranked by the output of their national clusters in 2022,
-- with the quality SMEs those clusters hold.
SELECT
    group_value AS province,
    clusters,
    total_output_bn_cny,
    round(leading_output_share, 3) AS leading_output_share,
    quality_smes,
    rank() OVER (ORDER BY total_output_bn_cny DESC) AS output_rank
FROM summary_by_group('province', 2022)
WHERE level = 'national'
ORDER BY output_rank, province;

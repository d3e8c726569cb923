-- The 2022 and 2023 national batches side by side, each in its recognition year,
-- followed by the regions' share of each batch.
SELECT metric, batch_2022, batch_2023, round(ratio_2023_to_2022, 3) AS ratio
FROM batches_compared
ORDER BY metric;

SELECT region,
       count(*) FILTER (WHERE batch_year = 2022) AS clusters_2022,
       count(*) FILTER (WHERE batch_year = 2023) AS clusters_2023
FROM clusters
WHERE level = 'national'
GROUP BY region
ORDER BY region;

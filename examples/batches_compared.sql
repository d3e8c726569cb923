-- The four national batches side by side, each in its recognition year, with the
-- 2022 batch's survivors of the 2025 review; then the regions' share of each batch.
SELECT metric, batch_2022, batch_2023, batch_2024, batch_2025, batch_2022_reviewed
FROM batches_compared
ORDER BY metric;

SELECT region,
       count(*) FILTER (WHERE batch_year = 2022) AS clusters_2022,
       count(*) FILTER (WHERE batch_year = 2023) AS clusters_2023,
       count(*) FILTER (WHERE batch_year = 2024) AS clusters_2024,
       count(*) FILTER (WHERE batch_year = 2025) AS clusters_2025
FROM clusters
WHERE level = 'national'
GROUP BY region
ORDER BY region;

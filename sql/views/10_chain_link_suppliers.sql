-- name: chain_link_suppliers
-- question: Which key links of major industrial chains do the clusters supply, and which clusters supply each?
-- reproduces: C09
-- grain: one row per chain link
-- columns:
--   link: the key link
--   named_in_briefing: whether the briefing names this link
--   clusters: clusters supplying it
--   clusters_2022_batch: of those, clusters of the 2022 national batch
--   cluster_ids: the suppliers, sorted
-- question_zh: 集群为重点产业链的哪些关键环节提供配套？每个环节由哪些集群配套？
-- columns_zh:
--   link: 关键环节
--   named_in_briefing: 新闻发布会是否提及该环节
--   clusters: 为其配套的集群数
--   clusters_2022_batch: 其中属于2022年国家级批次的集群数
--   cluster_ids: 配套集群，已排序
CREATE OR REPLACE VIEW chain_link_suppliers AS
SELECT
    l.link,
    l.link IN ('high-performance materials', 'smart chips', 'precision instruments',
               'propulsion systems for new energy vehicles', 'industrial robots') AS named_in_briefing,
    count(*) AS clusters,
    count(*) FILTER (WHERE c.level = 'national' AND c.batch_year = 2022) AS clusters_2022_batch,
    list(l.cluster_id ORDER BY l.cluster_id) AS cluster_ids
FROM chain_links AS l
JOIN clusters AS c USING (cluster_id)
GROUP BY l.link
ORDER BY clusters DESC, l.link;

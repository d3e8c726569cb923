-- name: briefing_metrics
-- question: Which value does the data give for each metric a briefing claim names?
-- reproduces: C01-C16
-- grain: one row per metric
-- columns:
--   metric: the name briefing_claims.metric uses
--   computed_value: its value on the data
--   definition: how it is computed
CREATE OR REPLACE VIEW briefing_metrics AS
WITH h AS (FROM briefing_headline),
named_links AS (
    SELECT count(DISTINCT l.link) AS supplied
    FROM chain_links AS l
    JOIN clusters AS c USING (cluster_id)
    WHERE c.level = 'national' AND c.batch_year = 2022
      AND l.link IN ('high-performance materials', 'smart chips', 'precision instruments',
                     'propulsion systems for new energy vehicles', 'industrial robots')
),
one_county AS (
    -- A cluster lies in one county-level division when it names one county
    -- and its 6-digit code belongs to its own province.
    SELECT avg((county IS NOT NULL AND regexp_full_match(county_code, '[0-9]{6}')
                AND left(county_code, 2) = p.code)::INTEGER) AS share
    FROM clusters AS c
    JOIN (VALUES ('Beijing','11'),('Tianjin','12'),('Hebei','13'),('Shanxi','14'),('Inner Mongolia','15'),
                 ('Liaoning','21'),('Jilin','22'),('Heilongjiang','23'),('Shanghai','31'),('Jiangsu','32'),
                 ('Zhejiang','33'),('Anhui','34'),('Fujian','35'),('Jiangxi','36'),('Shandong','37'),
                 ('Henan','41'),('Hubei','42'),('Hunan','43'),('Guangdong','44'),('Guangxi','45'),
                 ('Hainan','46'),('Chongqing','50'),('Sichuan','51'),('Guizhou','52'),('Yunnan','53'),
                 ('Tibet','54'),('Shaanxi','61'),('Gansu','62'),('Qinghai','63'),('Ningxia','64'),
                 ('Xinjiang','65')) AS p(province, code) USING (province)
    WHERE c.level = 'national' AND c.batch_year = 2022
)
SELECT * FROM (VALUES
    ('clusters', (SELECT clusters FROM h)::DOUBLE, 'national clusters of the 2022 batch'),
    ('smes', (SELECT smes FROM h)::DOUBLE, 'SMEs the 2022 batch reported for 2022'),
    ('total_output_bn_cny', (SELECT total_output_bn_cny FROM h), 'output of the 2022 batch in 2022, billion yuan'),
    ('manufacturing_champions', (SELECT manufacturing_champions FROM h)::DOUBLE, 'roster enterprises whose highest tier is champion'),
    ('little_giants', (SELECT little_giants FROM h)::DOUBLE, 'roster enterprises whose highest tier is little giant'),
    ('specialized_smes', (SELECT specialized_smes FROM h)::DOUBLE, 'roster enterprises whose highest tier is specialized SME'),
    ('innovative_smes', (SELECT innovative_smes FROM h)::DOUBLE, 'roster enterprises whose highest tier is innovative SME'),
    ('quality_share_of_above_scale', (SELECT quality_share_of_above_scale FROM h), 'quality SMEs / enterprises above designated size'),
    ('named_chain_links_supplied', (SELECT supplied FROM named_links)::DOUBLE, 'of the five chain links the briefing names, how many the batch supplies'),
    ('share_leading_industry_is_pillar', (SELECT share_leading_industry_is_pillar FROM h), 'clusters whose leading industry is a county pillar'),
    ('leading_output_share', (SELECT leading_output_share FROM h), 'leading-industry output / total output'),
    ('share_served_by_national_platform', (SELECT share_served_by_national_platform FROM h), 'clusters served by national SME public service demonstration platforms'),
    ('share_with_promotion_mechanism', (SELECT share_with_promotion_mechanism FROM h), 'clusters with a mechanism promoting the industry'),
    ('share_with_rights_protection', (SELECT share_with_rights_protection FROM h), 'clusters with a mechanism protecting SMEs'' rights'),
    ('clusters_next_batch', (SELECT count(*) FROM clusters WHERE level = 'national' AND batch_year = 2023)::DOUBLE, 'national clusters of the 2023 batch'),
    ('share_in_one_county', (SELECT share FROM one_county), 'clusters with one valid county code inside their province')
) AS m(metric, computed_value, definition);

-- name: briefing_metrics
-- question: Which value does the data give, in each report year, for each metric a claim names?
-- reproduces: C01-C16, J01-J06, R01-R03 (each claim reads the row of its report_year)
-- grain: one row per report year and metric
-- columns:
--   report_year: the year of the 2022 batch's reports the value describes
--   metric: the name briefing_claims.metric uses
--   computed_value: its value on the data
--   definition: how it is computed
-- question_zh: 对于各条表述所涉及的每个指标，数据在各报告年度给出的值是多少？
-- columns_zh:
--   report_year: 该值所描述的2022年批次报告的年度
--   metric: briefing_claims.metric 所用的名称
--   computed_value: 其在数据上的计算值
--   definition: 计算方法
CREATE OR REPLACE VIEW briefing_metrics AS
WITH years AS (
    SELECT DISTINCT report_year FROM cluster_reports
),
h AS (
    SELECT h.* FROM years AS y, batch_headline(2022, y.report_year) AS h
),
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
),
programme AS (
    -- The programme as a whole in each report year: every batch recognized
    -- by then, and the first batch's review (held in 2025).
    SELECT y.report_year,
        (SELECT count(*) FROM clusters AS c
         WHERE c.level = 'national' AND c.batch_year <= y.report_year)::DOUBLE AS recognized,
        (SELECT count(*) FROM clusters AS c
         WHERE c.level = 'national' AND c.batch_year = 2022 AND c.status = 'active'
           AND y.report_year >= 2025)::DOUBLE AS passed_review
    FROM years AS y
),
fixed AS (
    SELECT
        (SELECT supplied FROM named_links)::DOUBLE AS named_chain_links_supplied,
        (SELECT count(*) FROM clusters WHERE level = 'national' AND batch_year = 2023)::DOUBLE AS clusters_next_batch,
        (SELECT share FROM one_county) AS share_in_one_county
)
SELECT h.report_year, m.metric, m.computed_value, m.definition
FROM h JOIN programme AS p USING (report_year), fixed AS f,
LATERAL (VALUES
    ('clusters', h.clusters::DOUBLE, 'national clusters of the 2022 batch'),
    ('enterprises', h.enterprises::DOUBLE, 'enterprises the 2022 batch reported for the year'),
    ('smes', h.smes::DOUBLE, 'SMEs the 2022 batch reported for the year'),
    ('total_output_bn_cny', h.total_output_bn_cny, 'output of the 2022 batch in the year, billion yuan'),
    ('manufacturing_champions', h.manufacturing_champions::DOUBLE, 'roster enterprises whose highest tier that year is champion'),
    ('little_giants', h.little_giants::DOUBLE, 'roster enterprises whose highest tier that year is little giant'),
    ('specialized_smes', h.specialized_smes::DOUBLE, 'roster enterprises whose highest tier that year is specialized SME'),
    ('innovative_smes', h.innovative_smes::DOUBLE, 'roster enterprises whose highest tier that year is innovative SME'),
    ('quality_share_of_enterprises', h.quality_share_of_enterprises, 'quality SMEs / all enterprises of the clusters that year'),
    ('quality_share_of_smes', h.quality_share_of_smes, 'quality SMEs / SMEs (context)'),
    ('quality_share_of_above_scale', h.quality_share_of_above_scale, 'quality SMEs / enterprises above designated size (context)'),
    ('avg_output_growth_3y', h.avg_output_growth_3y, 'average annual growth of the batch''s output from report_year - 3 to report_year'),
    ('named_chain_links_supplied', f.named_chain_links_supplied, 'of the five chain links the briefing names, how many the batch supplies'),
    ('share_leading_industry_is_pillar', h.share_leading_industry_is_pillar, 'clusters whose leading industry is a county pillar'),
    ('leading_output_share', h.leading_output_share, 'leading-industry output / total output'),
    ('share_served_by_national_platform', h.share_served_by_national_platform, 'clusters served by national SME public service demonstration platforms'),
    ('share_with_promotion_mechanism', h.share_with_promotion_mechanism, 'clusters with a mechanism promoting the industry'),
    ('share_with_rights_protection', h.share_with_rights_protection, 'clusters with a mechanism protecting SMEs'' rights'),
    ('clusters_next_batch', f.clusters_next_batch, 'national clusters of the 2023 batch'),
    ('share_in_one_county', f.share_in_one_county, 'clusters with one valid county code inside their province'),
    ('national_clusters_recognized', p.recognized, 'national clusters recognized in the batches up to the report year, revoked ones included'),
    ('first_batch_passed_review', p.passed_review, 'clusters of the 2022 batch still active after the 2025 review (0 before 2025)')
) AS m(metric, computed_value, definition)
ORDER BY h.report_year, m.metric;

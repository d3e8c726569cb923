-- name: quality_share
-- question: What share of the first batch's enterprises are quality SMEs each year, and what are the shares among SMEs and above-scale enterprises?
-- reproduces: C08 (report year 2022), J05 (report year 2023)
-- grain: one row per report year of the 2022 batch
-- columns:
--   report_year: the year of the reports
--   quality_smes: roster enterprises holding any of the four tiers that year
--   enterprises: all the clusters' enterprises that year (集群企业总数), the claims' denominator
--   share_of_enterprises: quality_smes / enterprises (what C08 and J05 state)
--   smes, share_of_smes: SMEs and quality_smes / smes (context)
--   above_scale, share_of_above_scale: enterprises above designated size and quality_smes / above_scale (context)
--   claims: the claims that state this year's share, as source_key:claim_id, with their published figures
--   note: what the figures mean (and, for 2022, the English transcript's erratum)
-- question_zh: 首批集群的企业中每年优质中小企业占比多少？在中小企业和规模以上企业中的占比又是多少？
-- columns_zh:
--   report_year: 报告年度
--   quality_smes: 当年持有四个层级中任一层级的名录企业数
--   enterprises: 当年集群全部企业数（集群企业总数），即各表述所用的分母
--   share_of_enterprises: quality_smes / enterprises（C08 和 J05 所述口径）
--   smes, share_of_smes: 中小企业数，以及 quality_smes / smes（参考）
--   above_scale, share_of_above_scale: 规模以上企业数，以及 quality_smes / above_scale（参考）
--   claims: 陈述当年占比的表述，格式为 source_key:claim_id，附其公布数字
--   note: 数字的含义（2022年另说明英文记录稿的勘误）
CREATE OR REPLACE VIEW quality_share AS
WITH years AS (
    SELECT DISTINCT report_year FROM cluster_reports
),
h AS (
    SELECT h.* FROM years AS y, batch_headline(2022, y.report_year) AS h
),
stated AS (
    SELECT report_year,
           string_agg(source_key || ':' || claim_id || ' ' || comparator || ' ' || published_value, '; '
                      ORDER BY source_key, claim_id) AS claims
    FROM briefing_claims
    WHERE metric = 'quality_share_of_enterprises' AND NOT erratum
    GROUP BY report_year
),
errata AS (
    SELECT report_year,
           string_agg(printf('%s:%s "%s" is an erratum: %s', source_key, claim_id, statement, note),
                      '; ' ORDER BY source_key, claim_id) AS errata
    FROM briefing_claims
    WHERE erratum AND metric = 'smes'
    GROUP BY report_year
)
SELECT
    h.report_year,
    h.quality_smes,
    h.enterprises,
    h.quality_share_of_enterprises AS share_of_enterprises,
    h.smes,
    h.quality_share_of_smes AS share_of_smes,
    h.above_scale,
    h.quality_share_of_above_scale AS share_of_above_scale,
    s.claims,
    concat_ws(' ',
        'quality SMEs over all the clusters'' enterprises, the denominator the Chinese original names (集群企业总数);'
        || ' the shares among SMEs and above-scale enterprises are context.',
        CASE WHEN e.errata IS NOT NULL THEN e.errata
             || '. The share needs no other denominator: read against the mistranslated 280,000 it would be a tenth as large.' END
    ) AS note
FROM h
LEFT JOIN stated AS s USING (report_year)
LEFT JOIN errata AS e USING (report_year)
ORDER BY h.report_year;

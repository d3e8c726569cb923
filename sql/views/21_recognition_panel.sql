-- name: recognition_panel
-- question: Did national recognition change the clusters? One row per national cluster and report year, with its recognition timing and the outcomes studies of the programme compare
-- reproduces: none (the panel of a staggered difference-in-differences design: batches recognized in different years)
-- grain: one row per national cluster and report year (the years of cluster_reports)
-- columns:
--   cluster_id, report_year: which cluster and year
--   province, sector: where the cluster is and its industry group, for fixed effects and subgroups
--   batch_year: the year of the national batch that recognized it, the cohort of the design
--   years_since_recognition: report_year - batch_year; negative before recognition, 0 in the batch's year
--   recognized: whether the cluster had been recognized by that report year (years_since_recognition >= 0)
--   status: active, or revoked at a review
--   total_output_bn_cny: output, billion yuan
--   log_output: the natural logarithm of output (NULL for none), the usual left-hand side of growth regressions
--   leading_output_share: the leading industry's share of output, a fraction 0..1
--   sme_count: SMEs in the cluster (the annual report's figure)
--   innovative_smes, specialized_smes, little_giants, manufacturing_champions: roster enterprises whose highest tier awarded by that year is this one
--   quality_smes: the four tiers together
--   sme_rd_bn_cny: SMEs' R&D spending, billion yuan
--   export_bn_cny: exports, billion yuan
--   industrial_internet_rate: the share of enterprises on an industrial-internet platform, 0..1
-- question_zh: 国家级认定是否改变了集群？每个国家级集群每个报告年度一行，含认定时点和研究常用的结果变量
-- columns_zh:
--   cluster_id, report_year: 哪个集群、哪一年度
--   province, sector: 所在省份和行业领域，用于固定效应和分组
--   batch_year: 认定该集群的国家级批次年份，即研究设计中的队列
--   years_since_recognition: report_year - batch_year；认定前为负，批次当年为 0
--   recognized: 到该报告年度是否已获认定（years_since_recognition >= 0）
--   status: active（有效），或在复核中被撤销（revoked）
--   total_output_bn_cny: 产值，十亿元
--   log_output: 产值的自然对数（产值为 0 时为 NULL），增长回归常用的被解释变量
--   leading_output_share: 主导产业产值占比，0 到 1 之间的小数
--   sme_count: 集群中小企业数（年度报告数字）
--   innovative_smes, specialized_smes, little_giants, manufacturing_champions: 截至该年度最高层级为该层级的名录企业数
--   quality_smes: 四个层级合计
--   sme_rd_bn_cny: 中小企业研发经费，十亿元
--   export_bn_cny: 出口额，十亿元
--   industrial_internet_rate: 使用工业互联网平台的企业占比，0 到 1
CREATE OR REPLACE VIEW recognition_panel AS
SELECT
    r.cluster_id,
    r.report_year,
    c.province,
    c.sector,
    c.batch_year,
    r.report_year - c.batch_year AS years_since_recognition,
    r.report_year >= c.batch_year AS recognized,
    c.status,
    r.total_output_bn_cny,
    ln(nullif(r.total_output_bn_cny, 0)) AS log_output,
    r.leading_output_bn_cny / nullif(r.total_output_bn_cny, 0) AS leading_output_share,
    r.sme_count,
    coalesce(t.innovative_smes, 0) AS innovative_smes,
    coalesce(t.specialized_smes, 0) AS specialized_smes,
    coalesce(t.little_giants, 0) AS little_giants,
    coalesce(t.manufacturing_champions, 0) AS manufacturing_champions,
    coalesce(t.quality_smes, 0) AS quality_smes,
    r.sme_rd_bn_cny,
    r.export_bn_cny,
    r.industrial_internet_rate
FROM cluster_reports AS r
JOIN clusters AS c USING (cluster_id)
LEFT JOIN cluster_tiers AS t USING (cluster_id, report_year)
WHERE c.level = 'national'
ORDER BY r.cluster_id, r.report_year;

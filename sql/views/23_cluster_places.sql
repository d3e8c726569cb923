-- name: cluster_places
-- question: Where is each cluster: its county, prefecture and province, by name and by official code, ready to join data keyed by county (a county statistical yearbook)?
-- reproduces: C16 (every cluster lies within one county-level division), place by place
-- grain: one row per cluster
-- columns:
--   cluster_id, name: the cluster
--   level, batch_year: national or provincial, and its batch
--   county_code: the county's six-digit statistical division code (NBS 2023), the key to join county data by
--   county: the county, county-level city or urban district
--   prefecture_code, prefecture: the prefecture-level division above it (its four-digit code)
--   province_code, province_zh, province: the province (its two-digit code, Chinese and English names)
--   name_source: public report (a real cluster named in a public report, in its real county), followed by the row's doubts where it has any (name rebuilt: completed from a short form; batch year inferred; public notice only: seen in a 公示, the final list not; unverified: the source does not tie it to the list beyond doubt), or synthetic (an invented cluster in a real county)
-- question_zh: 每个集群在哪里：所在县、地级行政区和省份的名称与官方代码，可直接按县级代码连接县域数据（如县域统计年鉴）
-- columns_zh:
--   cluster_id, name: 集群
--   level, batch_year: 国家级或省级，以及认定批次
--   county_code: 县级统计用区划代码（国家统计局 2023 年），按县连接数据的键
--   county: 县、县级市或市辖区
--   prefecture_code, prefecture: 上一级地级行政区（四位代码）
--   province_code, province_zh, province: 省份（两位代码、中文名和英文名）
--   name_source: public report（公开报道点名的真实集群，位于其真实所在县），有疑点的行其后列出疑点（name rebuilt：由简称补全名称；batch year inferred：批次年份系推断；public notice only：只见于公示，未见最终名单；unverified：出处不能确证其在名单中），或 synthetic（虚构集群，位于真实的县）
CREATE OR REPLACE VIEW cluster_places AS
SELECT
    c.cluster_id,
    c.name,
    c.level,
    c.batch_year,
    c.county_code,
    k.county,
    k.prefecture_code,
    k.prefecture,
    k.province_code,
    k.province_zh,
    c.province,
    c.name_source
FROM clusters AS c
LEFT JOIN counties AS k USING (county_code)
ORDER BY c.cluster_id;

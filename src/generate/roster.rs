//! The enterprise roster and its honors, generated inside DuckDB and
//! streamed straight into the output file by COPY: nothing is held in
//! memory, whatever the scale, and DuckDB's parallel writer does the work.
//!
//! Every attribute of enterprise `i` of a cluster comes from a hash of
//! (cluster, i, seed), so the same seed gives the same rows. Counts follow
//! the cluster's plan exactly: the first `large` enterprises are large, the
//! first `above_scale` are above designated size, and the first
//! `tiers.total()` hold a tier (champions first), so honors sit in
//! above-scale firms of the leading industry.

/// The plan table the roster query reads (created by the caller).
pub const PLAN_TABLE: &str = "CREATE TEMP TABLE roster_plan (
    cluster_id VARCHAR, cluster_no BIGINT, county_code VARCHAR,
    enterprises BIGINT, large BIGINT, above_scale BIGINT,
    champions BIGINT, giants BIGINT, specialized BIGINT, innovative BIGINT,
    leading_share DOUBLE)";

/// One row per enterprise, with the hash and plan columns the two queries
/// below need. `{limit}` picks how many enterprises of each cluster.
fn units(seed: u64, limit: &str) -> String {
    format!(
        "SELECT p.*, i, hash(p.cluster_no, i, {seed}::UBIGINT) AS h
         FROM (SELECT *, unnest(range({limit})) AS i FROM roster_plan) AS p"
    )
}

fn enterprise_id() -> &'static str {
    // A unified social credit code's shape: 91, the county code, ten more.
    "'91' || county_code || printf('%03d', cluster_no % 1000) || printf('%07d', i)"
}

pub fn enterprises_query(seed: u64) -> String {
    let units = units(seed, "enterprises");
    let id = enterprise_id();
    format!(
        "WITH units AS ({units}),
         classed AS (
           SELECT *,
             CASE WHEN i < large THEN 'large'
                  WHEN i < above_scale THEN CASE WHEN (h >> 8) % 100 < 35 THEN 'medium' ELSE 'small' END
                  ELSE CASE WHEN (h >> 8) % 100 < 30 THEN 'small' ELSE 'micro' END
             END AS size_class
           FROM units)
         SELECT
           {id} AS enterprise_id,
           cluster_id,
           ['华','新','鑫','恒','盛','泰','达','源','宏','瑞','联','创','博','远','中','天','金','永','兴','安'][(h % 20)::INTEGER + 1]
             || ['精','科','力','通','德','信','和','美','丰','成','光','海'][((h >> 16) % 12)::INTEGER + 1]
             || ['机械','电子','材料','科技','智能','精密','制造','实业','装备','新材'][((h >> 24) % 10)::INTEGER + 1]
             || '有限公司' AS name,
           size_class,
           size_class <> 'large' AS is_sme,
           i < above_scale AS above_scale,
           i < champions + giants + specialized + innovative
             OR ((h >> 32) % 1000)::DOUBLE < leading_share * 1000 AS in_leading_industry,
           CASE WHEN size_class = 'large' THEN 1980 + ((h >> 40) % 35)
                ELSE 1990 + ((h >> 40) % 33) END::INTEGER AS founded_year,
           CASE size_class
             WHEN 'large' THEN 1000 + ((h >> 12) % 4000)
             WHEN 'medium' THEN 300 + ((h >> 12) % 700)
             WHEN 'small' THEN 20 + ((h >> 12) % 280)
             ELSE 1 + ((h >> 12) % 19) END::INTEGER AS employees,
           round(CASE
             WHEN size_class = 'large' THEN 400 + ((h >> 20) % 360000) / 100.0
             WHEN i < above_scale THEN 20 + ((h >> 20) % 18000) / 100.0
             WHEN size_class = 'small' THEN 3 + ((h >> 20) % 1690) / 100.0
             ELSE 0.1 + ((h >> 20) % 280) / 100.0 END, 2) AS revenue_mn_cny
         FROM classed"
    )
}

pub fn honors_query(seed: u64) -> String {
    let units = units(seed, "champions + giants + specialized + innovative");
    let id = enterprise_id();
    format!(
        "WITH units AS ({units}),
         tiered AS (
           SELECT *,
             CASE WHEN i < champions THEN 'manufacturing_champion'
                  WHEN i < champions + giants THEN 'little_giant'
                  WHEN i < champions + giants + specialized THEN 'specialized_sme'
                  ELSE 'innovative_sme' END AS tier
           FROM units)
         SELECT
           {id} AS enterprise_id,
           tier,
           CASE WHEN tier IN ('manufacturing_champion', 'little_giant') THEN 'national' ELSE 'provincial' END AS level,
           CASE tier
             WHEN 'manufacturing_champion' THEN 2016 + ((h >> 44) % 7)
             WHEN 'little_giant' THEN 2019 + ((h >> 44) % 4)
             WHEN 'specialized_sme' THEN 2018 + ((h >> 44) % 5)
             ELSE 2020 + ((h >> 44) % 3) END::INTEGER AS awarded_year
         FROM tiered"
    )
}

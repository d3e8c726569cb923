//! The two reference tables written from domain.md: the briefing's claims
//! as data, and the recognition criteria's thresholds.

pub struct Claim {
    pub id: &'static str,
    pub aspect: &'static str,
    pub statement: &'static str,
    pub metric: &'static str,
    pub comparator: &'static str,
    pub published_value: f64,
    pub unit: &'static str,
    pub tolerance: f64,
}

pub const BRIEFING_SOURCE: &str = "SCIO press conference 2023-04-20";

const fn claim(
    id: &'static str,
    aspect: &'static str,
    statement: &'static str,
    metric: &'static str,
    comparator: &'static str,
    published_value: f64,
    unit: &'static str,
    tolerance: f64,
) -> Claim {
    Claim { id, aspect, statement, metric, comparator, published_value, unit, tolerance }
}

/// C01-C16 of domain.md. `metric` names a row of the view library's
/// `briefing_metrics`; `~` means within `tolerance` of the value.
pub const CLAIMS: &[Claim] = &[
    claim("C01", "scale", "the first batch has 100 clusters", "clusters", "=", 100.0, "clusters", 0.0),
    claim("C02", "scale", "they host more than 280,000 SMEs", "smes", ">", 280_000.0, "enterprises", 0.0),
    claim("C03", "scale", "total output over 1.8 trillion yuan", "total_output_bn_cny", ">", 1_800.0, "bn CNY", 0.0),
    claim("C04", "quality SMEs", "55 manufacturing individual champions", "manufacturing_champions", "=", 55.0, "enterprises", 0.0),
    claim("C05", "quality SMEs", "294 specialized and sophisticated little giant companies", "little_giants", "=", 294.0, "enterprises", 0.0),
    claim("C06", "quality SMEs", "1,487 specialized and sophisticated SMEs", "specialized_smes", "=", 1_487.0, "enterprises", 0.0),
    claim("C07", "quality SMEs", "around 5,000 innovative SMEs", "innovative_smes", "~", 5_000.0, "enterprises", 250.0),
    claim("C08", "quality SMEs", "over 20 % of the enterprises in the clusters are quality SMEs", "quality_share_of_above_scale", ">", 0.20, "share", 0.0),
    claim("C09", "leading industry", "clusters supply key links of major chains: high-performance materials, smart chips, precision instruments, propulsion systems for new energy vehicles, industrial robots", "named_chain_links_supplied", "=", 5.0, "links", 0.0),
    claim("C10", "leading industry", "every leading industry is a local pillar industry", "share_leading_industry_is_pillar", "=", 1.0, "share", 0.0),
    claim("C11", "leading industry", "leading industries contribute 87 % of the clusters' output", "leading_output_share", "~", 0.87, "share", 0.005),
    claim("C12", "governance and services", "over 70 % of clusters used services of national SME public service demonstration platforms", "share_served_by_national_platform", ">", 0.70, "share", 0.0),
    claim("C13", "governance and services", "nearly 90 % of clusters have mechanisms for promoting the industry's development", "share_with_promotion_mechanism", "~", 0.90, "share", 0.02),
    claim("C14", "governance and services", "over 90 % of clusters have mechanisms protecting SMEs' legitimate rights and interests", "share_with_rights_protection", ">", 0.90, "share", 0.0),
    claim("C15", "programme", "another 100 clusters are to be recognized in 2023", "clusters_next_batch", "=", 100.0, "clusters", 0.0),
    claim("C16", "programme", "every cluster lies within one county-level division", "share_in_one_county", "=", 1.0, "share", 0.0),
];

pub struct Criterion {
    pub id: &'static str,
    pub group: &'static str,
    pub description: &'static str,
    pub metric: &'static str,
    pub comparator: &'static str,
    pub national: Option<f64>,
    pub provincial: Option<f64>,
    pub unit: &'static str,
}

const fn criterion(
    id: &'static str,
    group: &'static str,
    description: &'static str,
    metric: &'static str,
    comparator: &'static str,
    national: Option<f64>,
    provincial: Option<f64>,
    unit: &'static str,
) -> Criterion {
    Criterion { id, group, description, metric, comparator, national, provincial, unit }
}

/// The measurable thresholds of the 2022 recognition standard (national)
/// and Yunnan's provincial standard. Criteria with the same number and
/// different letters in group 2 are alternatives: one of them suffices.
pub const CRITERIA: &[Criterion] = &[
    criterion("1a", "core competitiveness", "leading industry is the county's pillar or featured industry", "is_county_pillar", "=", Some(1.0), Some(1.0), "flag"),
    criterion("1b", "core competitiveness", "area at most 100 square kilometres", "area_km2", "<=", Some(100.0), None, "km2"),
    criterion("1c", "core competitiveness", "output in each of the last three years", "min_output_3y_bn_cny", ">=", Some(4.0), Some(1.0), "bn CNY"),
    criterion("1d", "core competitiveness", "SME output as a share of cluster output", "sme_output_share", ">=", Some(0.70), Some(0.50), "share"),
    criterion("1e", "core competitiveness", "leading industry's share of cluster output", "leading_output_share", ">", Some(0.70), Some(0.60), "share"),
    criterion("1f", "core competitiveness", "average annual output growth over three years", "avg_output_growth_3y", ">", Some(0.10), Some(0.03), "share"),
    criterion("2a", "quality-SME cultivation", "champions and little giants in the leading industry", "champions_and_giants_in_leading", ">=", Some(1.0), Some(1.0), "enterprises"),
    criterion("2b", "quality-SME cultivation", "specialized and innovative SMEs in the leading industry", "specialized_and_innovative_in_leading", ">=", Some(10.0), Some(3.0), "enterprises"),
    criterion("4", "collaborative innovation", "average annual growth of SME R&D over three years", "sme_rd_growth_3y", ">", Some(0.0), Some(0.05), "share"),
    criterion("5", "digital transformation", "industrial-internet platform adoption", "industrial_internet_rate", ">=", None, Some(0.10), "share"),
    criterion("8", "governance and services", "a promotion body or mechanism", "has_promotion_mechanism", "=", Some(1.0), Some(1.0), "flag"),
];

//! The cluster-level tables: clusters, their annual reports, the chain
//! links they supply, and the plan (per-cluster counts) that the roster is
//! generated from. Real clusters of the official list come first; the rest
//! is invented. The 2022 batch is calibrated so that its 2022 reports and
//! roster reproduce the briefing's figures exactly.

use std::collections::HashSet;

use super::geography::{PROVINCES, Province, by_name};
use super::industries::{SECTORS, sector, sector_of};
use super::official::OfficialCluster;
use super::rng::{Rng, apportion};

/// The briefing's figures for the 2022 batch that the data is built to
/// reproduce (domain.md, C02-C14). Sums are chosen just past each claim.
pub mod targets {
    pub const SMES: i64 = 283_460;
    pub const OUTPUT_BN_CNY: f64 = 1_836.4;
    pub const ABOVE_SCALE: i64 = 30_800;
    pub const CHAMPIONS: i64 = 55;
    pub const LITTLE_GIANTS: i64 = 294;
    pub const SPECIALIZED: i64 = 1_487;
    pub const INNOVATIVE: i64 = 5_012;
    pub const LEADING_SHARE: f64 = 0.87;
    pub const SERVED_BY_PLATFORM: usize = 73;
    pub const PROMOTION_MECHANISM: usize = 89;
    pub const RIGHTS_PROTECTION: usize = 92;
    /// 2022-batch clusters whose recognition was revoked at the 2025
    /// review (97 of 100 passed); only invented ones are marked.
    pub const REVOKED: usize = 3;
}

pub const REPORT_YEARS: std::ops::RangeInclusive<i32> = 2019..=2024;
/// The roster and the honors are a snapshot of this report year.
pub const ROSTER_YEAR: i32 = 2022;

pub struct Cluster {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub level: &'static str,
    pub batch_year: i32,
    pub province: &'static Province,
    pub county: String,
    pub county_code: String,
    pub leading_industry: String,
    pub sector: &'static str,
    pub area_km2: f64,
    pub valid_from: String,
    pub valid_to: String,
    pub status: &'static str,
    pub name_source: &'static str,
    pub chain_links: Vec<&'static str>,
    /// Drawn once and used for every year's report.
    profile: Profile,
}

/// A cluster's shape, from which its reports and roster follow.
#[derive(Clone)]
struct Profile {
    output_2022: f64,
    growth: f64,
    leading_share: f64,
    sme_output_share: f64,
    enterprises_2022: i64,
    enterprise_growth: f64,
    large: i64,
    above_scale: i64,
    tiers: Tiers,
    internet_rate_2019: f64,
    energy_intensity_2019: f64,
    export_share: f64,
    rd_share: f64,
    is_pillar: bool,
}

#[derive(Clone, Copy, Default)]
pub struct Tiers {
    pub champions: i64,
    pub giants: i64,
    pub specialized: i64,
    pub innovative: i64,
}

impl Tiers {
    pub fn total(&self) -> i64 {
        self.champions + self.giants + self.specialized + self.innovative
    }
}

pub struct Report {
    pub cluster_id: String,
    pub year: i32,
    pub total_output: f64,
    pub leading_output: f64,
    pub sme_output: f64,
    pub enterprises: i64,
    pub smes: i64,
    pub above_scale: i64,
    pub employees: i64,
    pub sme_rd: f64,
    pub export: f64,
    pub internet_rate: f64,
    pub energy_intensity: f64,
    pub is_pillar: bool,
    pub served_by_platform: bool,
    pub promotion_mechanism: bool,
    pub rights_protection: bool,
}

/// What the roster generator needs of one cluster.
pub struct RosterPlan {
    pub cluster_id: String,
    pub cluster_no: i64,
    pub county_code: String,
    pub enterprises: i64,
    pub large: i64,
    pub above_scale: i64,
    pub tiers: Tiers,
    pub leading_share: f64,
}

pub struct ClusterData {
    pub clusters: Vec<Cluster>,
    pub reports: Vec<Report>,
}

pub fn build(seed: u64, official: &[OfficialCluster]) -> ClusterData {
    let mut codes = CountyCodes::default();
    let mut clusters = Vec::new();
    for (batch_year, level) in [(2022, "national"), (2023, "national"), (0, "provincial")] {
        clusters.extend(batch(seed, batch_year, level, official, &mut codes));
    }
    calibrate_2022(seed, &mut clusters);
    let reports = clusters
        .iter()
        .flat_map(|cluster| reports_of(seed, cluster))
        .collect();
    ClusterData { clusters, reports }
}

pub fn roster_plans(clusters: &[Cluster]) -> Vec<RosterPlan> {
    clusters
        .iter()
        .enumerate()
        .map(|(index, cluster)| RosterPlan {
            cluster_id: cluster.id.clone(),
            cluster_no: index as i64 + 1,
            county_code: cluster.county_code.clone(),
            enterprises: cluster.profile.enterprises_2022,
            large: cluster.profile.large,
            above_scale: cluster.profile.above_scale,
            tiers: cluster.profile.tiers,
            leading_share: cluster.profile.leading_share,
        })
        .collect()
}

/// County codes: the province's two digits, a city's two, a county's two;
/// the same locality always gets the same code.
#[derive(Default)]
struct CountyCodes {
    assigned: Vec<(String, String)>,
    used: HashSet<String>,
}

impl CountyCodes {
    fn code(&mut self, province: &Province, locality: &str) -> String {
        if let Some((_, code)) = self.assigned.iter().find(|(name, _)| name == locality) {
            return code.clone();
        }
        let mut hash = Rng::stream(0, locality);
        let city = province
            .cities
            .iter()
            .position(|city| locality.starts_with(city))
            .map_or_else(|| hash.int(1, 20), |index| index as i64 + 1);
        let mut county = hash.int(2, 99);
        let mut code = format!("{}{city:02}{county:02}", province.code);
        while self.used.contains(&code) {
            county = county % 99 + 1;
            code = format!("{}{city:02}{county:02}", province.code);
        }
        self.used.insert(code.clone());
        self.assigned.push((locality.to_string(), code.clone()));
        code
    }
}

fn batch(
    seed: u64,
    batch_year: i32,
    level: &'static str,
    official: &[OfficialCluster],
    codes: &mut CountyCodes,
) -> Vec<Cluster> {
    let mut rng = Rng::stream(seed, &format!("clusters-{level}-{batch_year}"));
    let mut clusters = Vec::new();
    for province in PROVINCES {
        let wanted = match (level, batch_year) {
            ("provincial", _) => province.provincial,
            (_, 2022) => province.batch_2022,
            _ => province.batch_2023,
        };
        let real: Vec<&OfficialCluster> = if level == "national" {
            official
                .iter()
                .filter(|c| {
                    c.batch_year == batch_year
                        && by_name(&c.province_en).is_some_and(|p| p.code == province.code)
                })
                .collect()
        } else {
            Vec::new()
        };
        for index in 0..wanted as usize {
            let year = if level == "provincial" {
                rng.int(2021, 2023) as i32
            } else {
                batch_year
            };
            let mut cluster = match real.get(index) {
                Some(found) => real_cluster(found, province, codes),
                None => invented_cluster(&mut rng, province, codes),
            };
            cluster.level = level;
            cluster.batch_year = year;
            let (from, to) = match (level, year) {
                ("national", 2022) => ("2023-01-11".to_string(), "2025-12-31".to_string()),
                ("national", _) => ("2023-10-17".to_string(), "2026-12-31".to_string()),
                _ => (format!("{}-03-01", year + 1), format!("{}-12-31", year + 3)),
            };
            cluster.valid_from = from;
            cluster.valid_to = to;
            cluster.area_km2 = round_to(
                if level == "national" {
                    rng.between(6.0, 98.0)
                } else {
                    rng.between(4.0, 140.0)
                },
                1,
            );
            cluster.profile = draw_profile(&mut rng, level);
            clusters.push(cluster);
        }
    }
    // Ids follow the order of the official notices: province by province.
    let prefix = if level == "national" { 'N' } else { 'P' };
    let mut numbers = std::collections::HashMap::new();
    for cluster in &mut clusters {
        let number = numbers.entry(cluster.batch_year).or_insert(0);
        *number += 1;
        cluster.id = format!("{prefix}{}-{:03}", cluster.batch_year, number);
    }
    clusters
}

fn real_cluster(
    found: &OfficialCluster,
    province: &'static Province,
    codes: &mut CountyCodes,
) -> Cluster {
    let sector = sector_of(&found.industry_zh);
    Cluster {
        id: String::new(),
        name: found.name_zh.clone(),
        name_en: format!(
            "{} cluster, {}",
            capitalise(&found.industry_en),
            province.name
        ),
        level: "national",
        batch_year: found.batch_year,
        province,
        county: found.locality_zh.clone(),
        county_code: codes.code(province, &found.locality_zh),
        leading_industry: found.industry_en.clone(),
        sector,
        area_km2: 0.0,
        valid_from: String::new(),
        valid_to: String::new(),
        status: "active",
        name_source: "official list",
        chain_links: Vec::new(),
        profile: Profile::empty(),
    }
}

fn invented_cluster(
    rng: &mut Rng,
    province: &'static Province,
    codes: &mut CountyCodes,
) -> Cluster {
    let weights: Vec<f64> = SECTORS.iter().map(|s| s.weight).collect();
    let sector = &SECTORS[weighted_index(rng, &weights)];
    let (industry_zh, industry_en) = *rng.pick(sector.industries);
    let city = rng.pick(province.cities);
    // Invented localities say so in their name (合成区 = synthetic district).
    let mut county = format!("{city}合成区{:02}", rng.int(1, 99));
    while codes.assigned.iter().any(|(name, _)| *name == county) {
        county = format!("{city}合成区{:02}", rng.int(1, 99));
    }
    let county_code = codes.code(province, &county);
    Cluster {
        id: String::new(),
        name: format!("{county}{industry_zh}产业集群"),
        name_en: format!("{} cluster, {}", capitalise(industry_en), province.name),
        level: "national",
        batch_year: 0,
        province,
        county,
        county_code,
        leading_industry: industry_en.to_string(),
        sector: sector.key,
        area_km2: 0.0,
        valid_from: String::new(),
        valid_to: String::new(),
        status: "active",
        name_source: "synthetic",
        chain_links: Vec::new(),
        profile: Profile::empty(),
    }
}

impl Profile {
    fn empty() -> Profile {
        Profile {
            output_2022: 0.0,
            growth: 0.0,
            leading_share: 0.0,
            sme_output_share: 0.0,
            enterprises_2022: 0,
            enterprise_growth: 0.0,
            large: 0,
            above_scale: 0,
            tiers: Tiers::default(),
            internet_rate_2019: 0.0,
            energy_intensity_2019: 0.0,
            export_share: 0.0,
            rd_share: 0.0,
            is_pillar: true,
        }
    }
}

/// Draws a cluster's shape: sizes are log-normal (a few large clusters,
/// many mid-sized), growth and shares vary around the programme's norms.
fn draw_profile(rng: &mut Rng, level: &str) -> Profile {
    let national = level == "national";
    let output_2022 = if national {
        6.0 + 12.0 * rng.lognormal(0.8)
    } else {
        1.5 + 4.0 * rng.lognormal(0.7)
    };
    let enterprises_2022 = ((if national { 1_900.0 } else { 700.0 })
        * rng.lognormal(0.6)
        * (output_2022 / 18.0).sqrt())
    .round()
    .max(300.0) as i64;
    let large = (output_2022 / 7.0).round() as i64 + rng.int(0, 3);
    let above_share = rng.between(0.07, 0.14);
    let above_scale = ((enterprises_2022 as f64 * above_share).round() as i64).max(large + 40);
    let tiers = Tiers {
        champions: i64::from(rng.unit() < 0.3),
        giants: rng.int(1, 5),
        specialized: (above_scale as f64 * rng.between(0.03, 0.07)).round() as i64,
        innovative: (above_scale as f64 * rng.between(0.10, 0.20)).round() as i64,
    };
    Profile {
        output_2022,
        growth: (0.12 + 0.04 * rng.normal()).clamp(0.02, 0.30),
        leading_share: rng.between(if national { 0.74 } else { 0.62 }, 0.96),
        sme_output_share: rng.between(0.72, 0.95),
        enterprises_2022,
        enterprise_growth: rng.between(0.01, 0.06),
        large,
        above_scale,
        tiers,
        internet_rate_2019: rng.between(0.08, 0.40),
        energy_intensity_2019: rng.between(0.04, 0.35),
        export_share: rng.between(0.04, 0.45),
        rd_share: rng.between(0.015, 0.045),
        is_pillar: national || rng.unit() < 0.85,
    }
}

/// Makes the 2022 batch's sums equal the targets: output, SMEs, the
/// above-scale count and the four tiers are apportioned over the clusters
/// by their drawn sizes; the leading-industry shares are shifted until the
/// output-weighted share is 87 %.
fn calibrate_2022(seed: u64, clusters: &mut [Cluster]) {
    let mut rng = Rng::stream(seed, "calibrate-2022");
    let batch: Vec<usize> = (0..clusters.len())
        .filter(|&i| clusters[i].level == "national" && clusters[i].batch_year == 2022)
        .collect();
    let profile = |i: usize, clusters: &[Cluster]| clusters[i].profile.clone();

    // Output: keep each cluster's 6 bn floor, scale the part above it.
    let floor = 6.0;
    let spare: f64 = batch
        .iter()
        .map(|&i| profile(i, clusters).output_2022 - floor)
        .sum();
    let wanted_spare = targets::OUTPUT_BN_CNY - floor * batch.len() as f64;
    for &i in &batch {
        let p = &mut clusters[i].profile;
        p.output_2022 = round_to(floor + (p.output_2022 - floor) * wanted_spare / spare, 3);
    }
    let drift = targets::OUTPUT_BN_CNY
        - batch
            .iter()
            .map(|&i| clusters[i].profile.output_2022)
            .sum::<f64>();
    clusters[batch[0]].profile.output_2022 =
        round_to(clusters[batch[0]].profile.output_2022 + drift, 3);

    // SMEs and above-scale firms, by the drawn sizes.
    let sizes: Vec<f64> = batch
        .iter()
        .map(|&i| clusters[i].profile.enterprises_2022 as f64)
        .collect();
    let smes = apportion(targets::SMES, &sizes, 400);
    let above_weights: Vec<f64> = batch
        .iter()
        .map(|&i| clusters[i].profile.above_scale as f64)
        .collect();
    let above = apportion(targets::ABOVE_SCALE, &above_weights, 60);
    for (k, &i) in batch.iter().enumerate() {
        let p = &mut clusters[i].profile;
        p.enterprises_2022 = smes[k] + p.large;
        p.above_scale = above[k].max(p.large + 20);
    }

    // Tiers, in proportion to the above-scale firms that hold them.
    let weights: Vec<f64> = batch
        .iter()
        .map(|&i| clusters[i].profile.above_scale as f64)
        .collect();
    let champion_weights: Vec<f64> = weights.iter().map(|w| w * rng.between(0.2, 1.8)).collect();
    let champions = apportion(targets::CHAMPIONS, &champion_weights, 0);
    let giants = apportion(targets::LITTLE_GIANTS, &weights, 1);
    let specialized = apportion(targets::SPECIALIZED, &weights, 3);
    let innovative = apportion(targets::INNOVATIVE, &weights, 8);
    for (k, &i) in batch.iter().enumerate() {
        let p = &mut clusters[i].profile;
        p.tiers = Tiers {
            champions: champions[k],
            giants: giants[k],
            specialized: specialized[k],
            innovative: innovative[k],
        };
        // Every tiered firm is above designated size.
        p.above_scale = p.above_scale.max(p.tiers.total() + 10);
    }
    // Restore the above-scale total if raising a cluster overshot it.
    let mut excess = batch
        .iter()
        .map(|&i| clusters[i].profile.above_scale)
        .sum::<i64>()
        - targets::ABOVE_SCALE;
    for &i in batch.iter().cycle().take(batch.len() * 400) {
        if excess <= 0 {
            break;
        }
        let p = &mut clusters[i].profile;
        if p.above_scale > (p.tiers.total() + 10).max(p.large + 20) {
            p.above_scale -= 1;
            excess -= 1;
        }
    }

    // Leading-industry share: shift all shares until the weighted mean is 87 %.
    for _ in 0..50 {
        let (weighted, total) = batch.iter().fold((0.0, 0.0), |(w, t), &i| {
            let p = &clusters[i].profile;
            (w + p.output_2022 * p.leading_share, t + p.output_2022)
        });
        let shift = targets::LEADING_SHARE - weighted / total;
        if shift.abs() < 1e-6 {
            break;
        }
        for &i in &batch {
            let p = &mut clusters[i].profile;
            p.leading_share = (p.leading_share + shift).clamp(0.72, 0.97);
        }
    }

    // Only invented clusters are marked revoked: no real cluster's status
    // is made up.
    let mut invented: Vec<usize> = batch
        .iter()
        .copied()
        .filter(|&i| clusters[i].name_source == "synthetic")
        .collect();
    invented.sort_by(|&a, &b| {
        clusters[a]
            .profile
            .growth
            .total_cmp(&clusters[b].profile.growth)
    });
    for &i in invented.iter().take(targets::REVOKED) {
        clusters[i].status = "revoked";
    }

    assign_chain_links(&mut rng, clusters, &batch);
}

/// Each cluster supplies the chain links of its sector with some chance;
/// the five links the briefing names are all supplied by the 2022 batch.
fn assign_chain_links(rng: &mut Rng, clusters: &mut [Cluster], batch_2022: &[usize]) {
    for cluster in clusters.iter_mut() {
        let links = sector(cluster.sector).chain_links;
        for link in links {
            if rng.unit() < 0.45 {
                cluster.chain_links.push(link);
            }
        }
    }
    for sector_def in SECTORS {
        for link in sector_def.chain_links {
            let supplied = batch_2022
                .iter()
                .any(|&i| clusters[i].chain_links.contains(link));
            if supplied {
                continue;
            }
            if let Some(&i) = batch_2022
                .iter()
                .find(|&&i| clusters[i].sector == sector_def.key)
            {
                clusters[i].chain_links.push(link);
            } else if let Some(&i) = batch_2022.first() {
                clusters[i].chain_links.push(link);
            }
        }
    }
}

fn reports_of(seed: u64, cluster: &Cluster) -> Vec<Report> {
    let mut rng = Rng::stream(seed, &format!("reports-{}", cluster.id));
    let p = &cluster.profile;
    let in_2022_batch = cluster.level == "national" && cluster.batch_year == 2022;
    let flags_2022 = flags_of_2022(seed, cluster);
    REPORT_YEARS
        .map(|year| {
            let from_2022 = f64::from(year - 2022);
            let noise = if year == 2022 {
                1.0
            } else {
                1.0 + 0.02 * rng.normal()
            };
            let total = round_to(p.output_2022 * (1.0 + p.growth).powf(from_2022) * noise, 3);
            let share = if year == 2022 {
                p.leading_share
            } else {
                (p.leading_share + 0.01 * rng.normal()).clamp(0.5, 0.99)
            };
            let growth_factor = (1.0 + p.enterprise_growth).powf(from_2022);
            let enterprises = if year == ROSTER_YEAR {
                p.enterprises_2022
            } else {
                (p.enterprises_2022 as f64 * growth_factor).round() as i64
            };
            let above_scale = if year == ROSTER_YEAR {
                p.above_scale
            } else {
                (p.above_scale as f64 * growth_factor).round() as i64
            };
            let large = p.large;
            let smes = enterprises - large;
            let employees =
                large * 2_400 + (above_scale - large) * 160 + (enterprises - above_scale) * 22;
            let sme_output = round_to(total * p.sme_output_share, 3);
            let years_since_2019 = f64::from(year - 2019);
            let (served, promotion, rights) = if in_2022_batch && year >= 2022 {
                flags_2022
            } else {
                let chance = 0.45 + 0.08 * years_since_2019;
                (
                    rng.unit() < chance,
                    rng.unit() < chance + 0.15,
                    rng.unit() < chance + 0.2,
                )
            };
            Report {
                cluster_id: cluster.id.clone(),
                year,
                total_output: total,
                leading_output: round_to(total * share, 3),
                sme_output,
                enterprises,
                smes,
                above_scale,
                employees,
                sme_rd: round_to(sme_output * p.rd_share * (1.0 + 0.04 * years_since_2019), 4),
                export: round_to(total * p.export_share, 3),
                internet_rate: round_to(
                    (p.internet_rate_2019 + 0.04 * years_since_2019).min(0.95),
                    4,
                ),
                energy_intensity: round_to(
                    p.energy_intensity_2019 * 0.96f64.powf(years_since_2019),
                    4,
                ),
                is_pillar: p.is_pillar,
                served_by_platform: served,
                promotion_mechanism: promotion,
                rights_protection: rights,
            }
        })
        .collect()
}

/// The 2022-batch clusters' service and governance flags: exactly 73 served
/// by a national platform, 89 with a promotion mechanism, 92 with rights
/// protection (C12-C14), chosen by a seeded shuffle of the batch.
fn flags_of_2022(seed: u64, cluster: &Cluster) -> (bool, bool, bool) {
    let number: usize = cluster
        .id
        .rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let rank = |purpose: &str| {
        let mut order: Vec<usize> = (1..=100).collect();
        Rng::stream(seed, purpose).shuffle(&mut order);
        order.iter().position(|&n| n == number).unwrap_or(0)
    };
    (
        rank("served") < targets::SERVED_BY_PLATFORM,
        rank("promotion") < targets::PROMOTION_MECHANISM,
        rank("rights") < targets::RIGHTS_PROTECTION,
    )
}

fn weighted_index(rng: &mut Rng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut target = rng.unit() * total;
    for (index, weight) in weights.iter().enumerate() {
        if target < *weight {
            return index;
        }
        target -= weight;
    }
    weights.len() - 1
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn round_to(value: f64, digits: i32) -> f64 {
    let factor = 10f64.powi(digits);
    (value * factor).round() / factor
}

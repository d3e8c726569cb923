//! The cluster-level tables: clusters, their annual reports, the chain
//! links they supply, and the plan (per-cluster, per-year counts) that the
//! roster is generated from. Real clusters of the official list come first;
//! the rest is invented. The 2022 batch is calibrated so that its reports
//! and roster reproduce what the sources said: the April 2023 briefing (in
//! its Chinese original) for report year 2022, the June 2023 update for
//! report year 2023.
//!
//! By job: `targets` holds the published figures, `placements` the
//! counties, `profile` each cluster's drawn shape, `calibrate` the 2022
//! batch's agreement with the sources, `reports` the annual reports and
//! `plans` what the roster is generated from.

mod calibrate;
mod placements;
mod plans;
mod profile;
mod reports;
pub mod targets;

use crate::generate::geography::{PROVINCES, Province, by_name};
use crate::generate::industries::{SECTORS, sector_of};
use crate::generate::official::OfficialCluster;
use crate::generate::rng::Rng;

use calibrate::calibrate_first_batch;
use placements::Placements;
pub use plans::{RosterPlan, roster_plans};
use profile::{Profile, draw_profile};
pub use reports::{Report, RosterCounts, reports};

/// The four national batches, one a year, 100 clusters each.
pub const BATCHES: [i32; 4] = [2022, 2023, 2024, 2025];

/// A batch's recognition: the notice's date, and the end of the three years
/// it holds for (a cluster that passes its review holds three more).
fn recognition_dates(batch_year: i32) -> (&'static str, &'static str) {
    match batch_year {
        2022 => ("2023-01-11", "2025-12-31"),
        2023 => ("2023-10-17", "2026-12-31"),
        2024 => ("2024-09-19", "2027-12-31"),
        _ => ("2025-11-05", "2028-12-31"),
    }
}

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
    /// `synthetic`, or `public report` with the flags of its row (see
    /// `OfficialCluster::name_source`).
    pub name_source: String,
    pub chain_links: Vec<&'static str>,
    /// Drawn once and used for every year's report.
    profile: Profile,
}

pub struct ClusterData {
    pub clusters: Vec<Cluster>,
}

pub fn build(seed: u64, official: &[OfficialCluster]) -> ClusterData {
    let mut places = Placements::default();
    places.reserve(official);
    let mut clusters = Vec::new();
    for batch_year in BATCHES {
        clusters.extend(batch(seed, batch_year, "national", official, &mut places));
    }
    clusters.extend(batch(seed, 0, "provincial", official, &mut places));
    calibrate_first_batch(seed, &mut clusters);
    ClusterData { clusters }
}

fn batch(
    seed: u64,
    batch_year: i32,
    level: &'static str,
    official: &[OfficialCluster],
    places: &mut Placements,
) -> Vec<Cluster> {
    let mut rng = Rng::stream(seed, &format!("clusters-{level}-{batch_year}"));
    let mut clusters = Vec::new();
    for province in PROVINCES {
        let wanted = match (level, batch_year) {
            ("provincial", _) => province.provincial,
            (_, 2022) => province.batch_2022,
            (_, 2023) => province.batch_2023,
            (_, 2024) => province.batch_2024,
            _ => province.batch_2025,
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
                Some(found) => real_cluster(&mut rng, found, province, places),
                None => invented_cluster(&mut rng, province, places),
            };
            cluster.level = level;
            cluster.batch_year = year;
            let (from, to) = if level == "national" {
                let (from, to) = recognition_dates(year);
                (from.to_string(), to.to_string())
            } else {
                (format!("{}-03-01", year + 1), format!("{}-12-31", year + 3))
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
    rng: &mut Rng,
    found: &OfficialCluster,
    province: &'static Province,
    places: &mut Placements,
) -> Cluster {
    let sector = sector_of(&found.industry_zh);
    let county = places.real(rng, province, &found.locality_zh, &found.industry_en);
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
        county: county.name.to_string(),
        county_code: county.code.to_string(),
        leading_industry: found.industry_en.clone(),
        sector,
        area_km2: 0.0,
        valid_from: String::new(),
        valid_to: String::new(),
        status: "active",
        name_source: found.name_source(),
        chain_links: Vec::new(),
        profile: Profile::empty(),
    }
}

fn invented_cluster(
    rng: &mut Rng,
    province: &'static Province,
    places: &mut Placements,
) -> Cluster {
    let weights: Vec<f64> = SECTORS.iter().map(|s| s.weight).collect();
    let sector = &SECTORS[weighted_index(rng, &weights)];
    let (industry_zh, industry_en) = *rng.pick(sector.industries);
    let county = places.invented(rng, province, industry_en);
    // The place is real and the cluster is not: its name says so in both
    // languages, so that no reader of the name alone takes it for a real one.
    Cluster {
        id: String::new(),
        name: format!("{}{industry_zh}产业集群（虚构）", county.full_name()),
        name_en: format!(
            "{} cluster, {} (invented)",
            capitalise(industry_en),
            province.name
        ),
        level: "national",
        batch_year: 0,
        province,
        county: county.name.to_string(),
        county_code: county.code.to_string(),
        leading_industry: industry_en.to_string(),
        sector: sector.key,
        area_km2: 0.0,
        valid_from: String::new(),
        valid_to: String::new(),
        status: "active",
        name_source: "synthetic".to_string(),
        chain_links: Vec::new(),
        profile: Profile::empty(),
    }
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

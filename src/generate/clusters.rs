//! The cluster-level tables: clusters, their annual reports, the chain
//! links they supply, and the plan (per-cluster, per-year counts) that the
//! roster is generated from. Real clusters of the official list come first;
//! the rest is invented. The 2022 batch is calibrated so that its reports
//! and roster reproduce what the sources said: the April 2023 briefing (in
//! its Chinese original) for report year 2022, the June 2023 update for
//! report year 2023.

use std::collections::HashSet;

use super::geography::{PROVINCES, Province, by_name};
use super::industries::{SECTORS, sector, sector_of};
use super::official::OfficialCluster;
use super::panel::{self, FIRST_YEAR, Thresholds, Tiers, YEAR_2022, YEARS};
use super::rng::{Rng, apportion};

/// The published figures for the 2022 batch that the data is built to
/// reproduce (domain.md), per report year 2019-2025. Sums are chosen just
/// past each claim; the years no source speaks of are filled in smoothly.
pub mod targets {
    use super::YEARS;

    /// 28,000-odd in 2022 (2.8万多家), 31,000-odd in 2023 (3.1万多家).
    pub const SMES: [i64; YEARS] = [24_960, 26_130, 27_240, 28_460, 31_420, 32_880, 34_150];
    /// Over 1.8 trillion yuan in 2022, over 2.5 trillion in 2023.
    pub const OUTPUT_2022_BN_CNY: f64 = 1_836.4;
    pub const OUTPUT_2023_BN_CNY: f64 = 2_536.2;
    /// Average annual output growth over the three years to 2023.
    pub const GROWTH_2020_2023: f64 = 0.192;
    /// Highest tier held in each year: champions, little giants,
    /// specialized, innovative. 55 / 294 / 1,487 / about 5,000 in 2022;
    /// 73 champions and 474 little giants in 2023. The innovative SMEs of
    /// 2023-2025 follow from the 24.8 % share (see `innovative_later`).
    pub const TIERS: [[i64; 4]; YEARS] = [
        [30, 40, 820, 0],
        [38, 120, 1_050, 0],
        [46, 210, 1_300, 0],
        [55, 294, 1_487, 5_012],
        [73, 474, 1_702, 0],
        [86, 590, 1_900, 0],
        [97, 680, 2_080, 0],
    ];
    /// Quality SMEs over all the clusters' enterprises in 2023.
    pub const QUALITY_SHARE_2023: f64 = 0.248;
    /// Quality SMEs added in 2024 and in 2025.
    pub const QUALITY_GAIN_2024: i64 = 600;
    pub const QUALITY_GAIN_2025: i64 = 560;
    pub const LEADING_SHARE: f64 = 0.87;
    pub const SERVED_BY_PLATFORM: usize = 73;
    pub const PROMOTION_MECHANISM: usize = 89;
    pub const RIGHTS_PROTECTION: usize = 92;
    /// 2022-batch clusters whose recognition was revoked at the 2025
    /// review (97 of 100 passed); only invented ones are marked.
    pub const REVOKED: usize = 3;

    /// The batch's output in each report year: 2022 and 2023 as published,
    /// 2020 such that 2020-2023 averages 19.2 % a year, the rest smooth.
    pub fn output_bn_cny() -> [f64; YEARS] {
        let round = |v: f64| (v * 10.0).round() / 10.0;
        let y2020 = round(OUTPUT_2023_BN_CNY / (1.0 + GROWTH_2020_2023).powi(3));
        [
            round(y2020 / 1.10),
            y2020,
            round((y2020 * OUTPUT_2022_BN_CNY).sqrt()),
            OUTPUT_2022_BN_CNY,
            OUTPUT_2023_BN_CNY,
            round(OUTPUT_2023_BN_CNY * 1.085),
            round(OUTPUT_2023_BN_CNY * 1.085 * 1.07),
        ]
    }
}

pub const REPORT_YEARS: std::ops::RangeInclusive<i32> = 2019..=2025;

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

/// The 2025 review of the 2022 batch: a cluster that passed holds until the
/// end of 2028; a revoked one lost its recognition when the result was
/// published.
const REVIEW_PASSED_VALID_TO: &str = "2028-12-31";
const REVIEW_PUBLISHED: &str = "2025-11-05";

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

/// A cluster's shape, from which its reports and roster follow. Paths
/// are indexed by report year (0 = 2019).
#[derive(Clone)]
struct Profile {
    output: [f64; YEARS],
    growth: f64,
    leading_share: f64,
    sme_output_share: f64,
    smes: [i64; YEARS],
    large: i64,
    thresholds: [Thresholds; YEARS],
    internet_rate_2019: f64,
    energy_intensity_2019: f64,
    export_share: f64,
    rd_share: f64,
    is_pillar: bool,
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

/// What the roster generator needs of one cluster, at scale 1.
pub struct RosterPlan {
    pub cluster_id: String,
    pub cluster_no: i64,
    pub county_code: String,
    /// Enterprises on the report in each year, SMEs and large firms.
    pub counts: [i64; YEARS],
    pub large: i64,
    pub thresholds: [Thresholds; YEARS],
    pub leading_share: f64,
    /// Median revenue of the cluster's SMEs, million yuan.
    pub revenue_median: f64,
}

/// The roster's counts of one cluster and year, counted as the roster is
/// written, so that reports equal it.
#[derive(Clone, Copy, Default)]
pub struct RosterCounts {
    pub enterprises: i64,
    pub smes: i64,
    pub above_scale: i64,
    pub employees: i64,
}

impl std::ops::AddAssign for RosterCounts {
    fn add_assign(&mut self, other: RosterCounts) {
        self.enterprises += other.enterprises;
        self.smes += other.smes;
        self.above_scale += other.above_scale;
        self.employees += other.employees;
    }
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

/// The reports of every cluster, with the roster's counts, and money
/// multiplied by `scale` (a larger roster is a larger economy).
pub fn reports(
    seed: u64,
    clusters: &[Cluster],
    counts: &std::collections::HashMap<(String, i32), RosterCounts>,
    scale: f64,
) -> Vec<Report> {
    clusters
        .iter()
        .flat_map(|cluster| reports_of(seed, cluster, counts, scale))
        .collect()
}

pub fn roster_plans(clusters: &[Cluster]) -> Vec<RosterPlan> {
    clusters
        .iter()
        .enumerate()
        .map(|(index, cluster)| {
            let p = &cluster.profile;
            RosterPlan {
                cluster_id: cluster.id.clone(),
                cluster_no: index as i64 + 1,
                county_code: cluster.county_code.clone(),
                counts: p.smes.map(|smes| smes + p.large),
                large: p.large,
                thresholds: p.thresholds,
                leading_share: p.leading_share,
                // A log-normal revenue (sigma 1.1) around this median has a
                // mean of half the output per SME: the SMEs' part of the
                // output, less what they buy from each other.
                revenue_median: (0.27 * p.output[YEAR_2022] * 1000.0
                    / p.smes[YEAR_2022].max(1) as f64)
                    .max(2.0),
            }
        })
        .collect()
}

/// Which counties hold a cluster of which industry, so that no county gets
/// two clusters of one industry (one cluster per sub-sector, as the
/// programme recognizes them).
#[derive(Default)]
struct Placements {
    taken: HashSet<(&'static str, String)>,
}

impl Placements {
    /// Takes the counties of every real cluster before any invented one is
    /// drawn, so that an invented cluster of an earlier batch never sits in
    /// a county with a real cluster of its industry recognized later.
    fn reserve(&mut self, official: &[OfficialCluster]) {
        for found in official {
            let located = by_name(&found.province_en)
                .and_then(|province| crate::counties::locate(province.code, &found.locality_zh));
            if let Some(county) = located {
                self.taken.insert((county.code, found.industry_en.clone()));
            }
        }
    }

    /// The county of a real cluster: the one its locality names, found
    /// within its province; a locality that names none stays a real name
    /// in a county drawn like an invented one's.
    fn real(
        &mut self,
        rng: &mut Rng,
        province: &Province,
        locality: &str,
        industry: &str,
    ) -> &'static crate::counties::County {
        match crate::counties::locate(province.code, locality) {
            Some(county) => {
                self.taken.insert((county.code, industry.to_string()));
                county
            }
            None => self.invented(rng, province, industry),
        }
    }

    /// A real county of the province, drawn, without a cluster of this
    /// industry yet.
    fn invented(
        &mut self,
        rng: &mut Rng,
        province: &Province,
        industry: &str,
    ) -> &'static crate::counties::County {
        let free: Vec<&'static crate::counties::County> =
            crate::counties::in_province(province.code)
                .filter(|county| !self.taken.contains(&(county.code, industry.to_string())))
                .collect();
        // Every province has far more counties than clusters of one
        // industry; were they all taken, a second cluster shares a county.
        let county = if free.is_empty() {
            *rng.pick(&crate::counties::in_province(province.code).collect::<Vec<_>>())
        } else {
            *rng.pick(&free)
        };
        self.taken.insert((county.code, industry.to_string()));
        county
    }
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

impl Profile {
    fn empty() -> Profile {
        Profile {
            output: [0.0; YEARS],
            growth: 0.0,
            leading_share: 0.0,
            sme_output_share: 0.0,
            smes: [0; YEARS],
            large: 0,
            thresholds: [[0; 4]; YEARS],
            internet_rate_2019: 0.0,
            energy_intensity_2019: 0.0,
            export_share: 0.0,
            rd_share: 0.0,
            is_pillar: true,
        }
    }
}

/// How each tier's count grows over the years relative to 2022, for the
/// clusters outside the calibrated batch: the batch's own path, with the
/// innovative SMEs (a designation from 2022) growing a tenth a year.
fn tier_ratios() -> [[f64; 4]; YEARS] {
    let mut ratios = [[0.0; 4]; YEARS];
    for (year, row) in ratios.iter_mut().enumerate() {
        for (tier, ratio) in row.iter_mut().enumerate() {
            *ratio = if tier == 3 {
                if year < YEAR_2022 {
                    0.0
                } else {
                    1.0 + 0.1 * (year - YEAR_2022) as f64
                }
            } else {
                targets::TIERS[year][tier] as f64 / targets::TIERS[YEAR_2022][tier] as f64
            };
        }
    }
    ratios
}

/// A single cluster's thresholds from its 2022 tiers, following the usual
/// path: never falling over the years, broader tiers holding the narrower.
fn single_cluster_thresholds(tiers_2022: Tiers) -> [Thresholds; YEARS] {
    let ratios = tier_ratios();
    let mut thresholds = [[0; 4]; YEARS];
    for year in 0..YEARS {
        let tiers: Tiers =
            std::array::from_fn(|t| (tiers_2022[t] as f64 * ratios[year][t]).round() as i64);
        thresholds[year] = panel::cumulative(tiers);
    }
    thresholds[YEAR_2022] = panel::cumulative(tiers_2022);
    for year in YEAR_2022 + 1..YEARS {
        for t in 0..4 {
            thresholds[year][t] = thresholds[year][t].max(thresholds[year - 1][t]);
            if t > 0 {
                thresholds[year][t] = thresholds[year][t].max(thresholds[year][t - 1]);
            }
        }
    }
    for year in (0..YEAR_2022).rev() {
        for t in 0..4 {
            thresholds[year][t] = thresholds[year][t].min(thresholds[year + 1][t]);
            if t > 0 {
                thresholds[year][t] = thresholds[year][t].max(thresholds[year][t - 1]);
            }
        }
    }
    thresholds
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
    let growth = (0.12 + 0.04 * rng.normal()).clamp(0.02, 0.30);
    let mut output = [0.0; YEARS];
    for (year, value) in output.iter_mut().enumerate() {
        let from_2022 = year as f64 - YEAR_2022 as f64;
        let noise = if year == YEAR_2022 {
            1.0
        } else {
            1.0 + 0.02 * rng.normal()
        };
        *value = round_to(output_2022 * (1.0 + growth).powf(from_2022) * noise, 3);
    }
    let smes_2022 =
        ((if national { 190.0 } else { 70.0 }) * rng.lognormal(0.6) * (output_2022 / 18.0).sqrt())
            .round()
            .max(if national { 60.0 } else { 30.0 }) as i64;
    let sme_growth = rng.between(0.01, 0.06);
    let smes = std::array::from_fn(|year| {
        (smes_2022 as f64 * (1.0 + sme_growth).powf(year as f64 - YEAR_2022 as f64)).round() as i64
    });
    let large = (output_2022 / 9.0).round() as i64 + rng.int(0, 2);
    let tiers_2022 = [
        i64::from(rng.unit() < 0.3),
        rng.int(1, 3),
        ((smes_2022 as f64 * 0.05 * rng.between(0.6, 1.4)).round() as i64).max(1),
        ((smes_2022 as f64 * 0.17 * rng.between(0.6, 1.4)).round() as i64).max(2),
    ];
    Profile {
        output,
        growth,
        leading_share: rng.between(if national { 0.74 } else { 0.62 }, 0.96),
        sme_output_share: rng.between(0.72, 0.95),
        smes,
        large,
        thresholds: single_cluster_thresholds(tiers_2022),
        internet_rate_2019: rng.between(0.08, 0.40),
        energy_intensity_2019: rng.between(0.04, 0.35),
        export_share: rng.between(0.04, 0.45),
        rd_share: rng.between(0.015, 0.045),
        is_pillar: national || rng.unit() < 0.85,
    }
}

/// The 2022 batch's innovative SMEs in 2023, 2024 and 2025: 2023's follow
/// from the quality share of all the batch's enterprises (SMEs and its
/// `large` firms), the later years add `QUALITY_GAIN_2024` and
/// `QUALITY_GAIN_2025` quality SMEs in all.
fn innovative_later(large: i64) -> [i64; 3] {
    let t = targets::TIERS;
    let quality_2023 =
        (targets::QUALITY_SHARE_2023 * (targets::SMES[4] + large) as f64).round() as i64;
    let quality = [
        quality_2023,
        quality_2023 + targets::QUALITY_GAIN_2024,
        quality_2023 + targets::QUALITY_GAIN_2024 + targets::QUALITY_GAIN_2025,
    ];
    std::array::from_fn(|k| {
        let year = YEAR_2022 + 1 + k;
        quality[k] - t[year][0] - t[year][1] - t[year][2]
    })
}

/// Makes the 2022 batch's sums equal the targets in every report year:
/// output and SMEs are apportioned over the clusters by their drawn sizes,
/// the tiers follow `panel::tier_paths`; the leading-industry shares are
/// shifted until the output-weighted share is 87 %.
fn calibrate_first_batch(seed: u64, clusters: &mut [Cluster]) {
    let mut rng = Rng::stream(seed, "calibrate-2022");
    let batch: Vec<usize> = (0..clusters.len())
        .filter(|&i| clusters[i].level == "national" && clusters[i].batch_year == 2022)
        .collect();

    // Output: the drawn paths scaled to each year's total, exact to the
    // third decimal (the drift goes to the largest cluster).
    for (year, total) in targets::output_bn_cny().into_iter().enumerate() {
        let drawn: f64 = batch
            .iter()
            .map(|&i| clusters[i].profile.output[year])
            .sum();
        for &i in &batch {
            let p = &mut clusters[i].profile;
            p.output[year] = round_to(p.output[year] * total / drawn, 3);
        }
        let sum: f64 = batch
            .iter()
            .map(|&i| clusters[i].profile.output[year])
            .sum();
        if let Some(&largest) = batch.iter().max_by(|&&a, &&b| {
            clusters[a].profile.output[year].total_cmp(&clusters[b].profile.output[year])
        }) {
            let p = &mut clusters[largest].profile;
            p.output[year] = round_to(p.output[year] + total - sum, 3);
        }
    }

    // SMEs, by the drawn sizes and growth of each cluster.
    let sizes: Vec<f64> = batch
        .iter()
        .map(|&i| clusters[i].profile.smes[YEAR_2022] as f64)
        .collect();
    for (year, total) in targets::SMES.into_iter().enumerate() {
        let weights: Vec<f64> = batch
            .iter()
            .map(|&i| clusters[i].profile.smes[year] as f64)
            .collect();
        for (&i, smes) in batch.iter().zip(apportion(total, &weights, 60)) {
            clusters[i].profile.smes[year] = smes;
        }
    }

    // Tiers: exact totals in every year, nobody losing a tier.
    let large: i64 = batch.iter().map(|&i| clusters[i].profile.large).sum();
    let mut totals = targets::TIERS;
    for (k, innovative) in innovative_later(large).into_iter().enumerate() {
        totals[YEAR_2022 + 1 + k][3] = innovative;
    }
    let champion_weights: Vec<f64> = sizes.iter().map(|w| w * rng.between(0.2, 1.8)).collect();
    let paths = panel::tier_paths(YEAR_2022, &totals, &sizes, &champion_weights);
    for (&i, path) in batch.iter().zip(paths) {
        clusters[i].profile.thresholds = path;
    }

    // Leading-industry share: shift all shares until the weighted mean is 87 %.
    for _ in 0..50 {
        let (weighted, total) = batch.iter().fold((0.0, 0.0), |(w, t), &i| {
            let p = &clusters[i].profile;
            (
                w + p.output[YEAR_2022] * p.leading_share,
                t + p.output[YEAR_2022],
            )
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
    for &i in &batch {
        clusters[i].valid_to = REVIEW_PASSED_VALID_TO.to_string();
    }
    for &i in invented.iter().take(targets::REVOKED) {
        clusters[i].status = "revoked";
        clusters[i].valid_to = REVIEW_PUBLISHED.to_string();
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

fn reports_of(
    seed: u64,
    cluster: &Cluster,
    counts: &std::collections::HashMap<(String, i32), RosterCounts>,
    scale: f64,
) -> Vec<Report> {
    let mut rng = Rng::stream(seed, &format!("reports-{}", cluster.id));
    let p = &cluster.profile;
    let in_2022_batch = cluster.level == "national" && cluster.batch_year == 2022;
    let flags_2022 = flags_of_2022(seed, cluster);
    REPORT_YEARS
        .map(|year| {
            let index = (year - FIRST_YEAR) as usize;
            let total = round_to(p.output[index] * scale, 3);
            let share = if index == YEAR_2022 {
                p.leading_share
            } else {
                (p.leading_share + 0.01 * rng.normal()).clamp(0.5, 0.99)
            };
            let roster = counts
                .get(&(cluster.id.clone(), year))
                .copied()
                .unwrap_or_default();
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
                enterprises: roster.enterprises,
                smes: roster.smes,
                above_scale: roster.above_scale,
                employees: roster.employees,
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

//! The clusters' annual reports: money from each cluster's profile, the
//! counts of enterprises from the roster as it was written, so that the
//! reports and the roster agree.

use super::{Cluster, round_to, targets};
use crate::generate::panel::{FIRST_YEAR, YEAR_2022};
use crate::generate::rng::Rng;

pub const REPORT_YEARS: std::ops::RangeInclusive<i32> = 2019..=2025;

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

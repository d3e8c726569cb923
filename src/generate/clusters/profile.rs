//! A cluster's shape, drawn once, from which its reports and roster
//! follow: output and SME paths, shares, and the thresholds of its tiers
//! over the years.

use super::{round_to, targets};
use crate::generate::panel::{self, Thresholds, Tiers, YEAR_2022, YEARS};
use crate::generate::rng::Rng;

/// A cluster's shape, from which its reports and roster follow. Paths
/// are indexed by report year (0 = 2019).
#[derive(Clone)]
pub(super) struct Profile {
    pub(super) output: [f64; YEARS],
    pub(super) growth: f64,
    pub(super) leading_share: f64,
    pub(super) sme_output_share: f64,
    pub(super) smes: [i64; YEARS],
    pub(super) large: i64,
    pub(super) thresholds: [Thresholds; YEARS],
    pub(super) internet_rate_2019: f64,
    pub(super) energy_intensity_2019: f64,
    pub(super) export_share: f64,
    pub(super) rd_share: f64,
    pub(super) is_pillar: bool,
}

impl Profile {
    pub(super) fn empty() -> Profile {
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
pub(super) fn draw_profile(rng: &mut Rng, level: &str) -> Profile {
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

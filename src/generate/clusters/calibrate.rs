//! Calibrating the 2022 batch: its sums made equal to what the sources
//! published in every report year, the 2025 review's outcome, and the
//! chain links it supplies.

use super::{Cluster, round_to, targets};
use crate::generate::industries::{SECTORS, sector};
use crate::generate::panel::{self, YEAR_2022};
use crate::generate::rng::{Rng, apportion};

/// The 2025 review of the 2022 batch: a cluster that passed holds until the
/// end of 2028; a revoked one lost its recognition when the result was
/// published.
const REVIEW_PASSED_VALID_TO: &str = "2028-12-31";
const REVIEW_PUBLISHED: &str = "2025-11-05";

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
pub(super) fn calibrate_first_batch(seed: u64, clusters: &mut [Cluster]) {
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

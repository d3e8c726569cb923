//! What the roster generator needs of each cluster: its counts by year,
//! its tiers' thresholds and the size of its firms, at scale 1.

use super::Cluster;
use crate::generate::panel::{Thresholds, YEAR_2022, YEARS};

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

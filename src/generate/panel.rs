//! The panel arithmetic: how many quality SMEs of each tier a cluster has
//! in each report year, and which of its enterprises belong to its report
//! in which years. Both are exact integer paths, so that every year's sums
//! hit their targets and the roster can be generated row by row from them.

use super::rng::{apportion, apportion_capped};

/// Report years 2019-2025, as indexes 0-6.
pub const YEARS: usize = 7;
pub const FIRST_YEAR: i32 = 2019;
/// The year the April 2023 briefing describes, as an index.
pub const YEAR_2022: usize = 3;

/// Tier counts of a year: champions, little giants, specialized SMEs,
/// innovative SMEs (each enterprise counted at its highest tier).
pub type Tiers = [i64; 4];

/// Cumulative thresholds of a year: K1 = champions, K2 = K1 + little
/// giants, K3 = K2 + specialized, K4 = all quality SMEs. The cluster's
/// quality SMEs are its enterprises `0..K4`, ranked: enterprise `i` holds
/// the highest tier `t` with `i < K_t`.
pub type Thresholds = [i64; 4];

pub fn cumulative(tiers: Tiers) -> Thresholds {
    [
        tiers[0],
        tiers[0] + tiers[1],
        tiers[0] + tiers[1] + tiers[2],
        tiers[0] + tiers[1] + tiers[2] + tiers[3],
    ]
}

/// Every cluster's thresholds in every year, such that the group's tier
/// counts equal `totals` exactly in every year, each threshold never falls
/// from one year to the next (tiers are never lost) and K1 <= K2 <= K3 <=
/// K4 in every cluster. The `anchor` year is apportioned by `weights`
/// (champions by `champion_weights`); the others follow by increments.
pub fn tier_paths(
    anchor: usize,
    totals: &[Tiers; YEARS],
    weights: &[f64],
    champion_weights: &[f64],
) -> Vec<[Thresholds; YEARS]> {
    let n = weights.len();
    let floor = |total: i64, minimum: i64| {
        if total >= minimum * n as i64 {
            minimum
        } else {
            0
        }
    };
    let [champions, giants, specialized, innovative] = totals[anchor];
    let shares = [
        apportion(champions, champion_weights, 0),
        apportion(giants, weights, floor(giants, 1)),
        apportion(specialized, weights, floor(specialized, 3)),
        apportion(innovative, weights, floor(innovative, 8)),
    ];
    let mut paths = vec![[[0i64; 4]; YEARS]; n];
    for (c, path) in paths.iter_mut().enumerate() {
        path[anchor] = cumulative([shares[0][c], shares[1][c], shares[2][c], shares[3][c]]);
    }
    let sums = |paths: &[[Thresholds; YEARS]], year: usize| -> Thresholds {
        let mut sum = [0; 4];
        for path in paths {
            for (j, value) in path[year].iter().enumerate() {
                sum[j] += value;
            }
        }
        sum
    };
    // Later years: the increments, the broadest tier first, each narrower
    // one capped so that it stays within the broader one.
    for year in anchor + 1..YEARS {
        let wanted = cumulative(totals[year]);
        let had = sums(&paths, year - 1);
        for path in paths.iter_mut() {
            path[year] = path[year - 1];
        }
        let grow = apportion((wanted[3] - had[3]).max(0), weights, 0);
        for (path, extra) in paths.iter_mut().zip(grow) {
            path[year][3] += extra;
        }
        for j in (0..3).rev() {
            let caps: Vec<i64> = paths
                .iter()
                .map(|p| p[year][j + 1] - p[year - 1][j])
                .collect();
            let grow = apportion_capped((wanted[j] - had[j]).max(0), weights, &caps);
            for (path, extra) in paths.iter_mut().zip(grow) {
                path[year][j] += extra;
            }
        }
    }
    // Earlier years: the decrements, the narrowest tier first, each broader
    // one kept at or above the narrower one.
    for year in (0..anchor).rev() {
        let wanted = cumulative(totals[year]);
        let had = sums(&paths, year + 1);
        for path in paths.iter_mut() {
            path[year] = path[year + 1];
        }
        for j in 0..4 {
            let caps: Vec<i64> = paths
                .iter()
                .map(|p| p[year + 1][j] - if j == 0 { 0 } else { p[year][j - 1] })
                .collect();
            let shrink = apportion_capped((had[j] - wanted[j]).max(0), weights, &caps);
            for (path, less) in paths.iter_mut().zip(shrink) {
                path[year][j] -= less;
            }
        }
    }
    paths
}

/// Membership of a cluster's report over the years, for `counts[y]`
/// enterprises in year `y`: the first `core` enterprises belong in every
/// year; the rest churn, first in first out, about 8 % of them leaving
/// each year. Returns, for the churning enterprises `0..`, the cumulative
/// numbers that have joined (`joined[y]`: those with index below it belong
/// from year `y` or earlier) and left (`left[y]`) by each year, so that
/// `core + joined[y] - left[y] == counts[y]`.
pub fn membership(counts: &[i64; YEARS], core: i64) -> ([i64; YEARS], [i64; YEARS]) {
    let churning: Vec<i64> = counts.iter().map(|n| (n - core).max(0)).collect();
    let mut joined = [0i64; YEARS];
    let mut left = [0i64; YEARS];
    joined[0] = churning[0];
    for year in 1..YEARS {
        let mut leaving = (0.08 * churning[year - 1] as f64).round() as i64;
        let mut entering = churning[year] - churning[year - 1] + leaving;
        if entering < 0 {
            leaving -= entering;
            entering = 0;
        }
        joined[year] = joined[year - 1] + entering;
        left[year] = left[year - 1] + leaving;
    }
    (joined, left)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tier_paths_hit_every_year_and_never_lose_a_tier() {
        let totals = [
            [3, 4, 20, 0],
            [4, 8, 25, 0],
            [5, 10, 30, 0],
            [6, 12, 40, 100],
            [8, 20, 45, 130],
            [9, 25, 50, 150],
            [10, 27, 52, 170],
        ];
        let weights = [5.0, 1.0, 3.0, 0.5, 2.0];
        let paths = tier_paths(3, &totals, &weights, &weights);
        for year in 0..YEARS {
            let mut sums = [0; 4];
            for path in &paths {
                let k = path[year];
                assert!(
                    k[0] >= 0 && k[0] <= k[1] && k[1] <= k[2] && k[2] <= k[3],
                    "{k:?}"
                );
                if year > 0 {
                    assert!((0..4).all(|j| path[year - 1][j] <= k[j]), "a tier was lost");
                }
                for j in 0..4 {
                    sums[j] += k[j];
                }
            }
            assert_eq!(sums, cumulative(totals[year]), "year {year}");
        }
    }

    #[test]
    fn membership_gives_every_years_count() {
        let counts = [120, 118, 130, 150, 149, 170, 168];
        let core = 90;
        let (joined, left) = membership(&counts, core);
        for year in 0..YEARS {
            assert_eq!(core + joined[year] - left[year], counts[year]);
            if year > 0 {
                // Only those who joined before a year can leave in it.
                assert!(left[year] <= joined[year - 1]);
                assert!(joined[year] >= joined[year - 1] && left[year] >= left[year - 1]);
            }
        }
        assert!(left[YEARS - 1] > 0, "some enterprises leave");
    }
}

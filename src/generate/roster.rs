//! The enterprise roster and its honors, row by row. Every attribute of
//! enterprise `i` of a cluster comes from hashes of (cluster, i, seed), so
//! the same seed gives the same rows however the work is split over
//! threads. Within a cluster the enterprises are laid out by index:
//! `0..qmax` are the quality SMEs (ranked, champions first, by the
//! thresholds `K1..K4` of each year), then the `large` firms, then the
//! rest of the core, which belongs to the report in every year; from
//! `core` on, enterprises join and leave (`panel::membership`).

use super::clusters::RosterCounts;
use super::panel::{FIRST_YEAR, YEARS};

pub const TIERS: [&str; 4] = [
    "manufacturing_champion",
    "little_giant",
    "specialized_sme",
    "innovative_sme",
];

/// A cluster's enterprises, and what their rows are drawn from.
pub struct PlanRow {
    pub cluster_id: String,
    pub cluster_no: i64,
    /// The first eight characters of every enterprise id of the cluster
    /// (a unified social credit code): enterprise `i`'s is the code of
    /// sequence number `cluster_no * 10_000_000 + i`.
    pub id_prefix: super::credit_codes::Prefix,
    /// Enterprises `0..enterprises` are on the roster in some year.
    pub enterprises: i64,
    /// Enterprises `0..core` belong to the report in every year.
    pub core: i64,
    /// Enterprises `0..qmax` hold a tier by the last year.
    pub qmax: i64,
    /// Enterprises `qmax..qmax + large` are large firms.
    pub large: i64,
    /// Churners `(i - core) < joined[y]` have joined by year `y`.
    pub joined: [i64; YEARS],
    /// Churners `(i - core) < left[y]` have left by year `y` (from the
    /// second year on).
    pub left: [i64; YEARS],
    /// Each year's cumulative tier thresholds (`panel::Thresholds`).
    pub thresholds: [[i64; 4]; YEARS],
    pub leading_share: f64,
    /// Median revenue of the cluster's SMEs, million yuan.
    pub revenue_median: f64,
}

/// One roster row.
pub struct Enterprise<'a> {
    /// 18 ASCII characters: the cluster's prefix and a 7-digit index.
    pub id: &'a [u8; 18],
    pub cluster_id: &'a str,
    pub name: &'a str,
    pub size_class: &'static str,
    pub is_sme: bool,
    pub above_scale: bool,
    pub in_leading_industry: bool,
    pub founded_year: i32,
    pub employees: i32,
    pub revenue_mn_cny: f64,
    pub joined_year: i32,
    pub left_year: Option<i32>,
}

/// One honors row: the enterprise (`Enterprise::id`) reached `tier` in
/// `awarded_year`.
pub struct Honor {
    pub tier: &'static str,
    pub level: &'static str,
    pub awarded_year: i32,
}

/// Where the generated rows go.
pub trait RowSink {
    fn enterprise(&mut self, row: &Enterprise);
    fn honor(&mut self, enterprise_id: &[u8; 18], honor: &Honor);
}

/// The roster's counts of a block, per report year.
pub type BlockCounts = [RosterCounts; YEARS];

/// Enterprise ids' sequence numbers reserved for each cluster: a cluster
/// has fewer enterprises than this (`plan_rows` refuses more), so no two
/// enterprises share an id.
pub const ID_SEQUENCES_PER_CLUSTER: u64 = 10_000_000;

/// An id's text: the generator writes ASCII characters only.
pub fn id_text(id: &[u8; 18]) -> &str {
    std::str::from_utf8(id).unwrap_or_default()
}

/// The 2,400 company names the roster draws from.
pub fn names() -> Vec<String> {
    const FIRST: [&str; 20] = [
        "华", "新", "鑫", "恒", "盛", "泰", "达", "源", "宏", "瑞", "联", "创", "博", "远", "中",
        "天", "金", "永", "兴", "安",
    ];
    const SECOND: [&str; 12] = [
        "精", "科", "力", "通", "德", "信", "和", "美", "丰", "成", "光", "海",
    ];
    const TRADE: [&str; 10] = [
        "机械", "电子", "材料", "科技", "智能", "精密", "制造", "实业", "装备", "新材",
    ];
    let mut names = Vec::with_capacity(2400);
    for a in FIRST {
        for b in SECOND {
            for c in TRADE {
                names.push(format!("{a}{b}{c}有限公司"));
            }
        }
    }
    names
}

/// SplitMix64's finaliser: every output bit depends on every input bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A number in (0, 1) from the 16 bits of `hash` at `shift`.
fn uniform(hash: u64, shift: u32) -> f64 {
    (((hash >> shift) & 0xffff) as f64 + 0.5) / 65536.0
}

/// DuckDB's `round(x, 2)`: half away from zero.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Writes enterprises `lo..hi` of `plan` (and the honors of those that
/// hold a tier) to `sink`, adding them to `counts`.
pub fn generate_block(
    plan: &PlanRow,
    lo: i64,
    hi: i64,
    seed: u64,
    names: &[String],
    sink: &mut impl RowSink,
    counts: &mut BlockCounts,
) {
    let mut id = [b'0'; 18];
    let mut ids = plan
        .id_prefix
        .sequence(plan.cluster_no as u64 * ID_SEQUENCES_PER_CLUSTER + lo as u64);
    let cluster_key = mix(seed ^ mix(plan.cluster_no as u64));
    for i in lo..hi {
        ids.write_next(&mut id);
        // Three hashes whose bits the attributes draw on without sharing any.
        let h = mix(cluster_key ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let g = mix(h);
        let f = mix(g);
        let row = enterprise(plan, i, h, g, f, &id, names);
        for (y, count) in counts.iter_mut().enumerate() {
            let year = FIRST_YEAR + y as i32;
            if row.joined_year <= year && row.left_year.is_none_or(|left| year < left) {
                count.enterprises += 1;
                count.smes += i64::from(row.is_sme);
                count.above_scale += i64::from(row.above_scale);
                count.employees += i64::from(row.employees);
            }
        }
        sink.enterprise(&row);
        if i < plan.qmax {
            for honor in honors(plan, i, h) {
                sink.honor(&id, &honor);
            }
        }
    }
}

fn enterprise<'a>(
    plan: &'a PlanRow,
    i: i64,
    h: u64,
    g: u64,
    f: u64,
    id: &'a [u8; 18],
    names: &'a [String],
) -> Enterprise<'a> {
    #[derive(PartialEq)]
    enum Segment {
        Honored,
        Large,
        Core,
        Churn,
    }
    let segment = if i < plan.qmax {
        Segment::Honored
    } else if i < plan.qmax + plan.large {
        Segment::Large
    } else if i < plan.core {
        Segment::Core
    } else {
        Segment::Churn
    };
    let churn = i - plan.core;
    let joined_year = if i < plan.core {
        FIRST_YEAR - ((g >> 48) % 15) as i32
    } else if churn < plan.joined[0] {
        FIRST_YEAR - ((g >> 48) % 10) as i32
    } else {
        // A churner joins in the first year whose count takes it in; the
        // plan makes sure the last year takes in every churner.
        (1..YEARS)
            .find(|&y| churn < plan.joined[y])
            .map_or(FIRST_YEAR + YEARS as i32 - 1, |y| FIRST_YEAR + y as i32)
    };
    let left_year = if i < plan.core {
        None
    } else {
        (1..YEARS)
            .find(|&y| churn < plan.left[y])
            .map(|y| FIRST_YEAR + y as i32)
    };
    // About standard normal: the sum of four uniforms, centred and scaled.
    let normal =
        (uniform(h, 0) + uniform(h, 16) + uniform(h, 32) + uniform(h, 48) - 2.0) * 1.732_050_8;
    let sme_revenue = plan.revenue_median * (1.1 * normal).exp();
    let revenue = round2(match segment {
        Segment::Large => 400.0 + 3600.0 * uniform(g, 0),
        Segment::Honored => 20.0 + sme_revenue,
        Segment::Core | Segment::Churn => sme_revenue.min(2000.0),
    });
    let employees = if segment == Segment::Large {
        1000 + (f % 4000) as i32
    } else {
        (sme_revenue * (2.0 + 5.0 * uniform(g, 16)))
            .round()
            .clamp(1.0, 999.0) as i32
    };
    let size_class = if segment == Segment::Large {
        "large"
    } else if employees >= 300 && revenue >= 20.0 {
        "medium"
    } else if employees >= 20 && revenue >= 3.0 {
        "small"
    } else {
        "micro"
    };
    let in_leading_industry =
        segment == Segment::Honored || (((f >> 40) % 1000) as f64) < plan.leading_share * 1000.0;
    let founded_offset = uniform(g, 32);
    // Quality SMEs hold tiers from 2016 on (`honors`): they were founded by 2015.
    let founded_year = match segment {
        Segment::Honored => (joined_year - (20.0 * founded_offset) as i32).min(2015),
        Segment::Large => joined_year - 5 - (30.0 * founded_offset) as i32,
        Segment::Core | Segment::Churn => joined_year - (20.0 * founded_offset) as i32,
    };
    Enterprise {
        id,
        cluster_id: &plan.cluster_id,
        name: &names[((f >> 16) % names.len() as u64) as usize],
        size_class,
        is_sme: segment != Segment::Large,
        above_scale: revenue >= 20.0,
        in_leading_industry,
        founded_year,
        employees,
        revenue_mn_cny: revenue,
        joined_year,
        left_year,
    }
}

/// The honors of quality SME `i`: a row for each tier it reached, in the
/// first year it held it, unless it held a higher tier by then (tiers
/// held in the panel's first year were awarded earlier).
fn honors(plan: &PlanRow, i: i64, h: u64) -> impl Iterator<Item = Honor> {
    let reached: [Option<i32>; 4] = std::array::from_fn(|t| {
        (0..YEARS)
            .find(|&y| i < plan.thresholds[y][t])
            .map(|y| FIRST_YEAR + y as i32)
    });
    let earlier = 2016 + ((h >> 40) % 4) as i32;
    (0..4).filter_map(move |t| {
        let first = reached[t]?;
        let above = if t == 0 { None } else { reached[t - 1] };
        if above.is_some_and(|above| first >= above) {
            return None;
        }
        let before = if t % 2 == 0 { earlier } else { FIRST_YEAR };
        Some(Honor {
            tier: TIERS[t],
            level: if t < 2 { "national" } else { "provincial" },
            awarded_year: if first == FIRST_YEAR { before } else { first },
        })
    })
}

//! The enterprise roster and its honors, generated inside DuckDB from the
//! plan table and streamed straight into the output file by COPY: nothing
//! is held in memory, whatever the scale, and DuckDB's writer does the
//! work, in as many parts as it has threads.
//!
//! Every attribute of enterprise `i` of a cluster comes from a hash of
//! (cluster, i, seed), so the same seed gives the same rows however the
//! work is split. Within a cluster the enterprises are laid out by index:
//! `0..qmax` are the quality SMEs (ranked, champions first, by the
//! thresholds `k1..k4` of each year), then the `large` firms, then the
//! rest of the core, which belongs to the report in every year; from
//! `core` on, enterprises join and leave (`panel::membership`).

use super::panel::{FIRST_YEAR, YEARS};

const TIERS: [&str; 4] = [
    "manufacturing_champion",
    "little_giant",
    "specialized_sme",
    "innovative_sme",
];

fn year(index: usize) -> i32 {
    FIRST_YEAR + index as i32
}

/// The plan table the queries read (created and filled by the caller, in
/// this column order): one row per block of a cluster's enterprises.
pub fn plan_table() -> String {
    let mut columns = vec![
        "cluster_id VARCHAR".to_string(),
        "cluster_no BIGINT".to_string(),
        "part BIGINT".to_string(),
        "id_prefix VARCHAR".to_string(),
        "lo BIGINT".to_string(),
        "hi BIGINT".to_string(),
        "core BIGINT".to_string(),
        "qmax BIGINT".to_string(),
        "large BIGINT".to_string(),
    ];
    for y in 0..YEARS {
        columns.push(format!("j{} BIGINT", year(y)));
    }
    for y in 1..YEARS {
        columns.push(format!("l{} BIGINT", year(y)));
    }
    for y in 0..YEARS {
        for t in 1..=4 {
            columns.push(format!("k{t}_{} BIGINT", year(y)));
        }
    }
    columns.push("leading_share DOUBLE".to_string());
    columns.push("revenue_median DOUBLE".to_string());
    format!("CREATE TEMP TABLE roster_plan ({})", columns.join(", "))
}

/// One row per enterprise of the plan rows of `part`, with three hashes
/// (`h`, `g`, `f`) whose bits the attributes draw on without sharing any.
fn units(seed: u64, part: usize, lo: &str, hi: &str) -> String {
    format!(
        "SELECT *, hash(g) AS f FROM (
           SELECT *, hash(h) AS g FROM (
             SELECT p.*, i, hash(p.cluster_no, i, {seed}::UBIGINT) AS h
             FROM (SELECT *, unnest(range({lo}, {hi})) AS i FROM roster_plan WHERE part = {part}) AS p))"
    )
}

/// A number in (0, 1) from the 16 bits of hash `of` at `shift`.
fn uniform(of: &str, shift: u32) -> String {
    format!("((({of} >> {shift}) & 65535) + 0.5) / 65536.0")
}

/// The 2,400 company names, as a list literal indexed by the hash.
fn names() -> String {
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
                names.push(format!("'{a}{b}{c}有限公司'"));
            }
        }
    }
    format!("[{}]", names.join(","))
}

/// The enterprises of one part.
pub fn enterprises_query(seed: u64, part: usize) -> String {
    let units = units(seed, part, "lo", "hi");
    let churn = "(i - core)";
    let joined: String = (1..YEARS)
        .map(|y| format!(" WHEN {churn} < j{0} THEN {0}", year(y)))
        .collect();
    let left: String = (1..YEARS)
        .map(|y| format!(" WHEN {churn} < l{0} THEN {0}", year(y)))
        .collect();
    // About standard normal: the sum of four uniforms, centred and scaled.
    let normal = format!(
        "(({} + {} + {} + {}) - 2.0) * 1.7320508",
        uniform("h", 0),
        uniform("h", 16),
        uniform("h", 32),
        uniform("h", 48)
    );
    let names = names();
    let (u_large, u_staff, u_founded) = (uniform("g", 0), uniform("g", 16), uniform("g", 32));
    format!(
        "WITH units AS ({units}),
         drawn AS (
           SELECT *,
             CASE WHEN i < qmax THEN 'honored' WHEN i < qmax + large THEN 'large'
                  WHEN i < core THEN 'core' ELSE 'churn' END AS segment,
             CASE WHEN i < core THEN 2019 - ((g >> 48) % 15)::INTEGER
                  WHEN {churn} < j2019 THEN 2019 - ((g >> 48) % 10)::INTEGER
                  {joined} END AS joined_year,
             CASE WHEN i < core THEN NULL {left} END AS left_year,
             revenue_median * exp(1.1 * {normal}) AS sme_revenue
           FROM units),
         sized AS (
           SELECT *,
             round(CASE segment WHEN 'large' THEN 400 + 3600 * {u_large}
                                WHEN 'honored' THEN 20 + sme_revenue
                                ELSE least(sme_revenue, 2000) END, 2) AS revenue,
             CASE WHEN segment = 'large' THEN 1000 + (f % 4000)::INTEGER
                  ELSE least(999, greatest(1, round(sme_revenue * (2 + 5 * {u_staff}))))::INTEGER END AS staff
           FROM drawn)
         SELECT
           id_prefix || lpad(i::VARCHAR, 7, '0') AS enterprise_id,
           cluster_id,
           {names}[((f >> 16) % 2400)::INTEGER + 1] AS name,
           CASE WHEN segment = 'large' THEN 'large'
                WHEN staff >= 300 AND revenue >= 20 THEN 'medium'
                WHEN staff >= 20 AND revenue >= 3 THEN 'small' ELSE 'micro' END AS size_class,
           segment <> 'large' AS is_sme,
           revenue >= 20 AS above_scale,
           segment = 'honored' OR ((f >> 40) % 1000)::DOUBLE < leading_share * 1000 AS in_leading_industry,
           -- Quality SMEs hold tiers from 2016 on (`honors_query`): they
           -- were founded by 2015.
           CASE WHEN segment = 'honored' THEN least(joined_year - floor(20 * {u_founded}), 2015)
                WHEN segment = 'large' THEN joined_year - 5 - floor(30 * {u_founded})
                ELSE joined_year - floor(20 * {u_founded}) END::INTEGER AS founded_year,
           staff AS employees,
           revenue AS revenue_mn_cny,
           joined_year::INTEGER AS joined_year,
           left_year::INTEGER AS left_year
         FROM sized"
    )
}

/// The honors of one part: a row for each tier an enterprise reached, in
/// the first year it held it (tiers held in 2019 were awarded earlier).
pub fn honors_query(seed: u64, part: usize) -> String {
    let units = units(seed, part, "lo", "least(hi, qmax)");
    let first_year = |t: usize| -> String {
        let cases: String = (0..YEARS)
            .map(|y| format!(" WHEN i < k{t}_{0} THEN {0}", year(y)))
            .collect();
        format!("CASE{cases} END")
    };
    let reached = (1..=4)
        .map(|t| format!("{} AS y{t}", first_year(t)))
        .collect::<Vec<_>>()
        .join(", ");
    // A tier held in the panel's first year was awarded before it.
    let before = [
        "2016 + (h >> 40) % 4",
        "2019",
        "2016 + (h >> 40) % 4",
        "2019",
    ];
    let candidates = (1..=4)
        .map(|t| {
            let above = if t == 1 {
                "NULL".to_string()
            } else {
                format!("y{}", t - 1)
            };
            format!(
                "{{'tier': '{}', 'first': y{t}, 'above': {above}, 'before': ({})::INTEGER}}",
                TIERS[t - 1],
                before[t - 1]
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "WITH units AS ({units}),
         reached AS (SELECT *, {reached} FROM units),
         candidates AS (SELECT id_prefix, i, unnest([{candidates}]) AS c FROM reached)
         SELECT
           id_prefix || lpad(i::VARCHAR, 7, '0') AS enterprise_id,
           c.tier AS tier,
           CASE WHEN c.tier IN ('manufacturing_champion', 'little_giant') THEN 'national' ELSE 'provincial' END AS level,
           (CASE WHEN c.first = {FIRST_YEAR} THEN c.before ELSE c.first END)::INTEGER AS awarded_year
         FROM candidates
         WHERE c.first IS NOT NULL AND (c.above IS NULL OR c.first < c.above)"
    )
}

/// All parts of a query, one after the other; DuckDB runs each part on a
/// thread of its own.
pub fn all_parts(parts: usize, query: impl Fn(usize) -> String) -> String {
    (0..parts.max(1))
        .map(|part| format!("({})", query(part)))
        .collect::<Vec<_>>()
        .join(" UNION ALL ")
}

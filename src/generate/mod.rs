//! `clusterql generate`: the deterministic synthetic dataset at any scale.
//! Cluster-level tables are built here and written as CSV; the roster and
//! honors are generated chunk by chunk on every core and streamed to
//! Parquet (or CSV) by `output`, so memory stays flat as the scale grows.

mod claims;
mod clusters;
pub mod credit_codes;
mod criteria;
pub mod geography;
mod industries;
mod official;
mod output;
mod panel;
mod rng;
mod roster;

use crate::t;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::error::{Error, Result};

use clusters::RosterPlan;
pub use clusters::targets;
use panel::{YEAR_2022, YEARS};
use roster::PlanRow;

/// The seed of the bundled dataset (the briefing's date).
pub const BUNDLED_SEED: u64 = 20_230_420;
/// SMEs on the roster in report year 2022 at `--scale national`: China's
/// SME population, about 52 million.
pub const NATIONAL_SMES: f64 = 52_000_000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RosterFormat {
    Parquet,
    Csv,
}

/// How large a dataset `generate` writes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// A multiple of the bundled data.
    Factor(f64),
    /// China's whole SME population in 2022, about 52 million SMEs.
    National,
}

/// `--scale`: a positive number, or `national`.
pub fn parse_scale(text: &str) -> std::result::Result<Scale, String> {
    if text.eq_ignore_ascii_case("national") {
        return Ok(Scale::National);
    }
    match text.parse::<f64>() {
        // Past 100,000 times the bundled data a cluster outgrows its ids.
        Ok(factor) if factor > 0.0 && factor <= 100_000.0 => Ok(Scale::Factor(factor)),
        _ => Err(t!("generate-bad-scale", text = text)),
    }
}

#[derive(Debug, Clone)]
pub struct GenerateOptions {
    pub out: PathBuf,
    pub scale: Scale,
    pub seed: u64,
    pub format: RosterFormat,
}

pub struct Summary {
    /// Roster rows: every enterprise that belongs to a report in some year.
    pub enterprises: u64,
    pub honors: u64,
    /// SMEs on the reports of 2022 (all clusters).
    pub smes_2022: i64,
    pub factor: f64,
    pub seconds: f64,
}

pub fn generate(options: &GenerateOptions) -> Result<Summary> {
    let started = Instant::now();
    let official = official::official_clusters();
    let data = clusters::build(options.seed, &official);
    let plans = clusters::roster_plans(&data.clusters);
    let factor = match options.scale {
        Scale::Factor(factor) => factor,
        Scale::National => {
            let smes_2022: i64 = plans.iter().map(|p| p.counts[YEAR_2022] - p.large).sum();
            NATIONAL_SMES / smes_2022 as f64
        }
    };
    let rows = plan_rows(&plans, factor)?;
    let total_rows: i64 = rows.iter().map(|row| row.enterprises).sum();
    if total_rows == 0 {
        return Err(Error::Usage(t!(
            "generate-scale-too-small",
            scale = factor.to_string()
        )));
    }
    std::fs::create_dir_all(&options.out).map_err(|e| Error::io(&options.out, e))?;
    let written = output::write(&rows, options.seed, options.format, &options.out)?;
    let counts = written.counts;
    let reports = clusters::reports(options.seed, &data.clusters, &counts, factor);
    write_small_tables(&options.out, &data, &reports)?;
    let smes_2022 = counts
        .iter()
        .filter(|((_, year), _)| *year == 2022)
        .map(|(_, c)| c.smes)
        .sum();
    Ok(Summary {
        enterprises: written.enterprises,
        honors: written.honors,
        smes_2022,
        factor,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The plans at `factor`: counts and thresholds scaled (rounding keeps
/// their order), the core and the churn worked out.
fn plan_rows(plans: &[RosterPlan], factor: f64) -> Result<Vec<PlanRow>> {
    let scaled = |n: i64| (n as f64 * factor).round() as i64;
    let mut rows = Vec::new();
    for plan in plans {
        let counts = plan.counts.map(scaled);
        let large = scaled(plan.large);
        let smallest = counts.iter().copied().min().unwrap_or(0);
        // Quality SMEs and large firms belong in every year: they sit in
        // the core, which no count may undercut, and the core keeps one
        // ordinary SME besides.
        let room = (smallest - large - 1).max(0);
        let thresholds = plan
            .thresholds
            .map(|year| year.map(|k| scaled(k).min(room)));
        let qmax = thresholds[YEARS - 1][3];
        let core = (qmax + large + 1)
            .max((0.75 * smallest as f64).round() as i64)
            .min(smallest);
        let (joined, left) = panel::membership(&counts, core);
        let n_rows = core + joined[YEARS - 1];
        if n_rows >= roster::ID_SEQUENCES_PER_CLUSTER as i64 {
            return Err(Error::Usage(t!(
                "generate-scale-too-large",
                scale = factor.to_string(),
                cluster = &plan.cluster_id,
                rows = n_rows.to_string()
            )));
        }
        // Enterprises registered with the market regulator ('9', '1') of
        // their cluster's county.
        let id_prefix =
            credit_codes::Prefix::new('9', '1', &plan.county_code).ok_or_else(|| {
                Error::Usage(t!(
                    "generate-bad-county",
                    cluster = &plan.cluster_id,
                    code = &plan.county_code
                ))
            })?;
        rows.push(PlanRow {
            cluster_id: plan.cluster_id.clone(),
            cluster_no: plan.cluster_no,
            id_prefix,
            enterprises: n_rows,
            core,
            qmax,
            large,
            joined,
            left,
            thresholds,
            leading_share: plan.leading_share,
            revenue_median: plan.revenue_median,
        });
    }
    Ok(rows)
}

/// The small tables as CSV files, written here so that they are readable
/// in the repository and reviewable line by line.
fn write_small_tables(
    out: &Path,
    data: &clusters::ClusterData,
    reports: &[clusters::Report],
) -> Result<()> {
    let mut text = String::from(
        "cluster_id,name,name_en,level,batch_year,province,province_zh,region,county,county_code,leading_industry,sector,area_km2,valid_from,valid_to,status,name_source\n",
    );
    for c in &data.clusters {
        csv_row(
            &mut text,
            &[
                &c.id,
                &c.name,
                &c.name_en,
                c.level,
                &c.batch_year.to_string(),
                c.province.name,
                c.province.name_zh,
                c.province.region,
                &c.county,
                &c.county_code,
                &c.leading_industry,
                c.sector,
                &c.area_km2.to_string(),
                &c.valid_from,
                &c.valid_to,
                c.status,
                &c.name_source,
            ],
        );
    }
    write_file(&out.join("clusters.csv"), &text)?;

    let mut text = String::from(
        "cluster_id,report_year,total_output_bn_cny,leading_output_bn_cny,sme_output_bn_cny,enterprise_count,sme_count,above_scale_count,employees,sme_rd_bn_cny,export_bn_cny,industrial_internet_rate,energy_intensity,is_county_pillar,served_by_national_platform,has_promotion_mechanism,has_rights_protection\n",
    );
    for r in reports {
        csv_row(
            &mut text,
            &[
                &r.cluster_id,
                &r.year.to_string(),
                &r.total_output.to_string(),
                &r.leading_output.to_string(),
                &r.sme_output.to_string(),
                &r.enterprises.to_string(),
                &r.smes.to_string(),
                &r.above_scale.to_string(),
                &r.employees.to_string(),
                &r.sme_rd.to_string(),
                &r.export.to_string(),
                &r.internet_rate.to_string(),
                &r.energy_intensity.to_string(),
                &r.is_pillar.to_string(),
                &r.served_by_platform.to_string(),
                &r.promotion_mechanism.to_string(),
                &r.rights_protection.to_string(),
            ],
        );
    }
    write_file(&out.join("cluster_reports.csv"), &text)?;

    let mut text = String::from("cluster_id,link\n");
    for c in &data.clusters {
        for link in &c.chain_links {
            csv_row(&mut text, &[&c.id, link]);
        }
    }
    write_file(&out.join("chain_links.csv"), &text)?;

    let mut text = String::from(
        "source_key,claim_id,report_year,aspect,metric,comparator,published_value,unit,tolerance,erratum,corrected_value,statement,statement_zh,source,note\n",
    );
    for claim in claims::CLAIMS {
        let corrected = claim.corrected_value.map(|v| v.to_string());
        csv_row_with_nulls(
            &mut text,
            &[
                Some(claim.source_key),
                Some(claim.id),
                Some(&claim.report_year.to_string()),
                Some(claim.aspect),
                Some(claim.metric),
                Some(claim.comparator),
                Some(&claim.published_value.to_string()),
                Some(claim.unit),
                Some(&claim.tolerance.to_string()),
                Some(if claim.corrected_value.is_some() {
                    "true"
                } else {
                    "false"
                }),
                corrected.as_deref(),
                Some(claim.statement),
                Some(claim.statement_zh),
                Some(claims::source_name(claim.source_key)),
                claim.note,
            ],
        );
    }
    write_file(&out.join("briefing_claims.csv"), &text)?;

    let mut text = String::from(
        "criterion_id,indicator_group,description,level,metric,comparator,threshold,unit\n",
    );
    for criterion in criteria::CRITERIA {
        for (level, threshold) in [
            ("national", criterion.national),
            ("provincial", criterion.provincial),
        ] {
            if let Some(threshold) = threshold {
                csv_row(
                    &mut text,
                    &[
                        criterion.id,
                        criterion.group,
                        criterion.description,
                        level,
                        criterion.metric,
                        criterion.comparator,
                        &threshold.to_string(),
                        criterion.unit,
                    ],
                );
            }
        }
    }
    write_file(&out.join("recognition_criteria.csv"), &text)
}

/// A row whose `None` fields are left empty (NULL to DuckDB's reader),
/// where an empty string is quoted.
fn csv_row_with_nulls(text: &mut String, fields: &[Option<&str>]) {
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            text.push(',');
        }
        if let Some(field) = field {
            push_field(text, field);
        }
    }
    text.push('\n');
}

fn push_field(text: &mut String, field: &str) {
    if field.is_empty() || field.contains([',', '"', '\n', '\r']) {
        let _ = write!(text, "\"{}\"", field.replace('"', "\"\""));
    } else {
        text.push_str(field);
    }
}

fn csv_row(text: &mut String, fields: &[&str]) {
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            text.push(',');
        }
        push_field(text, field);
    }
    text.push('\n');
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| Error::io(path, e))
}

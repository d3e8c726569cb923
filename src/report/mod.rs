//! `clusterql report`: the briefing regenerated from the data as one
//! self-contained HTML page with SVG charts, in the interface's language.
//!
//! Every number on the page comes from a query of the view library, and
//! that query is printed under its figure: the page is a view of the data,
//! not a copy of it. Sections whose query returns nothing say so instead of
//! drawing an empty chart, so a database holding only a user's own rows
//! gets a report of what it has.

pub mod html;
pub mod svg;
pub mod tiles;

use std::fmt::Write as _;

use crate::claims;
use crate::engine::Engine;
use crate::error::Result;
use crate::i18n::{Lang, current};
use crate::t;
use html::escape;
use svg::Mark;

/// Which clusters and which year's reports the page describes.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions {
    pub batch: i32,
    pub year: i32,
}

/// The page and each chart on its own, for `--figures`.
pub struct Report {
    pub html: String,
    pub figures: Vec<(String, String)>,
}

/// How a figure's rows are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Chart {
    Bars,
    /// Bars whose values are shares, shown as percents.
    ShareBars,
    /// Columns grouped by label, one colour a series.
    Columns,
    /// One line a series over the labels; values are shares (growth).
    Lines,
    TileMap,
}

/// A figure: its query (label, [series,] value), the view it reads and
/// how to draw it.
#[derive(Clone)]
struct Spec {
    id: &'static str,
    view: &'static str,
    chart: Chart,
    sql: String,
}

pub fn build(engine: &Engine, options: &ReportOptions) -> Result<Report> {
    let (batch, year) = (options.batch, options.year);
    let mut figures = Vec::new();
    let mut sections = Vec::new();
    sections.push(headline_section(engine, options)?);
    sections.push(claims_section(engine)?);

    let provinces = Spec {
        id: "clusters-by-province",
        view: "cluster_profile",
        chart: Chart::Bars,
        sql: format!(
            "SELECT province AS label, count(*)::DOUBLE AS value\nFROM cluster_profile\nWHERE level = 'national' AND batch_year = {batch}\nGROUP BY province\nORDER BY value DESC, label"
        ),
    };
    let map = Spec {
        id: "clusters-tile-map",
        chart: Chart::TileMap,
        ..provinces.clone()
    };
    let mut place = section_open(&t!("report-where"));
    // The bars and the map draw the same rows: one query for both.
    let per_province = rows(engine, &provinces)?;
    place.push_str(&drawn(
        &provinces,
        &t!("report-fig-provinces"),
        &per_province,
        &mut figures,
    ));
    place.push_str(&drawn(
        &map,
        &t!("report-fig-tile-map"),
        &per_province,
        &mut figures,
    ));
    place.push_str("</section>");
    sections.push(place);

    let pyramid = Spec {
        id: "quality-pyramid",
        view: "quality_pyramid",
        chart: Chart::Bars,
        sql: format!(
            "SELECT tier AS label, enterprises::DOUBLE AS value\nFROM quality_pyramid\nWHERE level = 'national' AND batch_year = {batch} AND report_year = {year} AND province = 'all'\nORDER BY tier_rank DESC"
        ),
    };
    let output = Spec {
        id: "output-distribution",
        view: "leading_industry_share",
        chart: Chart::Bars,
        sql: format!(
            "SELECT band AS label, count(*)::DOUBLE AS value\nFROM (\n  SELECT CASE WHEN total_output_bn_cny < 10 THEN '< 10' WHEN total_output_bn_cny < 15 THEN '10-15'\n              WHEN total_output_bn_cny < 20 THEN '15-20' WHEN total_output_bn_cny < 30 THEN '20-30'\n              WHEN total_output_bn_cny < 50 THEN '30-50' ELSE '>= 50' END AS band,\n         CASE WHEN total_output_bn_cny < 10 THEN 0 WHEN total_output_bn_cny < 15 THEN 1\n              WHEN total_output_bn_cny < 20 THEN 2 WHEN total_output_bn_cny < 30 THEN 3\n              WHEN total_output_bn_cny < 50 THEN 4 ELSE 5 END AS band_order\n  FROM leading_industry_share\n  WHERE level = 'national' AND batch_year = {batch} AND report_year = {year}\n)\nGROUP BY band\nORDER BY min(band_order)"
        ),
    };
    let growth = Spec {
        id: "output-by-year",
        view: "leading_industry_share",
        chart: Chart::Columns,
        sql: "SELECT report_year::VARCHAR AS label, batch_year::VARCHAR AS series, round(sum(total_output_bn_cny), 1) AS value\nFROM leading_industry_share\nWHERE level = 'national'\nGROUP BY report_year, batch_year\nORDER BY label, series".to_string(),
    };
    let event_study = Spec {
        id: "growth-since-recognition",
        view: "recognition_event_study",
        chart: Chart::Lines,
        sql: "SELECT years_since_recognition::VARCHAR AS label, batch_year::VARCHAR AS series, round(mean_growth, 4) AS value\nFROM recognition_event_study\nWHERE outcome = 'total_output_bn_cny' AND mean_growth IS NOT NULL\nORDER BY years_since_recognition, batch_year".to_string(),
    };
    let mut development = section_open(&t!("report-development"));
    development.push_str(&figure(
        engine,
        &pyramid,
        &t!("report-fig-pyramid"),
        &mut figures,
    )?);
    development.push_str(&figure(
        engine,
        &output,
        &t!("report-fig-output"),
        &mut figures,
    )?);
    development.push_str(&figure(
        engine,
        &growth,
        &t!("report-fig-growth"),
        &mut figures,
    )?);
    development.push_str(&figure(
        engine,
        &event_study,
        &t!("report-fig-event-study"),
        &mut figures,
    )?);
    development.push_str("</section>");
    sections.push(development);

    let leading = Spec {
        id: "leading-industry-share",
        view: "leading_industry_share",
        chart: Chart::Bars,
        sql: format!(
            "SELECT band AS label, count(*)::DOUBLE AS value\nFROM (\n  SELECT CASE WHEN leading_output_share < 0.75 THEN '< 75 %' WHEN leading_output_share < 0.8 THEN '75-80 %'\n              WHEN leading_output_share < 0.85 THEN '80-85 %' WHEN leading_output_share < 0.9 THEN '85-90 %'\n              WHEN leading_output_share < 0.95 THEN '90-95 %' ELSE '>= 95 %' END AS band,\n         CASE WHEN leading_output_share < 0.75 THEN 0 WHEN leading_output_share < 0.8 THEN 1\n              WHEN leading_output_share < 0.85 THEN 2 WHEN leading_output_share < 0.9 THEN 3\n              WHEN leading_output_share < 0.95 THEN 4 ELSE 5 END AS band_order\n  FROM leading_industry_share\n  WHERE level = 'national' AND batch_year = {batch} AND report_year = {year}\n)\nGROUP BY band\nORDER BY min(band_order)"
        ),
    };
    let coverage = Spec {
        id: "service-coverage",
        view: "service_coverage",
        chart: Chart::ShareBars,
        sql: format!(
            "SELECT metric AS label, value\nFROM (\n  UNPIVOT (\n    SELECT share_served_by_national_platform, share_with_promotion_mechanism, share_with_rights_protection\n    FROM service_coverage\n    WHERE level = 'national' AND batch_year = {batch} AND report_year = {year} AND grouping = 'batch'\n  ) ON COLUMNS(*) INTO NAME metric VALUE value\n)"
        ),
    };
    let review = Spec {
        id: "recognition-review",
        view: "recognition_summary",
        chart: Chart::Bars,
        sql: format!(
            "SELECT criterion AS label, count(*)::DOUBLE AS value\nFROM (\n  SELECT unnest(r.failed) AS criterion\n  FROM recognition_summary AS r JOIN clusters AS c USING (cluster_id)\n  WHERE c.level = 'national' AND c.batch_year = {batch} AND r.threshold_level = 'national'\n)\nGROUP BY criterion\nORDER BY value DESC, label"
        ),
    };
    let mut industry = section_open(&t!("report-industry"));
    industry.push_str(&figure(
        engine,
        &leading,
        &t!("report-fig-leading"),
        &mut figures,
    )?);
    industry.push_str(&figure(
        engine,
        &coverage,
        &t!("report-fig-coverage"),
        &mut figures,
    )?);
    industry.push_str(&figure(
        engine,
        &review,
        &t!("report-fig-review"),
        &mut figures,
    )?);
    industry.push_str("</section>");
    sections.push(industry);

    sections.push(batches_section(engine)?);

    let title = t!("report-title", batch = batch, year = year);
    let lead = t!("report-lead", batch = batch, year = year);
    let footer = t!("report-footer", version = env!("CARGO_PKG_VERSION"));
    let html = html::Page {
        lang: current().tag(),
        title: &title,
        lead: &lead,
        sections: &sections,
        footer: &footer,
    }
    .render();
    Ok(Report { html, figures })
}

/// Where a figure came from: its view and the query that reproduces it.
fn caption(view: &str, sql: &str) -> String {
    format!(
        "<figcaption>{}<pre><code>{}</code></pre></figcaption>",
        escape(&t!("report-from-view", view = view)),
        escape(sql)
    )
}

/// What a section says instead of an empty chart.
fn empty_note(text: &str) -> String {
    format!("<p class=\"empty\">{}</p>", escape(text))
}

/// A metric's title in the interface's language and its unit, from the
/// data dictionary; a metric it does not know keeps its name.
fn titled(metric: &str) -> (String, &'static str) {
    match crate::dictionary::entry(metric, false) {
        Some(entry) => (entry.title(current()).to_string(), entry.unit.as_str()),
        None => (metric.to_string(), ""),
    }
}

fn section_open(heading: &str) -> String {
    format!("<section><h2>{}</h2>", escape(heading))
}

/// Runs a figure's query: (label, value) or (label, series, value) rows.
fn rows(engine: &Engine, spec: &Spec) -> Result<Vec<(String, Option<String>, f64)>> {
    let mut statement = engine.connection().prepare(&spec.sql)?;
    let with_series = matches!(spec.chart, Chart::Columns | Chart::Lines);
    let rows = statement
        .query_map([], |row| {
            let label: Option<String> = row.get(0)?;
            let (series, value): (Option<String>, Option<f64>) = if with_series {
                (row.get(1)?, row.get(2)?)
            } else {
                (None, row.get(1)?)
            };
            Ok((label.unwrap_or_default(), series, value))
        })?
        .collect::<duckdb::Result<Vec<_>>>()?;
    // A NULL value has no bar; it is not a zero.
    Ok(rows
        .into_iter()
        .filter_map(|(label, series, value)| Some((label, series, value?)))
        .collect())
}

/// A figure: its chart, or what it cannot show, then the view and query.
fn figure(
    engine: &Engine,
    spec: &Spec,
    title: &str,
    figures: &mut Vec<(String, String)>,
) -> Result<String> {
    Ok(drawn(spec, title, &rows(engine, spec)?, figures))
}

/// A figure of rows already queried.
fn drawn(
    spec: &Spec,
    title: &str,
    data: &[(String, Option<String>, f64)],
    figures: &mut Vec<(String, String)>,
) -> String {
    let lang = current();
    let mut html = format!(
        "<figure id=\"{}\" data-view=\"{}\" data-chart=\"{:?}\"><h3>{}</h3>",
        spec.id,
        spec.view,
        spec.chart,
        escape(title)
    );
    if data.is_empty() {
        html.push_str(&empty_note(&t!("report-empty", view = spec.view)));
    } else {
        let marks: Vec<Mark> = data
            .iter()
            .map(|(label, series, value)| Mark {
                shown_label: shown_label(spec, label, lang),
                label: label.clone(),
                series: series.clone(),
                value: *value,
                shown_value: shown_value(spec, *value),
            })
            .collect();
        let chart = match spec.chart {
            Chart::Bars | Chart::ShareBars => svg::bars(&marks, title),
            Chart::Columns | Chart::Lines => {
                let mut series: Vec<(String, String)> = Vec::new();
                for mark in &marks {
                    if let Some(raw) = &mark.series
                        && !series.iter().any(|(r, _)| r == raw)
                    {
                        series.push((raw.clone(), t!("report-batch-series", batch = raw)));
                    }
                }
                // Batches in their order, whichever the rows showed first.
                series.sort();
                if spec.chart == Chart::Lines {
                    svg::lines(&marks, title, &series)
                } else {
                    svg::columns(&marks, title, &series)
                }
            }
            Chart::TileMap => {
                svg::tile_map(&marks, title, &|province| tiles::short_name(province, lang))
            }
        };
        let _ = write!(html, "<div class=\"chart\">{chart}</div>");
        figures.push((format!("{}.svg", spec.id), chart));
    }
    html.push_str(&caption(spec.view, &spec.sql));
    html.push_str("</figure>");
    html
}

/// How a row's label reads on the page: provinces, tiers and coverage
/// metrics in the interface's language, the rest as the query gave them.
fn shown_label(spec: &Spec, label: &str, lang: Lang) -> String {
    match spec.id {
        "clusters-by-province" | "clusters-tile-map" => tiles::short_name(label, lang),
        "output-distribution" => money_band(label),
        // The programme's tiers and criteria have names in the catalogue;
        // a user's own keep their code.
        "quality-pyramid" => crate::i18n::optional(&format!("report-tier-{label}"))
            .unwrap_or_else(|| label.to_string()),
        "recognition-review" => crate::i18n::optional(&format!("report-criterion-{label}"))
            .map_or_else(|| label.to_string(), |name| format!("{label} {name}")),
        "service-coverage" => titled(label).0,
        _ => label.to_string(),
    }
}

fn shown_value(spec: &Spec, value: f64) -> String {
    match spec.chart {
        Chart::ShareBars | Chart::Lines => claims::figure(value, "share"),
        Chart::Columns => claims::figure(value * claims::money_scale(), ""),
        _ => claims::figure(value, ""),
    }
}

/// An output band (`10-15`, `< 10`, billions) in the page's money unit.
fn money_band(label: &str) -> String {
    let scale = claims::money_scale();
    let mut out = String::new();
    let mut digits = String::new();
    for c in label.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if let Ok(number) = digits.parse::<f64>() {
            out.push_str(&claims::figure(number * scale, ""));
        }
        digits.clear();
        out.push(c);
    }
    out.pop();
    out
}

/// The headline: the batch's figures as cards, each with its title from
/// the data dictionary.
fn headline_section(engine: &Engine, options: &ReportOptions) -> Result<String> {
    let sql = format!(
        "SELECT metric, value\nFROM (\n  UNPIVOT (\n    SELECT clusters::DOUBLE AS clusters, smes::DOUBLE AS smes, total_output_bn_cny,\n           manufacturing_champions::DOUBLE AS manufacturing_champions, little_giants::DOUBLE AS little_giants,\n           specialized_smes::DOUBLE AS specialized_smes, innovative_smes::DOUBLE AS innovative_smes,\n           quality_share_of_enterprises, leading_output_share, share_served_by_national_platform,\n           share_with_promotion_mechanism, share_with_rights_protection\n    FROM batch_headline({}, {})\n  ) ON COLUMNS(*) INTO NAME metric VALUE value\n)",
        options.batch, options.year
    );
    let mut statement = engine.connection().prepare(&sql)?;
    let metrics: Vec<(String, Option<f64>)> = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    let mut html = section_open(&t!("report-headline"));
    let clusters = metrics
        .iter()
        .find(|(metric, _)| metric == "clusters")
        .and_then(|(_, value)| *value)
        .unwrap_or(0.0);
    if clusters == 0.0 {
        html.push_str(&empty_note(&t!(
            "report-no-headline",
            batch = options.batch,
            year = options.year
        )));
    } else {
        html.push_str("<div class=\"cards\" data-view=\"batch_headline\">");
        for (metric, value) in &metrics {
            let Some(value) = value else { continue };
            let (title, unit) = titled(metric);
            let _ = write!(
                html,
                "<div class=\"card\" data-metric=\"{}\" data-value=\"{}\"><div class=\"title\">{}</div><div class=\"figure\">{}</div></div>",
                escape(metric),
                value,
                escape(&title),
                escape(&claims::figure(*value, unit))
            );
        }
        html.push_str("</div>");
    }
    html.push_str(&caption("batch_headline", &sql));
    html.push_str("</section>");
    Ok(html)
}

/// The claims, published against computed, with their sources; errata
/// marked as such.
fn claims_section(engine: &Engine) -> Result<String> {
    let sql = claims::claims_sql(engine, &[])?;
    let claims = claims::checked_claims(engine, &sql)?;
    let mut html = section_open(&t!("report-claims"));
    if claims.is_empty() {
        html.push_str(&empty_note(&t!("report-empty", view = "claims_checked")));
    } else {
        let _ = write!(
            html,
            "<div class=\"table\"><table data-view=\"claims_checked\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            escape(&t!("check-column-claim")),
            escape(&t!("check-column-source")),
            escape(&t!("check-column-statement")),
            escape(&t!("check-column-published")),
            escape(&t!("check-column-computed")),
            escape(&t!("check-column-verdict")),
        );
        for claim in &claims {
            let (row_class, class) = if claim.erratum {
                ("erratum", "erratum")
            } else if claim.holds {
                ("claim", "holds")
            } else {
                ("claim", "fails")
            };
            let _ = write!(
                html,
                "<tr class=\"{row_class}\" data-claim=\"{}\" data-source=\"{}\" data-computed=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td><td class=\"{class}\">{}</td></tr>",
                escape(&claim.claim_id),
                escape(&claim.source_key),
                claim.computed.map_or_else(String::new, |v| v.to_string()),
                escape(&claim.claim_id),
                escape(&format!("{} ({})", claim.source_key, claim.report_year)),
                escape(&claim.statement),
                escape(&claims::published_text(claim, false)),
                escape(&claims::computed_text(claim)),
                escape(&claims::verdict_text(claim, false)),
            );
        }
        html.push_str("</tbody></table></div><ul class=\"sources\">");
        let mut listed: Vec<&str> = Vec::new();
        for claim in &claims {
            if !listed.contains(&claim.source_key.as_str()) {
                listed.push(&claim.source_key);
                let _ = write!(
                    html,
                    "<li><b>{}</b>: {}</li>",
                    escape(&claim.source_key),
                    escape(&claims::source_name(&claim.source_key, &claim.source))
                );
            }
        }
        html.push_str("</ul>");
    }
    html.push_str(&caption("claims_checked", &sql));
    html.push_str("</section>");
    Ok(html)
}

/// The four national batches side by side, each in its own first year, and
/// the 2022 batch's survivors of its 2025 review beside the 2025 batch.
fn batches_section(engine: &Engine) -> Result<String> {
    let sql = "SELECT metric, batch_2022, batch_2023, batch_2024, batch_2025, batch_2022_reviewed FROM batches_compared";
    let mut statement = engine.connection().prepare(sql)?;
    let rows: Vec<(String, [Option<f64>; 5])> = statement
        .query_map([], |row| {
            Ok((
                row.get(0)?,
                [
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                ],
            ))
        })?
        .collect::<duckdb::Result<_>>()?;
    let mut html = section_open(&t!("report-batches"));
    let any = rows
        .iter()
        .any(|(_, values)| values.iter().any(Option::is_some));
    if !any {
        html.push_str(&empty_note(&t!("report-empty", view = "batches_compared")));
    } else {
        let _ = write!(
            html,
            "<div class=\"table\"><table data-view=\"batches_compared\"><thead><tr><th>{}</th>",
            escape(&t!("report-metric")),
        );
        for batch in ["2022", "2023", "2024", "2025"] {
            let _ = write!(
                html,
                "<th>{}</th>",
                escape(&t!("report-batch-series", batch = batch))
            );
        }
        let _ = write!(
            html,
            "<th>{}</th></tr></thead><tbody>",
            escape(&t!("report-batch-reviewed"))
        );
        for (metric, values) in &rows {
            let (title, unit) = titled(metric);
            let _ = write!(
                html,
                "<tr data-metric=\"{}\"><td>{}</td>",
                escape(metric),
                escape(&title)
            );
            for value in values {
                let raw = value.map_or_else(String::new, |v| v.to_string());
                let shown = value.map_or_else(String::new, |v| claims::figure(v, unit));
                let _ = write!(
                    html,
                    "<td class=\"number\" data-value=\"{}\">{}</td>",
                    raw,
                    escape(&shown)
                );
            }
            html.push_str("</tr>");
        }
        html.push_str("</tbody></table></div>");
    }
    html.push_str(&caption("batches_compared", sql));
    html.push_str("</section>");
    Ok(html)
}

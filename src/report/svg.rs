//! The report's charts as SVG: horizontal bars, grouped columns, lines by
//! series and a tile map of China's provinces. Each mark carries its row's raw label and
//! value (`data-label`, `data-value`), so a reader's tools, and our tests,
//! can compare a picture with the query under it.
//!
//! Text is measured by display width (a Chinese character is two columns),
//! so that labels in either language get the room they need.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::html::escape;

/// One row of a figure's query: what the mark is called on the page, the
/// label and value as the query gave them, and the series for grouped
/// columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub label: String,
    pub shown_label: String,
    pub series: Option<String>,
    pub value: f64,
    /// The value as the page prints it (`18 %`, `1,836.4`).
    pub shown_value: String,
}

const FONT: f64 = 13.0;
/// Width of a narrow character as a share of the font size, generous.
const WIDTH_PER_FONT: f64 = 0.62;
const COLUMN: f64 = FONT * WIDTH_PER_FONT;
const ROW: f64 = 24.0;
const BAR: f64 = 16.0;
const PALETTE: [&str; 4] = ["#2f6690", "#d1495b", "#edae49", "#66a182"];

fn text_width(text: &str) -> f64 {
    text.width() as f64 * COLUMN
}

fn number(value: f64) -> String {
    // Rust's shortest round-trip text: reads back exactly as the query gave it.
    format!("{value}")
}

/// Horizontal bars, one a row, labels left, values at the bars' ends;
/// negative values extend left of the axis.
pub fn bars(marks: &[Mark], title: &str) -> String {
    let label_width = marks
        .iter()
        .map(|m| text_width(&m.shown_label))
        .fold(0.0, f64::max)
        + 12.0;
    let value_width = marks
        .iter()
        .map(|m| text_width(&m.shown_value))
        .fold(0.0, f64::max)
        + 10.0;
    let plot = 360.0;
    let width = label_width + plot + value_width * 2.0;
    let height = marks.len() as f64 * ROW + 8.0;
    let max = marks.iter().map(|m| m.value).fold(0.0, f64::max);
    let min = marks.iter().map(|m| m.value).fold(0.0, f64::min);
    let span = if max - min > 0.0 { max - min } else { 1.0 };
    let scale = plot / span;
    // Room on the left of the axis for negative bars and their values.
    let negative_room = if min < 0.0 { value_width } else { 0.0 };
    let zero = label_width + negative_room + (-min) * scale;
    let mut svg = open(width, height, title);
    let _ = write!(
        svg,
        r##"<line x1="{zero:.1}" y1="0" x2="{zero:.1}" y2="{height:.1}" stroke="#888" stroke-width="1"/>"##
    );
    for (index, mark) in marks.iter().enumerate() {
        let y = 4.0 + index as f64 * ROW;
        let length = mark.value.abs() * scale;
        let x = if mark.value < 0.0 {
            zero - length
        } else {
            zero
        };
        let text_y = y + BAR - 3.5;
        let _ = write!(
            svg,
            r#"<g class="bar" data-label="{}" data-value="{}"><text x="{:.1}" y="{text_y:.1}" text-anchor="end">{}</text><rect x="{x:.1}" y="{y:.1}" width="{length:.1}" height="{BAR}" fill="{}"/>"#,
            escape(&mark.label),
            number(mark.value),
            label_width - 8.0,
            escape(&mark.shown_label),
            PALETTE[0],
        );
        let (value_x, anchor) = if mark.value < 0.0 {
            (x - 4.0, "end")
        } else {
            (x + length + 4.0, "start")
        };
        let _ = write!(
            svg,
            r#"<text x="{value_x:.1}" y="{text_y:.1}" text-anchor="{anchor}" class="value">{}</text></g>"#,
            escape(&mark.shown_value)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Columns grouped by label, one colour a series, with a legend.
pub fn columns(marks: &[Mark], title: &str, series_names: &[(String, String)]) -> String {
    let mut labels: Vec<&str> = Vec::new();
    for mark in marks {
        if !labels.contains(&mark.label.as_str()) {
            labels.push(&mark.label);
        }
    }
    let series: Vec<&str> = series_names.iter().map(|(raw, _)| raw.as_str()).collect();
    // Each column as wide as its value's text, which stands above it.
    let value_room = marks
        .iter()
        .map(|m| text_width(&m.shown_value) * 0.8)
        .fold(0.0, f64::max);
    let bar = (value_room + 4.0).max(18.0);
    let group = series.len().max(1) as f64 * bar + 18.0;
    let left = 10.0;
    let top = 24.0 + 20.0;
    let plot_height = 200.0;
    let legend_width: f64 = series_names
        .iter()
        .map(|(_, shown)| text_width(shown) + 30.0)
        .sum();
    let width = (left * 2.0 + labels.len() as f64 * group).max(legend_width + 20.0);
    let height = top + plot_height + 26.0;
    let max = marks.iter().map(|m| m.value).fold(0.0, f64::max);
    let scale = if max > 0.0 { plot_height / max } else { 0.0 };
    let mut svg = open(width, height, title);
    legend(&mut svg, left, series_names);
    let base = top + plot_height;
    let _ = write!(
        svg,
        r##"<line x1="{left}" y1="{base:.1}" x2="{:.1}" y2="{base:.1}" stroke="#888" stroke-width="1"/>"##,
        width - left
    );
    for (index, label) in labels.iter().enumerate() {
        let group_x = left + index as f64 * group + 9.0;
        let mut shown_label = (*label).to_string();
        for mark in marks.iter().filter(|m| m.label == *label) {
            shown_label = mark.shown_label.clone();
            let slot = mark
                .series
                .as_deref()
                .and_then(|s| series.iter().position(|x| *x == s))
                .unwrap_or(0);
            let x = group_x + slot as f64 * bar;
            let height = mark.value.max(0.0) * scale;
            let y = base - height;
            let _ = write!(
                svg,
                r#"<g class="bar" data-label="{}" data-series="{}" data-value="{}"><rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{height:.1}" fill="{}"/><text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="{:.1}" class="value">{}</text></g>"#,
                escape(&mark.label),
                escape(mark.series.as_deref().unwrap_or_default()),
                number(mark.value),
                bar - 2.0,
                PALETTE[slot % PALETTE.len()],
                x + (bar - 2.0) / 2.0,
                y - 4.0,
                FONT * 0.8,
                escape(&mark.shown_value)
            );
        }
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            group_x + (bar * series.len().max(1) as f64) / 2.0,
            base + 17.0,
            escape(&shown_label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// One line a series over labels in the order the rows give them (years
/// since recognition, say), a dot a row with its value beside it, a zero
/// line when values go below it, and a legend.
pub fn lines(marks: &[Mark], title: &str, series_names: &[(String, String)]) -> String {
    let mut labels: Vec<(&str, &str)> = Vec::new();
    for mark in marks {
        if !labels.iter().any(|(raw, _)| *raw == mark.label) {
            labels.push((&mark.label, &mark.shown_label));
        }
    }
    let series: Vec<&str> = series_names.iter().map(|(raw, _)| raw.as_str()).collect();
    let value_room = marks
        .iter()
        .map(|m| text_width(&m.shown_value))
        .fold(0.0, f64::max);
    let step = (value_room + 14.0).max(48.0);
    let left = 14.0 + value_room / 2.0;
    let top = 24.0 + 26.0;
    let plot_height = 200.0;
    let legend_width: f64 = series_names
        .iter()
        .map(|(_, shown)| text_width(shown) + 30.0)
        .sum();
    let width =
        (left * 2.0 + labels.len().saturating_sub(1) as f64 * step).max(legend_width + 20.0);
    let height = top + plot_height + 44.0;
    let max = marks.iter().map(|m| m.value).fold(0.0, f64::max);
    let min = marks.iter().map(|m| m.value).fold(0.0, f64::min);
    let span = if max - min > 0.0 { max - min } else { 1.0 };
    let y_of = |value: f64| top + (max - value) / span * plot_height;
    let x_of = |label: &str| {
        let index = labels
            .iter()
            .position(|(raw, _)| *raw == label)
            .unwrap_or(0);
        left + index as f64 * step
    };
    let mut svg = open(width, height, title);
    legend(&mut svg, 10.0, series_names);
    let zero = y_of(0.0);
    let _ = write!(
        svg,
        r##"<line x1="{:.1}" y1="{zero:.1}" x2="{:.1}" y2="{zero:.1}" stroke="#888" stroke-width="1"/>"##,
        left - 8.0,
        width - left + 8.0
    );
    for (slot, raw) in series.iter().enumerate() {
        let points: Vec<String> = marks
            .iter()
            .filter(|m| m.series.as_deref() == Some(*raw))
            .map(|m| format!("{:.1},{:.1}", x_of(&m.label), y_of(m.value)))
            .collect();
        let _ = write!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>"#,
            points.join(" "),
            PALETTE[slot % PALETTE.len()]
        );
    }
    for mark in marks {
        let slot = mark
            .series
            .as_deref()
            .and_then(|s| series.iter().position(|x| *x == s))
            .unwrap_or(0);
        let (x, y) = (x_of(&mark.label), y_of(mark.value));
        // Lines often run close: the highest value at a label stands above
        // its dot, the others below theirs.
        let highest = marks
            .iter()
            .filter(|m| m.label == mark.label)
            .all(|m| m.value <= mark.value);
        let text_y = if highest { y - 7.0 } else { y + 15.0 };
        let _ = write!(
            svg,
            r#"<g class="point" data-label="{}" data-series="{}" data-value="{}"><circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="{}"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="{:.1}" class="value">{}</text></g>"#,
            escape(&mark.label),
            escape(mark.series.as_deref().unwrap_or_default()),
            number(mark.value),
            PALETTE[slot % PALETTE.len()],
            text_y,
            FONT * 0.75,
            escape(&mark.shown_value)
        );
    }
    let base = top + plot_height + 34.0;
    for (raw, shown) in &labels {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{base:.1}" text-anchor="middle">{}</text>"#,
            x_of(raw),
            escape(shown)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// One square a province in its rough place on the map, shaded by value;
/// provinces without a row are drawn empty.
pub fn tile_map(marks: &[Mark], title: &str, name_of: &dyn Fn(&str) -> String) -> String {
    let tile = 58.0;
    let gap = 4.0;
    let (columns, rows) = super::tiles::GRID;
    let width = columns as f64 * (tile + gap) + gap;
    let height = rows as f64 * (tile + gap) + gap;
    let max = marks.iter().map(|m| m.value).fold(0.0, f64::max);
    let mut svg = open(width, height, title);
    for (province, column, row) in super::tiles::TILES {
        let x = gap + *column as f64 * (tile + gap);
        let y = gap + *row as f64 * (tile + gap);
        let mark = marks.iter().find(|m| m.label == *province);
        let (fill, ink) = match mark {
            Some(mark) if max > 0.0 => shade(mark.value / max),
            _ => ("#eeeeee".to_string(), "#555"),
        };
        let name = name_of(province);
        // A long English name gets a smaller font so it stays in its square.
        let size = (FONT * 0.85).min((tile - 6.0) / (name.width().max(1) as f64 * WIDTH_PER_FONT));
        let _ = write!(
            svg,
            r#"<g class="tile" data-label="{}" data-value="{}"><rect x="{x:.1}" y="{y:.1}" width="{tile}" height="{tile}" rx="4" fill="{fill}"/><text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="{size:.1}" fill="{ink}">{}</text>"#,
            escape(province),
            mark.map_or_else(|| "0".to_string(), |m| number(m.value)),
            x + tile / 2.0,
            y + 22.0,
            escape(&name),
        );
        if let Some(mark) = mark {
            let _ = write!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" class="value" fill="{ink}">{}</text>"#,
                x + tile / 2.0,
                y + 44.0,
                escape(&mark.shown_value)
            );
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

/// Five steps from pale to deep blue, with the ink that reads on each.
fn shade(fraction: f64) -> (String, &'static str) {
    const STEPS: [&str; 5] = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
    let index = ((fraction * STEPS.len() as f64).ceil() as usize).clamp(1, STEPS.len()) - 1;
    (
        STEPS[index].to_string(),
        if index >= 3 { "#ffffff" } else { "#1a1a1a" },
    )
}

/// A colour square and the name of each series, in a row from `x` at the
/// top of the chart.
fn legend(svg: &mut String, mut x: f64, series_names: &[(String, String)]) {
    for (slot, (_, shown)) in series_names.iter().enumerate() {
        let colour = PALETTE[slot % PALETTE.len()];
        let _ = write!(
            svg,
            r#"<rect x="{x:.1}" y="6" width="12" height="12" fill="{colour}"/><text x="{:.1}" y="17">{}</text>"#,
            x + 16.0,
            escape(shown)
        );
        x += text_width(shown) + 30.0;
    }
}

fn open(width: f64, height: f64, title: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" role="img" font-family="'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif" font-size="{FONT}"><title>{}</title>"#,
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(label: &str, value: f64) -> Mark {
        Mark {
            label: label.to_string(),
            shown_label: label.to_string(),
            series: None,
            value,
            shown_value: number(value),
        }
    }

    #[test]
    fn long_chinese_labels_get_their_room() {
        let short = bars(&[mark("a", 1.0)], "t");
        let long = bars(&[mark("制造业单项冠军企业", 1.0)], "t");
        let width = |svg: &str| -> f64 {
            svg.split("viewBox=\"0 0 ")
                .nth(1)
                .and_then(|rest| rest.split(' ').next())
                .and_then(|w| w.parse().ok())
                .unwrap_or(0.0)
        };
        assert!(width(&long) >= width(&short) + 17.0 * COLUMN - 1.0);
    }

    #[test]
    fn negative_bars_extend_left_of_the_axis() {
        let svg = bars(&[mark("up", 2.0), mark("down", -1.0)], "t");
        let axis: f64 = svg
            .split("<line x1=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|x| x.parse().ok())
            .unwrap_or(0.0);
        let down = svg.split("data-label=\"down\"").nth(1).unwrap_or_default();
        let x: f64 = down
            .split("<rect x=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|x| x.parse().ok())
            .unwrap_or(f64::MAX);
        assert!(x < axis, "{svg}");
    }
}

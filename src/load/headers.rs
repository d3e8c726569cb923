//! The second step of a load: each header of the file to a column of the
//! table and the unit its values are written in. A header is a column's
//! name, or its title in the dictionary in either language, optionally
//! with a unit (`总产值（亿元）`, `出口额/亿元`); `--map` names the column
//! of any other header and `--unit` the unit of a header that gives none.
//!
//! Every header is judged before anything is read, so that a file with a
//! bare money header, a unit that does not fit, or a header that names
//! nothing is refused whole, every problem named at once.

use super::stated_units::{self, Statement};
use super::{Column, LoadRequest};
use crate::t;
use crate::units::{self, Unit};

/// One header the load reads, and how.
#[derive(Debug, Clone)]
pub(super) struct Planned {
    /// As the file writes it.
    pub header: String,
    /// The table column it fills.
    pub column: String,
    /// The unit its values are written in when the header (or `--unit`)
    /// names one: a cell may repeat it (`12.5亿元`).
    pub unit: Option<&'static Unit>,
    /// The power of ten its values are multiplied by to be in the
    /// column's unit: −1 for 亿元 into a column of 十亿元.
    pub scale: i32,
}

/// How a file's headers are read: the headers loaded, in file order, and
/// what stderr should say of them.
#[derive(Debug, Default)]
pub(super) struct Plan {
    pub planned: Vec<Planned>,
    pub notices: Vec<String>,
    /// A `序号` / `No.` header that names no column: the rows' numbers,
    /// left out once they are found to be 1, 2, 3 …
    pub row_numbers: Option<String>,
}

impl Plan {
    /// The plan of the table column `column`, if a header fills it.
    pub fn of_column(&self, column: &str) -> Option<&Planned> {
        self.planned.iter().find(|p| p.column == column)
    }

    /// Whether a header's unit converts its values, so that no value can
    /// be read as it is written. (Without one, cells may still hold 是/否 or
    /// `1,234`: the quick path finds out when its typed reading fails.)
    pub fn converts(&self) -> bool {
        self.planned.iter().any(|p| p.scale != 0)
    }
}

/// The column a header names, and the unit part it writes (if any),
/// without judging the unit. Spreadsheet messages use it to find a
/// column's cells.
pub(super) fn column_of<'h>(
    request: &LoadRequest,
    header: &'h str,
    columns: &[Column],
) -> Option<(String, Option<&'h str>)> {
    let names: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
    let mapped = |text: &str| {
        request
            .maps
            .iter()
            .find(|(from, _)| from.trim() == text.trim())
            .and_then(|(_, to)| names.iter().find(|n| n.eq_ignore_ascii_case(to.trim())))
            .cloned()
    };
    let named = |text: &str| crate::dictionary::column_named(&request.table, text, &names).cloned();
    if let Some(column) = mapped(header).or_else(|| named(header)) {
        // The whole header: a name, a title, or a header the user mapped.
        // A mapped header may still write its unit.
        let unit = if mapped(header).is_some() {
            units::split_header(header).1
        } else {
            None
        };
        return Some((column, unit));
    }
    let (title, unit) = units::split_header(header);
    unit?;
    mapped(title)
        .or_else(|| named(title))
        .map(|column| (column, unit))
}

/// A problem the headers alone show: of one header (told at its cell or
/// line in each file), or of the files' headers as a whole (a column
/// missing, a `--map` that matches nothing).
pub(super) struct HeaderProblem {
    pub header: Option<String>,
    pub text: String,
    /// A `--map` or `--unit` this file has no use for: a problem only when
    /// no file of the load uses it (a folder may mix two templates).
    pub unused_option: bool,
}

/// Plans the headers of a file, with every problem found (the plan is
/// only used when there is none).
pub(super) fn plan(
    request: &LoadRequest,
    headers: &[String],
    columns: &[Column],
    stated: (&[Statement], &[String]),
) -> (Plan, Vec<HeaderProblem>) {
    let mut plan = Plan::default();
    let mut problems = Vec::new();
    let at = |header: &str, text: String| HeaderProblem {
        header: Some(header.to_string()),
        text,
        unused_option: false,
    };
    let said = |text: String| HeaderProblem {
        header: None,
        text,
        unused_option: false,
    };
    let unused = |text: String| HeaderProblem {
        header: None,
        text,
        unused_option: true,
    };
    // Columns whose header was refused are not also reported missing.
    let mut refused = Vec::new();
    for header in headers {
        let Some((column, written_unit)) = column_of(request, header, columns) else {
            if is_row_number(header) && plan.row_numbers.is_none() {
                plan.row_numbers = Some(header.clone());
                continue;
            }
            if !request.ignore_extra {
                problems.push(at(header, unknown(request, header, columns)));
            }
            continue;
        };
        match unit_of(request, header, &column, written_unit, stated) {
            Ok((unit, scale, notice)) => {
                plan.notices.extend(notice);
                plan.planned.push(Planned {
                    header: header.clone(),
                    column,
                    unit,
                    scale,
                });
            }
            Err(problem) => {
                problems.push(at(header, problem));
                refused.push(column);
            }
        }
    }
    // What the user named must be there: a --map or --unit that matches
    // nothing is a typo, not a wish to be ignored.
    for (from, _) in &request.maps {
        let found = headers
            .iter()
            .any(|h| h.trim() == from.trim() || units::split_header(h).0 == from.trim());
        if !found {
            problems.push(unused(t!("load-map-unused", header = from.trim())));
        }
    }
    for (named, _) in &request.units {
        let found = plan.planned.iter().any(|p| {
            p.column.eq_ignore_ascii_case(named.trim()) || p.header.trim() == named.trim()
        }) || refused.iter().any(|c| c.eq_ignore_ascii_case(named.trim()));
        if !found {
            problems.push(unused(t!("load-unit-unused", column = named.trim())));
        }
    }
    for column in columns {
        let headers: Vec<String> = plan
            .planned
            .iter()
            .filter(|p| p.column == column.name)
            .map(|p| format!("'{}'", p.header))
            .collect();
        if headers.is_empty() && !column.nullable && !refused.contains(&column.name) {
            problems.push(said(t!(
                "load-missing-column",
                column = &column.name,
                type = &column.data_type
            )));
        }
        if headers.len() > 1 {
            problems.push(said(t!(
                "load-column-named-twice",
                headers = headers.join(&t!("load-and-joiner")),
                column = &column.name
            )));
        }
    }
    (plan, problems)
}

/// Headers that number a list's rows, as official lists have in their
/// first column.
fn is_row_number(header: &str) -> bool {
    ["序号", "序", "No.", "No", "NO.", "编号"].contains(&header.trim())
}

/// The unit a header's values are in, the power of ten that brings them
/// to the column's, and what stderr should say; or why the header cannot
/// be read. A header's own unit (or `--unit`) wins over one stated above
/// the table.
fn unit_of(
    request: &LoadRequest,
    header: &str,
    column: &str,
    written: Option<&str>,
    (statements, files): (&[Statement], &[String]),
) -> std::result::Result<(Option<&'static Unit>, i32, Option<String>), String> {
    let own = crate::dictionary::entries()
        .iter()
        .find(|e| e.table == request.table && e.column == column)
        .and_then(|e| units::by_key(&e.unit));
    let asked = request
        .units
        .iter()
        .find(|(named, _)| named.trim().eq_ignore_ascii_case(column) || named.trim() == header)
        .map(|(_, unit)| unit.as_str());
    let lang = crate::i18n::current();
    let written = match (written, asked) {
        (Some(written), Some(asked))
            if own.is_some_and(|own| {
                units::spelled_for(written, &own.dimension)
                    != units::spelled_for(asked, &own.dimension)
            }) =>
        {
            return Err(t!("load-unit-disagrees", written = written, asked = asked));
        }
        (Some(written), _) => Some(written),
        (None, asked) => asked,
    };
    let Some(own) = own else {
        // A column without a unit (a name, a code, a flag) takes none.
        return match written {
            Some(written) => Err(t!(
                "load-unit-for-unitless",
                unit = written,
                column = column
            )),
            None => Ok((None, 0, None)),
        };
    };
    // Where the unit came from, when not from the header: `单位：万人, line 2`.
    let mut stated_at: Option<String> = None;
    let written = match written {
        Some(written) => Some(written),
        // The schema's own name carries the schema's unit.
        None if header.trim().eq_ignore_ascii_case(column) => None,
        None => match stated_units::for_dimension(statements, files, &own.dimension) {
            Ok(Some((statement, _))) => {
                stated_at = Some(statement.described());
                Some(statement.unit.as_str())
            }
            Ok(None) => None,
            Err(stated_units::Conflict::Disagree(one, other)) if one.file == other.file => {
                return Err(t!(
                    "load-stated-units-disagree",
                    one = one.described(),
                    other = other.described()
                ));
            }
            Err(stated_units::Conflict::Disagree(one, other)) => {
                return Err(t!(
                    "load-stated-units-disagree-files",
                    one = one.described(),
                    other = other.described(),
                    file_one = &one.file,
                    file_other = &other.file
                ));
            }
            Err(stated_units::Conflict::NotInAll(one, silent)) => {
                return Err(t!(
                    "load-stated-unit-not-in-all",
                    one = one.described(),
                    file_one = &one.file,
                    silent = silent
                ));
            }
        },
    };
    let Some(written) = written else {
        if header.trim().eq_ignore_ascii_case(column) {
            // The schema's own name carries its unit (`_bn_cny`).
            return Ok((None, 0, None));
        }
        if own.dimension == "money" {
            // Chinese sources count money in 万元 and 亿元 as often as in
            // 元: a bare money header is a tenfold error waiting.
            return Err(t!(
                "load-money-without-unit",
                units = units::names_of("money", lang),
                example = crate::i18n::message_in(
                    lang,
                    "label-with-unit",
                    &[
                        ("title", header.trim().to_string().into()),
                        (
                            "unit",
                            units::by_key("100mn CNY")
                                .map_or("", |u| u.name(lang))
                                .to_string()
                                .into()
                        )
                    ]
                ),
                column = column
            ));
        }
        let notice = (!matches!(own.dimension.as_str(), "share" | "year")).then(|| {
            t!(
                "load-natural-unit",
                header = header,
                column = column,
                unit = own.name(lang)
            )
        });
        return Ok((None, 0, notice));
    };
    let Some(unit) = units::spelled_for(written, &own.dimension) else {
        return Err(t!(
            "load-unknown-unit",
            unit = written,
            units = units::names_of(&own.dimension, lang)
        ));
    };
    if unit.dimension != own.dimension {
        return Err(t!(
            "load-unit-does-not-fit",
            unit = written,
            column = column,
            own = own.name(lang),
            units = units::names_of(&own.dimension, lang)
        ));
    }
    let scale = unit.power_of_ten - own.power_of_ten;
    let source = stated_at.map_or_else(String::new, |at| format!(" ({at})"));
    let notice = if scale != 0 {
        let by = 10u128.pow(scale.unsigned_abs()).to_string();
        let operation = if scale > 0 { "×" } else { "÷" };
        Some(format!("{header} → {column} {operation} {by}{source}"))
    } else {
        (!source.is_empty()).then(|| format!("{header} → {column}{source}"))
    };
    Ok((Some(unit), scale, notice))
}

/// Why a header names no column, with the closest name or title of the
/// table's columns in either language when one is close.
fn unknown(request: &LoadRequest, header: &str, columns: &[Column]) -> String {
    let (title, _) = units::split_header(header);
    let wanted = title.to_lowercase();
    let mut best: Option<(f64, String, &str)> = None;
    for entry in crate::dictionary::entries()
        .iter()
        .filter(|e| e.table == request.table && columns.iter().any(|c| c.name == e.column))
    {
        for candidate in [&entry.column, &entry.title_zh, &entry.title_en] {
            let score = strsim::normalized_levenshtein(&wanted, &candidate.to_lowercase());
            if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                best = Some((score, candidate.clone(), &entry.column));
            }
        }
    }
    match best {
        Some((score, candidate, column)) if score >= 0.5 => t!(
            "load-header-unknown-suggest",
            table = &request.table,
            suggestion = candidate,
            column = column,
            header = header
        ),
        _ => t!(
            "load-header-unknown",
            table = &request.table,
            header = header
        ),
    }
}

//! Counts of persons, enterprises and clusters are whole: a value that is
//! not, once in the column's unit, was written in another unit than the
//! load read it in. This room says so, with the unit most likely meant.

use super::headers::Planned;
use super::{Column, LoadRequest};
use crate::t;

/// Why a count that is not whole is refused, with the unit it was read in
/// and the larger unit of its kind in which it would be whole (4.5 read
/// as persons is whole in 万人: 45000).
pub(super) fn not_whole(
    request: &LoadRequest,
    column: &Column,
    planned: Option<&Planned>,
    written: &str,
    number: f64,
) -> String {
    let lang = crate::i18n::current();
    let own = crate::dictionary::entries()
        .iter()
        .find(|e| e.table == request.table && e.column == column.name)
        .and_then(|e| crate::units::by_key(&e.unit));
    let read_in = planned.and_then(|p| p.unit).or(own);
    let unit_name = read_in.map_or_else(String::new, |u| u.name(lang).to_string());
    // The value in the unit it was read in, then in each larger unit of
    // its kind, the smallest first.
    let meant = read_in.and_then(|unit| {
        let mut larger: Vec<&crate::units::Unit> = crate::units::all()
            .iter()
            .filter(|u| u.dimension == unit.dimension && u.power_of_ten > unit.power_of_ten)
            .collect();
        larger.sort_by_key(|u| u.power_of_ten);
        larger.into_iter().find_map(|u| {
            // `number` is in the column's unit; had the file meant `u`,
            // it would be this.
            let value = number * 10f64.powi(u.power_of_ten - unit.power_of_ten);
            let whole = (value - value.round()).abs() < 1e-6 * value.abs().max(1.0);
            whole.then(|| (u, value.round()))
        })
    });
    match meant {
        Some((unit, value)) => t!(
            "load-not-whole-meant",
            column = &column.name,
            value = written,
            unit = unit_name,
            meant = unit.name(lang),
            number = format!("{value:.0}"),
            title = crate::units::split_header(planned.map_or(&column.name, |p| &p.header)).0
        ),
        None => t!(
            "load-not-whole",
            column = &column.name,
            value = written,
            unit = unit_name
        ),
    }
}

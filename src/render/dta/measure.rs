//! Measuring a result before its file is begun: one aggregate query
//! ([`stats_sql`]) finds each whole-number column's range and each text
//! column's longest value, and [`read_stats`] reads its one row back.

use duckdb::arrow::array::{Array, AsArray};
use duckdb::arrow::compute::cast;
use duckdb::arrow::datatypes::{DataType, Float64Type, Schema};
use duckdb::arrow::record_batch::RecordBatch;

use super::types::{Kind, kind_of};
use super::write_failed;
use crate::error::Result;

/// What a column is measured for before writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    /// Its smallest and largest value.
    Range,
    /// Its longest value in bytes.
    Bytes,
    None,
}

/// What a column of `kind` is measured for: integers for the smallest
/// type that holds them, text for its `str#` width.
fn measure_of(kind: Kind) -> Measure {
    match kind {
        Kind::Integer => Measure::Range,
        Kind::Text => Measure::Bytes,
        _ => Measure::None,
    }
}

/// What a column of `data_type` is measured for; a type Stata refuses
/// is not measured ([`super::check_types`] has refused it already).
fn measure_of_type(data_type: &DataType) -> Measure {
    kind_of(data_type).map_or(Measure::None, measure_of)
}

/// What the aggregate query found of one column.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ColumnStats {
    /// The smallest and largest value of a whole-number column; `None`
    /// when it has no value but NULL.
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The longest value of a text column, in bytes.
    pub max_bytes: Option<u64>,
}

/// The position name of column `index` in the measuring query.
fn position(index: usize) -> String {
    format!("__c{index}")
}

/// The aggregate query that measures the result of `sql` (one statement,
/// whose result has `schema`): for each whole-number column its smallest
/// and largest value, for each text column its longest value in bytes, all
/// as DOUBLE, in the order of the columns. Columns are taken by position,
/// so duplicate or odd names need no care. `None` when no column needs
/// measuring, and nothing has to run.
pub fn stats_sql(sql: &str, schema: &Schema) -> Option<String> {
    let mut measures = Vec::new();
    for (index, field) in schema.fields().iter().enumerate() {
        let column = position(index);
        match measure_of_type(field.data_type()) {
            Measure::Range => {
                measures.push(format!("CAST(min({column}) AS DOUBLE)"));
                measures.push(format!("CAST(max({column}) AS DOUBLE)"));
            }
            Measure::Bytes => {
                measures.push(format!(
                    "CAST(max(strlen(CAST({column} AS VARCHAR))) AS DOUBLE)"
                ));
            }
            Measure::None => {}
        }
    }
    if measures.is_empty() {
        return None;
    }
    let positions: Vec<String> = (0..schema.fields().len()).map(position).collect();
    // The line breaks keep a trailing `--` comment of the query inside it.
    Some(format!(
        "SELECT {} FROM (\n{sql}\n) AS __result({})",
        measures.join(", "),
        positions.join(", ")
    ))
}

/// The measures of each column of `schema` from the one-row result of
/// [`stats_sql`]; columns that need none get the default.
pub fn read_stats(schema: &Schema, batch: &RecordBatch) -> Result<Vec<ColumnStats>> {
    let mut next = 0;
    let mut value = || -> Result<Option<f64>> {
        let array = batch
            .columns()
            .get(next)
            .ok_or_else(|| write_failed("the measuring query gave too few columns"))?;
        next += 1;
        let doubles = cast(array.as_ref(), &DataType::Float64).map_err(write_failed)?;
        let doubles = doubles
            .as_primitive_opt::<Float64Type>()
            .ok_or_else(|| write_failed("the measuring query gave no numbers"))?;
        Ok((batch.num_rows() > 0 && !doubles.is_null(0)).then(|| doubles.value(0)))
    };
    let mut stats = Vec::with_capacity(schema.fields().len());
    for field in schema.fields() {
        let mut column = ColumnStats::default();
        match measure_of_type(field.data_type()) {
            Measure::Range => {
                column.min = value()?;
                column.max = value()?;
            }
            Measure::Bytes => column.max_bytes = value()?.map(|bytes| bytes as u64),
            Measure::None => {}
        }
        stats.push(column);
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    // moved from src/render/dta.rs
    use super::*;
    use std::sync::Arc;

    use duckdb::arrow::array::{ArrayRef, Float64Array};
    use duckdb::arrow::datatypes::Field;

    #[test]
    fn the_measuring_query_takes_columns_by_position() {
        let schema = Schema::new(vec![
            Field::new("n", DataType::Int64, true),
            Field::new("x", DataType::Float64, true),
            Field::new("name", DataType::Utf8, true),
        ]);
        assert_eq!(
            stats_sql("select 1 -- one", &schema).unwrap(),
            "SELECT CAST(min(__c0) AS DOUBLE), CAST(max(__c0) AS DOUBLE), \
             CAST(max(strlen(CAST(__c2 AS VARCHAR))) AS DOUBLE) FROM (\nselect 1 -- one\n) \
             AS __result(__c0, __c1, __c2)"
        );
        let only_doubles = Schema::new(vec![Field::new("x", DataType::Float64, true)]);
        assert_eq!(stats_sql("select 1.5", &only_doubles), None);
        let measured = RecordBatch::try_new(
            Arc::new(Schema::new(vec![
                Field::new("a", DataType::Float64, true),
                Field::new("b", DataType::Float64, true),
                Field::new("c", DataType::Float64, true),
            ])),
            vec![
                Arc::new(Float64Array::from(vec![Some(-3.0)])) as ArrayRef,
                Arc::new(Float64Array::from(vec![Some(200.0)])),
                Arc::new(Float64Array::from(vec![None::<f64>])),
            ],
        )
        .unwrap();
        let stats = read_stats(&schema, &measured).unwrap();
        assert_eq!(
            stats,
            vec![
                ColumnStats {
                    min: Some(-3.0),
                    max: Some(200.0),
                    max_bytes: None
                },
                ColumnStats::default(),
                ColumnStats::default(),
            ]
        );
    }
}

//! Which result columns DuckDB turns into text itself.
//!
//! Our renderers write the plain types (booleans, integers up to 64 bits,
//! doubles, decimals, strings, dates, times, timestamps, blobs, enums) from
//! Arrow, fast and without a copy. Every other type's text is DuckDB's own
//! business: its cast to VARCHAR (which its CSV writer uses) and its
//! `to_json` (which its JSON writer uses) decide how a FLOAT, a UHUGEINT, an
//! unnamed struct or a union reads, and a copy of those rules in Rust would
//! drift with every DuckDB release. So a query whose result holds such a
//! column is run wrapped in a projection that casts just those columns, and
//! the renderers receive the text DuckDB wrote. `tests/exact_text.rs`
//! compares every cell with DuckDB's own writers.

use std::collections::HashMap;
use std::sync::Arc;

use duckdb::arrow::datatypes::{Field, Schema, SchemaRef};
use duckdb::core::{LogicalTypeHandle, LogicalTypeId};

/// How the renderer of a format wants the values it does not write itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextForm {
    /// DuckDB's VARCHAR text: csv, tsv, table, markdown, line.
    Varchar,
    /// DuckDB's JSON text, written as it is: json, jsonl.
    Json,
}

/// Field metadata set on a column whose values DuckDB already wrote as text.
const DELEGATED_TYPE: &str = "clusterql.duckdb_type";
/// Field metadata marking a column of raw JSON text.
const RAW_JSON: &str = "clusterql.raw_json";

/// Whether our own writers give this type exactly DuckDB's text.
fn is_plain(form: TextForm, column_type: &LogicalTypeHandle) -> bool {
    use LogicalTypeId as T;
    let id = column_type.id();
    let common = matches!(
        id,
        T::Boolean
            | T::Tinyint
            | T::Smallint
            | T::Integer
            | T::Bigint
            | T::UTinyint
            | T::USmallint
            | T::UInteger
            | T::UBigint
            | T::SqlNull
    ) || (id == T::Varchar && column_type.get_alias().is_none());
    common
        || match form {
            TextForm::Varchar => matches!(
                id,
                T::Double | T::Decimal | T::Date | T::Time | T::Timestamp | T::Blob | T::Enum
            ),
            TextForm::Json => false,
        }
}

/// The DuckDB type's numeric nature, so that a table still aligns a FLOAT
/// or HUGEINT to the right after DuckDB turned it into text.
fn is_numeric(id: LogicalTypeId) -> bool {
    use LogicalTypeId as T;
    matches!(
        id,
        T::Float | T::Double | T::Decimal | T::Hugeint | T::UHugeint | T::Bignum
    )
}

/// The columns of a prepared statement that DuckDB must turn into text:
/// for each column, `Some(numeric)` when it must.
pub fn delegated_columns(form: TextForm, statement: &duckdb::Statement<'_>) -> Vec<Option<bool>> {
    (0..statement.column_count())
        .map(|index| {
            let column_type = statement.column_logical_type(index);
            (!is_plain(form, &column_type)).then(|| is_numeric(column_type.id()))
        })
        .collect()
}

/// The query wrapped so that DuckDB casts the delegated columns; the others
/// pass through untouched. Columns are taken by position, so duplicate or
/// odd names need no care, and keep their names in the output.
pub fn wrapped_sql(
    sql: &str,
    form: TextForm,
    names: &[String],
    delegated: &[Option<bool>],
) -> String {
    let positions: Vec<String> = (0..names.len()).map(|i| format!("__c{i}")).collect();
    let select_list = names
        .iter()
        .zip(delegated)
        .enumerate()
        .map(|(index, (name, delegated))| {
            let column = &positions[index];
            let value = match (delegated, form) {
                (None, _) => column.clone(),
                (Some(_), TextForm::Varchar) => format!("CAST({column} AS VARCHAR)"),
                (Some(_), TextForm::Json) => format!("CAST(to_json({column}) AS VARCHAR)"),
            };
            format!("{value} AS {}", crate::sql_quote::sql_identifier(name))
        })
        .collect::<Vec<_>>()
        .join(", ");
    // The line breaks keep a trailing `--` comment of the query inside it.
    format!(
        "SELECT {select_list} FROM (\n{sql}\n) AS __result({})",
        positions.join(", ")
    )
}

/// The wrapped query's schema with the delegated columns marked, for the
/// renderers' alignment and JSON.
pub fn marked_schema(schema: &Schema, form: TextForm, delegated: &[Option<bool>]) -> SchemaRef {
    let fields: Vec<Field> = schema
        .fields()
        .iter()
        .zip(delegated)
        .map(|(field, delegated)| match delegated {
            None => field.as_ref().clone(),
            Some(numeric) => {
                let mut metadata = HashMap::new();
                let kind = if *numeric { "numeric" } else { "other" };
                metadata.insert(DELEGATED_TYPE.to_string(), kind.to_string());
                if form == TextForm::Json {
                    metadata.insert(RAW_JSON.to_string(), "true".to_string());
                }
                field.as_ref().clone().with_metadata(metadata)
            }
        })
        .collect();
    Arc::new(Schema::new_with_metadata(fields, schema.metadata().clone()))
}

/// Whether a column is numeric, also when DuckDB turned it into text.
pub fn is_numeric_field(field: &Field) -> bool {
    field.data_type().is_numeric()
        || field.metadata().get(DELEGATED_TYPE).map(String::as_str) == Some("numeric")
}

/// Whether a column holds JSON text that is written as it is.
pub fn is_raw_json(field: &Field) -> bool {
    field.metadata().contains_key(RAW_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_delegated_columns_are_cast_and_names_survive() {
        let sql = wrapped_sql(
            "select 1 -- one",
            TextForm::Varchar,
            &["a".to_string(), "a \"b\"".to_string()],
            &[None, Some(true)],
        );
        assert_eq!(
            sql,
            "SELECT __c0 AS \"a\", CAST(__c1 AS VARCHAR) AS \"a \"\"b\"\"\" FROM (\nselect 1 -- one\n) AS __result(__c0, __c1)"
        );
    }
}

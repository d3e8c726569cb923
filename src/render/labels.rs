//! `--labels`: result columns that the data dictionary knows are shown by
//! their title in the interface's language (`sme_count` as 中小企业数), for
//! the formats people read. The data keeps its names; only the header
//! changes, so csv, tsv, json and parquet never see this.

use std::io;
use std::sync::Arc;

use duckdb::arrow::datatypes::{Field, Schema};
use duckdb::arrow::record_batch::RecordBatch;

use super::Renderer;

/// `schema` with each known column renamed to its title; field metadata
/// (which columns are numbers) stays.
pub fn relabel(schema: &Schema) -> Schema {
    let lang = crate::i18n::current();
    let fields: Vec<Field> = schema
        .fields()
        .iter()
        .map(|field| match crate::dictionary::title(field.name(), lang) {
            Some(title) => field.as_ref().clone().with_name(title),
            None => field.as_ref().clone(),
        })
        .collect();
    Schema::new_with_metadata(fields, schema.metadata().clone())
}

/// A renderer that sees the titles in place of the names.
pub struct Labelled<'w> {
    inner: Box<dyn Renderer + 'w>,
}

impl<'w> Labelled<'w> {
    pub fn new(inner: Box<dyn Renderer + 'w>) -> Self {
        Labelled { inner }
    }
}

impl Renderer for Labelled<'_> {
    fn begin(&mut self, schema: &Schema) -> io::Result<()> {
        self.inner.begin(&relabel(schema))
    }

    fn push(&mut self, batch: &RecordBatch) -> io::Result<()> {
        let relabelled =
            RecordBatch::try_new(Arc::new(relabel(&batch.schema())), batch.columns().to_vec())
                .map_err(io::Error::other)?;
        self.inner.push(&relabelled)
    }

    fn finish(&mut self, row_count: u64) -> io::Result<()> {
        self.inner.finish(row_count)
    }
}

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
        .map(|field| {
            let is_flag = field.data_type() == &duckdb::arrow::datatypes::DataType::Boolean;
            match crate::dictionary::entry(field.name(), is_flag) {
                Some(entry) => field.as_ref().clone().with_name(entry.heading(lang)),
                None => field.as_ref().clone(),
            }
        })
        .collect();
    Schema::new_with_metadata(fields, schema.metadata().clone())
}

/// A renderer that sees the titles in place of the names.
pub struct Labelled<'w> {
    inner: Box<dyn Renderer + 'w>,
    /// The result's schema with the titles, made once in `begin`.
    schema: Arc<Schema>,
}

impl<'w> Labelled<'w> {
    pub fn new(inner: Box<dyn Renderer + 'w>) -> Self {
        Labelled {
            inner,
            schema: Arc::new(Schema::empty()),
        }
    }
}

impl Renderer for Labelled<'_> {
    fn begin(&mut self, schema: &Schema) -> io::Result<()> {
        self.schema = Arc::new(relabel(schema));
        self.inner.begin(&self.schema)
    }

    fn push(&mut self, batch: &RecordBatch) -> io::Result<()> {
        let relabelled = RecordBatch::try_new(Arc::clone(&self.schema), batch.columns().to_vec())
            .map_err(io::Error::other)?;
        self.inner.push(&relabelled)
    }

    fn finish(&mut self, row_count: u64) -> io::Result<()> {
        self.inner.finish(row_count)
    }
}

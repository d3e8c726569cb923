//! `clusterql views`: the catalogue of the view library.

use std::io::Write;
use std::sync::Arc;

use duckdb::arrow::array::{ArrayRef, StringArray};
use duckdb::arrow::record_batch::RecordBatch;

use crate::error::{Error, Result};
use crate::render::{self, OutputFormat, RenderOptions};

pub fn views(format: OutputFormat, options: &RenderOptions, out: &mut dyn Write) -> Result<()> {
    let catalogue = crate::library::catalogue();
    let column = |values: Vec<String>| -> ArrayRef { Arc::new(StringArray::from(values)) };
    let batch = RecordBatch::try_from_iter([
        (
            "name",
            column(catalogue.iter().map(|v| v.name.clone()).collect()),
        ),
        (
            "kind",
            column(catalogue.iter().map(|v| v.kind.to_string()).collect()),
        ),
        (
            "question",
            column(
                catalogue
                    .iter()
                    .map(|v| v.question_in(crate::i18n::current()).to_string())
                    .collect(),
            ),
        ),
        (
            "reproduces",
            column(catalogue.iter().map(|v| v.reproduces.clone()).collect()),
        ),
    ])
    .map_err(|e| Error::Engine(e.to_string()))?;
    render::write_batch(format, options, &batch, out).map_err(Error::Output)?;
    out.flush().map_err(Error::Output)
}

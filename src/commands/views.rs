//! `clusterql views`: the catalogue of the view library.

use std::io::Write;
use std::sync::Arc;

use duckdb::arrow::array::{ArrayRef, StringArray};
use duckdb::arrow::record_batch::RecordBatch;

use crate::error::{Error, Result};
use crate::render::{self, OutputFormat, RenderOptions, ResultKind};

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
            column(catalogue.iter().map(|v| v.question.clone()).collect()),
        ),
        (
            "reproduces",
            column(catalogue.iter().map(|v| v.reproduces.clone()).collect()),
        ),
    ])
    .map_err(|e| Error::Engine(e.to_string()))?;
    let mut renderer = render::renderer(format, ResultKind::Rows, options, out);
    renderer.begin(&batch.schema()).map_err(Error::Output)?;
    renderer.push(&batch).map_err(Error::Output)?;
    renderer
        .finish(batch.num_rows() as u64)
        .map_err(Error::Output)?;
    drop(renderer);
    out.flush().map_err(Error::Output)
}

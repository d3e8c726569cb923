//! The Parquet files: each chunk's rows gathered into Arrow arrays, encoded
//! and compressed into row groups on the chunk's own thread; the writer
//! thread only appends finished row groups.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use duckdb::arrow::array::{
    ArrayBuilder, ArrayRef, BooleanBuilder, Float64Builder, Int32Builder, RecordBatch,
    StringBuilder,
};
use duckdb::arrow::datatypes::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_writer::{
    ArrowColumnChunk, ArrowColumnWriter, ArrowRowGroupWriterFactory, compute_leaves,
};
use parquet::basic::{Compression, Encoding, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::ColumnPath;

use super::{honor_schema, roster_schema};
use crate::error::{Error, Result};
use crate::generate::roster::{Enterprise, Honor, RowSink, id_text};

/// Rows gathered in Arrow arrays before they are handed to the encoders.
const BATCH_ROWS: usize = 1 << 16;

/// The two Parquet files being written.
pub(super) struct ParquetFiles {
    roster: SerializedFileWriter<BufWriter<File>>,
    honors: SerializedFileWriter<BufWriter<File>>,
    roster_path: PathBuf,
    honor_path: PathBuf,
}

/// What makes the column encoders of each file's row groups; shared by
/// the threads.
pub(super) struct Encoders {
    roster: ArrowRowGroupWriterFactory,
    honors: ArrowRowGroupWriterFactory,
}

/// A chunk's row groups, encoded and compressed.
pub(super) struct EncodedChunk {
    roster: (Vec<ArrowColumnChunk>, usize),
    honors: (Vec<ArrowColumnChunk>, usize),
}

impl ParquetFiles {
    pub(super) fn create(out: &Path) -> Result<(ParquetFiles, Encoders)> {
        let roster_path = out.join("enterprises.parquet");
        let honor_path = out.join("enterprise_honors.parquet");
        let (roster, roster_encoders) = parquet_file(&roster_path, roster_schema())?;
        let (honors, honor_encoders) = parquet_file(&honor_path, honor_schema())?;
        let files = ParquetFiles {
            roster,
            honors,
            roster_path,
            honor_path,
        };
        let encoders = Encoders {
            roster: roster_encoders,
            honors: honor_encoders,
        };
        Ok((files, encoders))
    }

    pub(super) fn append(&mut self, chunk: EncodedChunk) -> Result<()> {
        append_row_group(&mut self.roster, chunk.roster, &self.roster_path)?;
        append_row_group(&mut self.honors, chunk.honors, &self.honor_path)
    }

    /// Finishes both files; the numbers of rows written.
    pub(super) fn close(self) -> Result<(u64, u64)> {
        let rows = |writer: SerializedFileWriter<BufWriter<File>>, path: &Path| {
            let metadata = writer.close().map_err(|e| parquet_error(path, e))?;
            Ok::<u64, Error>(
                metadata
                    .row_groups()
                    .iter()
                    .map(|group| group.num_rows() as u64)
                    .sum(),
            )
        };
        Ok((
            rows(self.roster, &self.roster_path)?,
            rows(self.honors, &self.honor_path)?,
        ))
    }
}

fn parquet_error(path: &Path, error: parquet::errors::ParquetError) -> Error {
    Error::io(path, std::io::Error::other(error))
}

fn parquet_file(
    path: &Path,
    schema: SchemaRef,
) -> Result<(
    SerializedFileWriter<BufWriter<File>>,
    ArrowRowGroupWriterFactory,
)> {
    let file = File::create(path).map_err(|e| Error::io(path, e))?;
    let id = ColumnPath::from("enterprise_id");
    let properties = WriterProperties::builder()
        // zstd's level 1 (the crate's default): on the roster level 3 saved
        // 0.1 % of the size for 11 % more time.
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_statistics_enabled(EnabledStatistics::Chunk)
        // A roster's ids are unique, and an id recurs in the honors at most
        // four times: a dictionary would only be given up. Neighbours share
        // their first 15 characters, which this encoding stores once.
        .set_column_dictionary_enabled(id.clone(), false)
        .set_column_encoding(id, Encoding::DELTA_BYTE_ARRAY)
        .build();
    ArrowWriter::try_new(BufWriter::new(file), schema, Some(properties))
        .and_then(ArrowWriter::into_serialized_writer)
        .map_err(|e| parquet_error(path, e))
}

fn append_row_group(
    writer: &mut SerializedFileWriter<BufWriter<File>>,
    (columns, rows): (Vec<ArrowColumnChunk>, usize),
    path: &Path,
) -> Result<()> {
    if rows == 0 {
        return Ok(());
    }
    let mut group = writer
        .next_row_group()
        .map_err(|e| parquet_error(path, e))?;
    for column in columns {
        column
            .append_to_row_group(&mut group)
            .map_err(|e| parquet_error(path, e))?;
    }
    group.close().map_err(|e| parquet_error(path, e))?;
    Ok(())
}

/// One chunk's rows, gathered into Arrow arrays and encoded batch by
/// batch into its row groups.
pub(super) struct ParquetChunk {
    roster: RosterArrays,
    honors: HonorArrays,
    roster_writers: Vec<ArrowColumnWriter>,
    honor_writers: Vec<ArrowColumnWriter>,
    roster_rows: usize,
    honor_rows: usize,
    /// The first error of an encoder; the chunk fails with it.
    failed: Option<parquet::errors::ParquetError>,
}

impl ParquetChunk {
    pub(super) fn new(encoders: &Encoders, index: usize) -> Result<ParquetChunk> {
        let writers = |factory: &ArrowRowGroupWriterFactory| {
            factory
                .create_column_writers(index)
                .map_err(|e| Error::Engine(e.to_string()))
        };
        Ok(ParquetChunk {
            roster: RosterArrays::default(),
            honors: HonorArrays::default(),
            roster_writers: writers(&encoders.roster)?,
            honor_writers: writers(&encoders.honors)?,
            roster_rows: 0,
            honor_rows: 0,
            failed: None,
        })
    }

    fn flush_roster(&mut self) {
        let batch = self.roster.finish();
        self.roster_rows += batch.num_rows();
        encode(&batch, &mut self.roster_writers, &mut self.failed);
    }

    fn flush_honors(&mut self) {
        let batch = self.honors.finish();
        self.honor_rows += batch.num_rows();
        encode(&batch, &mut self.honor_writers, &mut self.failed);
    }

    pub(super) fn finish(mut self) -> Result<EncodedChunk> {
        self.flush_roster();
        self.flush_honors();
        if let Some(error) = self.failed {
            return Err(Error::Engine(error.to_string()));
        }
        let close = |writers: Vec<ArrowColumnWriter>| {
            writers
                .into_iter()
                .map(ArrowColumnWriter::close)
                .collect::<parquet::errors::Result<Vec<_>>>()
                .map_err(|e| Error::Engine(e.to_string()))
        };
        Ok(EncodedChunk {
            roster: (close(self.roster_writers)?, self.roster_rows),
            honors: (close(self.honor_writers)?, self.honor_rows),
        })
    }
}

impl RowSink for ParquetChunk {
    fn enterprise(&mut self, row: &Enterprise) {
        self.roster.push(row);
        if self.roster.len() == BATCH_ROWS {
            self.flush_roster();
        }
    }

    fn honor(&mut self, enterprise_id: &[u8; 18], honor: &Honor) {
        self.honors.push(enterprise_id, honor);
        if self.honors.len() == BATCH_ROWS {
            self.flush_honors();
        }
    }
}

/// Hands a batch's columns to their encoders, keeping the first error.
fn encode(
    batch: &RecordBatch,
    writers: &mut [ArrowColumnWriter],
    failed: &mut Option<parquet::errors::ParquetError>,
) {
    if failed.is_some() || batch.num_rows() == 0 {
        return;
    }
    let schema = batch.schema();
    for ((column, field), writer) in batch.columns().iter().zip(schema.fields()).zip(writers) {
        let written = compute_leaves(field, column)
            .and_then(|leaves| leaves.iter().try_for_each(|leaf| writer.write(leaf)));
        if let Err(error) = written {
            *failed = Some(error);
            return;
        }
    }
}

/// The roster's columns being built.
struct RosterArrays {
    enterprise_id: StringBuilder,
    cluster_id: StringBuilder,
    name: StringBuilder,
    size_class: StringBuilder,
    is_sme: BooleanBuilder,
    above_scale: BooleanBuilder,
    in_leading_industry: BooleanBuilder,
    founded_year: Int32Builder,
    employees: Int32Builder,
    revenue_mn_cny: Float64Builder,
    joined_year: Int32Builder,
    left_year: Int32Builder,
}

impl Default for RosterArrays {
    fn default() -> Self {
        let strings = |bytes_per_row: usize| {
            StringBuilder::with_capacity(BATCH_ROWS, BATCH_ROWS * bytes_per_row)
        };
        RosterArrays {
            enterprise_id: strings(18),
            cluster_id: strings(9),
            name: strings(24),
            size_class: strings(6),
            is_sme: BooleanBuilder::with_capacity(BATCH_ROWS),
            above_scale: BooleanBuilder::with_capacity(BATCH_ROWS),
            in_leading_industry: BooleanBuilder::with_capacity(BATCH_ROWS),
            founded_year: Int32Builder::with_capacity(BATCH_ROWS),
            employees: Int32Builder::with_capacity(BATCH_ROWS),
            revenue_mn_cny: Float64Builder::with_capacity(BATCH_ROWS),
            joined_year: Int32Builder::with_capacity(BATCH_ROWS),
            left_year: Int32Builder::with_capacity(BATCH_ROWS),
        }
    }
}

impl RosterArrays {
    fn len(&self) -> usize {
        self.employees.len()
    }

    fn push(&mut self, row: &Enterprise) {
        self.enterprise_id.append_value(id_text(row.id));
        self.cluster_id.append_value(row.cluster_id);
        self.name.append_value(row.name);
        self.size_class.append_value(row.size_class);
        self.is_sme.append_value(row.is_sme);
        self.above_scale.append_value(row.above_scale);
        self.in_leading_industry
            .append_value(row.in_leading_industry);
        self.founded_year.append_value(row.founded_year);
        self.employees.append_value(row.employees);
        self.revenue_mn_cny.append_value(row.revenue_mn_cny);
        self.joined_year.append_value(row.joined_year);
        self.left_year.append_option(row.left_year);
    }

    fn finish(&mut self) -> RecordBatch {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.enterprise_id.finish()),
            Arc::new(self.cluster_id.finish()),
            Arc::new(self.name.finish()),
            Arc::new(self.size_class.finish()),
            Arc::new(self.is_sme.finish()),
            Arc::new(self.above_scale.finish()),
            Arc::new(self.in_leading_industry.finish()),
            Arc::new(self.founded_year.finish()),
            Arc::new(self.employees.finish()),
            Arc::new(self.revenue_mn_cny.finish()),
            Arc::new(self.joined_year.finish()),
            Arc::new(self.left_year.finish()),
        ];
        batch(roster_schema(), columns)
    }
}

/// The honors' columns being built.
struct HonorArrays {
    enterprise_id: StringBuilder,
    tier: StringBuilder,
    level: StringBuilder,
    awarded_year: Int32Builder,
}

impl Default for HonorArrays {
    fn default() -> Self {
        HonorArrays {
            enterprise_id: StringBuilder::new(),
            tier: StringBuilder::new(),
            level: StringBuilder::new(),
            awarded_year: Int32Builder::new(),
        }
    }
}

impl HonorArrays {
    fn len(&self) -> usize {
        self.awarded_year.len()
    }

    fn push(&mut self, enterprise_id: &[u8; 18], honor: &Honor) {
        self.enterprise_id.append_value(id_text(enterprise_id));
        self.tier.append_value(honor.tier);
        self.level.append_value(honor.level);
        self.awarded_year.append_value(honor.awarded_year);
    }

    fn finish(&mut self) -> RecordBatch {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.enterprise_id.finish()),
            Arc::new(self.tier.finish()),
            Arc::new(self.level.finish()),
            Arc::new(self.awarded_year.finish()),
        ];
        batch(honor_schema(), columns)
    }
}

/// The arrays match the schema by construction: same count, types and
/// nullability.
fn batch(schema: SchemaRef, columns: Vec<ArrayRef>) -> RecordBatch {
    RecordBatch::try_new(schema, columns).expect("builders match their schema")
}

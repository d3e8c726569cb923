//! Writing the roster and honors files. The rows are cut into chunks of a
//! fixed size; every core generates and encodes chunks of its own (for
//! Parquet, each chunk is a row group compressed on that core), and one
//! thread writes them to the files in chunk order. The files are the same
//! whatever the number of cores, and memory holds a few chunks at most,
//! whatever the scale.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use duckdb::arrow::array::{
    ArrayBuilder, ArrayRef, BooleanBuilder, Float64Builder, Int32Builder, RecordBatch,
    StringBuilder,
};
use duckdb::arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_writer::{
    ArrowColumnChunk, ArrowColumnWriter, ArrowRowGroupWriterFactory, compute_leaves,
};
use parquet::basic::{Compression, Encoding, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::ColumnPath;

use super::RosterFormat;
use super::clusters::RosterCounts;
use super::panel::FIRST_YEAR;
use super::roster::{BlockCounts, Enterprise, Honor, PlanRow, RowSink, generate_block};
use crate::error::{Error, Result};

/// Roster rows per chunk: a Parquet row group each, of DuckDB's own row
/// group size. DuckDB reads a file a row group per thread; when the groups
/// match its own, a table made from the file fills its row groups whole
/// (with groups of 131,072 rows, `CREATE TABLE AS` took 1.7 times as long).
const CHUNK_ROWS: i64 = 122_880;
/// Rows gathered in Arrow arrays before they are handed to the encoders.
const BATCH_ROWS: usize = 1 << 16;

/// What `write` wrote.
pub struct Written {
    pub enterprises: u64,
    pub honors: u64,
    /// Each cluster's roster counts per report year.
    pub counts: HashMap<(String, i32), RosterCounts>,
}

/// Writes `enterprises.EXT` and `enterprise_honors.EXT` into `out`, on
/// every core.
pub fn write(plans: &[PlanRow], seed: u64, format: RosterFormat, out: &Path) -> Result<Written> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    write_on(threads, plans, seed, format, out)
}

fn write_on(
    threads: usize,
    plans: &[PlanRow],
    seed: u64,
    format: RosterFormat,
    out: &Path,
) -> Result<Written> {
    let chunks = chunks(plans);
    let names = super::roster::names();
    let mut counts: Vec<BlockCounts> = vec![BlockCounts::default(); plans.len()];
    let (enterprises, honors) = match format {
        RosterFormat::Parquet => {
            let (mut files, encoders) = ParquetFiles::create(out)?;
            in_order(
                chunks.len(),
                threads,
                |k| {
                    let mut sink = ParquetChunk::new(&encoders, k)?;
                    let counted = fill(&chunks[k], plans, seed, &names, &mut sink);
                    Ok((sink.finish()?, counted))
                },
                |(encoded, counted)| {
                    add_counts(&mut counts, counted);
                    files.append(encoded)
                },
            )?;
            files.close()?
        }
        RosterFormat::Csv => {
            let mut files = CsvFiles::create(out)?;
            in_order(
                chunks.len(),
                threads,
                |k| {
                    let mut sink = CsvChunk::default();
                    let counted = fill(&chunks[k], plans, seed, &names, &mut sink);
                    Ok((sink, counted))
                },
                |(sink, counted)| {
                    add_counts(&mut counts, counted);
                    files.append(sink)
                },
            )?;
            files.close()?
        }
    };
    let mut by_cluster: HashMap<(String, i32), RosterCounts> = HashMap::new();
    for (plan, years) in plans.iter().zip(&counts) {
        for (y, count) in years.iter().enumerate() {
            *by_cluster
                .entry((plan.cluster_id.clone(), FIRST_YEAR + y as i32))
                .or_default() += *count;
        }
    }
    Ok(Written {
        enterprises,
        honors,
        counts: by_cluster,
    })
}

/// Enterprises `lo..hi` of a plan row: `(plan index, lo, hi)`.
type Segment = (usize, i64, i64);

/// The plan rows' enterprises cut into chunks of `CHUNK_ROWS`, in order.
fn chunks(plans: &[PlanRow]) -> Vec<Vec<Segment>> {
    let mut chunks = vec![Vec::new()];
    let mut room = CHUNK_ROWS;
    for (index, plan) in plans.iter().enumerate() {
        let mut lo = 0;
        while lo < plan.enterprises {
            let hi = plan.enterprises.min(lo + room);
            if let Some(chunk) = chunks.last_mut() {
                chunk.push((index, lo, hi));
            }
            room -= hi - lo;
            lo = hi;
            if room == 0 {
                chunks.push(Vec::new());
                room = CHUNK_ROWS;
            }
        }
    }
    chunks.retain(|chunk| !chunk.is_empty());
    chunks
}

/// Generates a chunk into `sink`; the counts are per plan row.
fn fill(
    chunk: &[Segment],
    plans: &[PlanRow],
    seed: u64,
    names: &[String],
    sink: &mut impl RowSink,
) -> Vec<(usize, BlockCounts)> {
    chunk
        .iter()
        .map(|&(index, lo, hi)| {
            let mut counts = BlockCounts::default();
            generate_block(&plans[index], lo, hi, seed, names, sink, &mut counts);
            (index, counts)
        })
        .collect()
}

fn add_counts(counts: &mut [BlockCounts], counted: Vec<(usize, BlockCounts)>) {
    for (index, years) in counted {
        for (sum, count) in counts[index].iter_mut().zip(years) {
            *sum += count;
        }
    }
}

/// Runs `work` for jobs `0..jobs` on up to `threads` threads, and hands
/// the results to `take` in job order. Each thread keeps at most one
/// result waiting, so memory stays bounded however many jobs there are.
fn in_order<T: Send>(
    jobs: usize,
    threads: usize,
    work: impl Fn(usize) -> Result<T> + Sync,
    mut take: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    let threads = threads.clamp(1, jobs.max(1));
    std::thread::scope(|scope| {
        let receivers: Vec<_> = (0..threads)
            .map(|first| {
                let (sender, receiver) = std::sync::mpsc::sync_channel(1);
                let work = &work;
                scope.spawn(move || {
                    for job in (first..jobs).step_by(threads) {
                        let result = work(job);
                        let failed = result.is_err();
                        // A closed channel: the writer stopped on an error.
                        if sender.send(result).is_err() || failed {
                            break;
                        }
                    }
                });
                receiver
            })
            .collect();
        for job in 0..jobs {
            let result = receivers[job % threads]
                .recv()
                .map_err(|_| Error::Engine(crate::t!("generate-thread-stopped")))??;
            take(result)?;
        }
        Ok(())
    })
}

fn roster_schema() -> SchemaRef {
    let field = |name: &str, data_type: DataType| Field::new(name, data_type, false);
    Arc::new(Schema::new(vec![
        field("enterprise_id", DataType::Utf8),
        field("cluster_id", DataType::Utf8),
        field("name", DataType::Utf8),
        field("size_class", DataType::Utf8),
        field("is_sme", DataType::Boolean),
        field("above_scale", DataType::Boolean),
        field("in_leading_industry", DataType::Boolean),
        field("founded_year", DataType::Int32),
        field("employees", DataType::Int32),
        field("revenue_mn_cny", DataType::Float64),
        field("joined_year", DataType::Int32),
        Field::new("left_year", DataType::Int32, true),
    ]))
}

fn honor_schema() -> SchemaRef {
    let field = |name: &str, data_type: DataType| Field::new(name, data_type, false);
    Arc::new(Schema::new(vec![
        field("enterprise_id", DataType::Utf8),
        field("tier", DataType::Utf8),
        field("level", DataType::Utf8),
        field("awarded_year", DataType::Int32),
    ]))
}

/// The two Parquet files being written.
struct ParquetFiles {
    roster: SerializedFileWriter<BufWriter<File>>,
    honors: SerializedFileWriter<BufWriter<File>>,
    roster_path: PathBuf,
    honor_path: PathBuf,
}

/// What makes the column encoders of each file's row groups; shared by
/// the threads.
struct Encoders {
    roster: ArrowRowGroupWriterFactory,
    honors: ArrowRowGroupWriterFactory,
}

/// A chunk's row groups, encoded and compressed.
struct EncodedChunk {
    roster: (Vec<ArrowColumnChunk>, usize),
    honors: (Vec<ArrowColumnChunk>, usize),
}

impl ParquetFiles {
    fn create(out: &Path) -> Result<(ParquetFiles, Encoders)> {
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

    fn append(&mut self, chunk: EncodedChunk) -> Result<()> {
        append_row_group(&mut self.roster, chunk.roster, &self.roster_path)?;
        append_row_group(&mut self.honors, chunk.honors, &self.honor_path)
    }

    /// Finishes both files; the numbers of rows written.
    fn close(self) -> Result<(u64, u64)> {
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
        // Ids are unique: a dictionary would only be given up. Neighbours
        // share their first 15 characters, which this encoding stores once.
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
struct ParquetChunk {
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
    fn new(encoders: &Encoders, index: usize) -> Result<ParquetChunk> {
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

    fn finish(mut self) -> Result<EncodedChunk> {
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

/// An id's text: the generator writes ASCII digits only.
fn id_text(id: &[u8; 18]) -> &str {
    std::str::from_utf8(id).unwrap_or_default()
}

/// One chunk's rows as CSV text.
#[derive(Default)]
struct CsvChunk {
    roster: String,
    honors: String,
    roster_rows: u64,
    honor_rows: u64,
}

impl RowSink for CsvChunk {
    fn enterprise(&mut self, row: &Enterprise) {
        use std::fmt::Write as _;
        self.roster_rows += 1;
        let mut revenue = ryu::Buffer::new();
        let _ = writeln!(
            self.roster,
            "{},{},{},{},{},{},{},{},{},{},{},{}",
            id_text(row.id),
            row.cluster_id,
            row.name,
            row.size_class,
            row.is_sme,
            row.above_scale,
            row.in_leading_industry,
            row.founded_year,
            row.employees,
            revenue.format(row.revenue_mn_cny),
            row.joined_year,
            row.left_year.map(|y| y.to_string()).unwrap_or_default()
        );
    }

    fn honor(&mut self, enterprise_id: &[u8; 18], honor: &Honor) {
        use std::fmt::Write as _;
        self.honor_rows += 1;
        let _ = writeln!(
            self.honors,
            "{},{},{},{}",
            id_text(enterprise_id),
            honor.tier,
            honor.level,
            honor.awarded_year
        );
    }
}

/// The two CSV files being written.
struct CsvFiles {
    roster: BufWriter<File>,
    honors: BufWriter<File>,
    roster_path: PathBuf,
    honor_path: PathBuf,
    roster_rows: u64,
    honor_rows: u64,
}

impl CsvFiles {
    fn create(out: &Path) -> Result<CsvFiles> {
        let open = |path: &Path, header: &str| -> Result<BufWriter<File>> {
            let mut file = BufWriter::new(File::create(path).map_err(|e| Error::io(path, e))?);
            file.write_all(header.as_bytes())
                .map_err(|e| Error::io(path, e))?;
            Ok(file)
        };
        let roster_path = out.join("enterprises.csv");
        let honor_path = out.join("enterprise_honors.csv");
        let header = |schema: SchemaRef| {
            let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
            format!("{}\n", names.join(","))
        };
        Ok(CsvFiles {
            roster: open(&roster_path, &header(roster_schema()))?,
            honors: open(&honor_path, &header(honor_schema()))?,
            roster_path,
            honor_path,
            roster_rows: 0,
            honor_rows: 0,
        })
    }

    fn append(&mut self, chunk: CsvChunk) -> Result<()> {
        self.roster_rows += chunk.roster_rows;
        self.honor_rows += chunk.honor_rows;
        self.roster
            .write_all(chunk.roster.as_bytes())
            .map_err(|e| Error::io(&self.roster_path, e))?;
        self.honors
            .write_all(chunk.honors.as_bytes())
            .map_err(|e| Error::io(&self.honor_path, e))
    }

    fn close(mut self) -> Result<(u64, u64)> {
        self.roster
            .flush()
            .map_err(|e| Error::io(&self.roster_path, e))?;
        self.honors
            .flush()
            .map_err(|e| Error::io(&self.honor_path, e))?;
        Ok((self.roster_rows, self.honor_rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(enterprises: i64) -> PlanRow {
        PlanRow {
            cluster_id: "N2022-001".to_string(),
            cluster_no: 1,
            id_prefix: "91110121001".to_string(),
            enterprises,
            core: enterprises,
            qmax: 0,
            large: 0,
            joined: [0; 6],
            left: [0; 6],
            thresholds: [[0; 4]; 6],
            leading_share: 0.5,
            revenue_median: 10.0,
        }
    }

    #[test]
    fn chunks_cover_every_enterprise_once_in_order() {
        let plans = [plan(CHUNK_ROWS - 5), plan(7), plan(2 * CHUNK_ROWS + 1)];
        let chunks = chunks(&plans);
        assert_eq!(chunks.len(), 4);
        let mut next = vec![0i64; plans.len()];
        let mut last_plan = 0;
        for chunk in &chunks {
            let rows: i64 = chunk.iter().map(|(_, lo, hi)| hi - lo).sum();
            assert!(rows <= CHUNK_ROWS);
            for &(index, lo, hi) in chunk {
                assert!(index >= last_plan, "plans in order");
                assert_eq!(lo, next[index], "no gap and no overlap");
                assert!(hi > lo);
                next[index] = hi;
                last_plan = index;
            }
        }
        let ends: Vec<i64> = plans.iter().map(|p| p.enterprises).collect();
        assert_eq!(next, ends);
    }

    #[test]
    fn the_files_are_the_same_whatever_the_number_of_threads() {
        let mut honored = plan(CHUNK_ROWS + 300_000);
        honored.qmax = 50_000;
        honored.thresholds = [[100, 1_000, 10_000, 50_000]; 6];
        let plans = [plan(500_000), honored];
        let written = |threads: usize, format: RosterFormat| {
            let dir = tempfile::tempdir().expect("temp dir");
            let counts = write_on(threads, &plans, 7, format, dir.path())
                .expect("written")
                .counts;
            let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.path())
                .expect("listed")
                .map(|entry| {
                    let path = entry.expect("entry").path();
                    let name = path
                        .file_name()
                        .expect("name")
                        .to_string_lossy()
                        .into_owned();
                    (name, std::fs::read(&path).expect("read"))
                })
                .collect();
            files.sort();
            let mut counts: Vec<_> = counts
                .into_iter()
                .map(|(key, c)| (key, c.enterprises, c.smes, c.above_scale, c.employees))
                .collect();
            counts.sort();
            (files, counts)
        };
        for format in [RosterFormat::Parquet, RosterFormat::Csv] {
            let (one_files, one_counts) = written(1, format);
            let (three_files, three_counts) = written(3, format);
            assert_eq!(one_files.len(), 2);
            assert!(one_files == three_files, "{format:?} files differ");
            assert_eq!(one_counts, three_counts);
        }
    }

    #[test]
    fn results_arrive_in_job_order_whatever_finishes_first() {
        let mut seen = Vec::new();
        let result = in_order(
            9,
            3,
            |job| {
                // Earlier jobs take longer, so they finish last.
                std::thread::sleep(std::time::Duration::from_millis(20 - 2 * job as u64));
                Ok(job)
            },
            |job| {
                seen.push(job);
                Ok(())
            },
        );
        assert!(result.is_ok());
        assert_eq!(seen, (0..9).collect::<Vec<_>>());
    }

    #[test]
    fn a_failing_job_stops_the_run_with_its_error() {
        let mut seen = Vec::new();
        let result = in_order(
            50,
            2,
            |job| {
                if job == 3 {
                    Err(Error::Engine("job 3 failed".to_string()))
                } else {
                    Ok(job)
                }
            },
            |job| {
                seen.push(job);
                Ok(())
            },
        );
        assert!(matches!(result, Err(Error::Engine(message)) if message == "job 3 failed"));
        assert_eq!(seen, vec![0, 1, 2]);
    }
}

//! Writing the roster and honors files. The rows are cut into chunks of a
//! fixed size; every core generates and encodes chunks of its own (for
//! Parquet, each chunk is a row group compressed on that core), and one
//! thread writes them to the files in chunk order. The files are the same
//! whatever the number of cores, and memory holds a few chunks at most,
//! whatever the scale.

mod as_csv;
mod as_parquet;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use duckdb::arrow::datatypes::{DataType, Field, Schema, SchemaRef};

use self::as_csv::{CsvChunk, CsvFiles};
use self::as_parquet::{ParquetChunk, ParquetFiles};
use super::RosterFormat;
use super::clusters::RosterCounts;
use super::panel::FIRST_YEAR;
use super::roster::{BlockCounts, PlanRow, RowSink, generate_block};
use crate::error::{Error, Result};

/// Roster rows per chunk: a Parquet row group each, of DuckDB's own row
/// group size. DuckDB reads a file a row group per thread; when the groups
/// match its own, a table made from the file fills its row groups whole
/// (with groups of 131,072 rows, `CREATE TABLE AS` took 1.7 times as long).
const CHUNK_ROWS: i64 = 122_880;

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
    let (counts, (enterprises, honors)) = match format {
        RosterFormat::Parquet => {
            let (mut files, encoders) = ParquetFiles::create(out)?;
            let counts = generate_chunks(
                threads,
                &chunks,
                plans,
                seed,
                |k| ParquetChunk::new(&encoders, k),
                ParquetChunk::finish,
                |encoded| files.append(encoded),
            )?;
            (counts, files.close()?)
        }
        RosterFormat::Csv => {
            let mut files = CsvFiles::create(out)?;
            let counts = generate_chunks(
                threads,
                &chunks,
                plans,
                seed,
                |_| Ok(CsvChunk::default()),
                Ok,
                |text| files.append(text),
            )?;
            (counts, files.close()?)
        }
    };
    // A plan row is one cluster's.
    let by_cluster = plans
        .iter()
        .zip(&counts)
        .flat_map(|(plan, years)| {
            years
                .iter()
                .enumerate()
                .map(move |(y, count)| ((plan.cluster_id.clone(), FIRST_YEAR + y as i32), *count))
        })
        .collect();
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

/// Generates every chunk on up to `threads` threads, each into a sink of
/// its own (`sink_for`) that `finish` closes there, and hands the finished
/// chunks to `append` in chunk order. The roster's counts, per plan row.
fn generate_chunks<S: RowSink, T: Send>(
    threads: usize,
    chunks: &[Vec<Segment>],
    plans: &[PlanRow],
    seed: u64,
    sink_for: impl Fn(usize) -> Result<S> + Sync,
    finish: impl Fn(S) -> Result<T> + Sync,
    mut append: impl FnMut(T) -> Result<()>,
) -> Result<Vec<BlockCounts>> {
    let names = super::roster::names();
    let mut counts = vec![BlockCounts::default(); plans.len()];
    in_order(
        chunks.len(),
        threads,
        |k| {
            let mut sink = sink_for(k)?;
            let counted: Vec<(usize, BlockCounts)> = chunks[k]
                .iter()
                .map(|&(index, lo, hi)| {
                    let mut counts = BlockCounts::default();
                    generate_block(&plans[index], lo, hi, seed, &names, &mut sink, &mut counts);
                    (index, counts)
                })
                .collect();
            Ok((finish(sink)?, counted))
        },
        |(finished, counted)| {
            add_counts(&mut counts, counted);
            append(finished)
        },
    )?;
    Ok(counts)
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

/// The columns of `enterprises` as the files hold them.
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

/// The columns of `enterprise_honors`.
fn honor_schema() -> SchemaRef {
    let field = |name: &str, data_type: DataType| Field::new(name, data_type, false);
    Arc::new(Schema::new(vec![
        field("enterprise_id", DataType::Utf8),
        field("tier", DataType::Utf8),
        field("level", DataType::Utf8),
        field("awarded_year", DataType::Int32),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::panel::YEARS;

    fn plan(enterprises: i64) -> PlanRow {
        PlanRow {
            cluster_id: "N2022-001".to_string(),
            cluster_no: 1,
            id_prefix: crate::generate::credit_codes::Prefix::new('9', '1', "110108")
                .expect("a prefix"),
            enterprises,
            core: enterprises,
            qmax: 0,
            large: 0,
            joined: [0; YEARS],
            left: [0; YEARS],
            thresholds: [[0; 4]; YEARS],
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
        honored.thresholds = [[100, 1_000, 10_000, 50_000]; YEARS];
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

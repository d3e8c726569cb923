//! The CSV files: each chunk's rows as text, made on the chunk's own
//! thread and appended in order.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use duckdb::arrow::datatypes::SchemaRef;

use super::{honor_schema, roster_schema};
use crate::error::{Error, Result};
use crate::generate::roster::{Enterprise, Honor, RowSink, id_text};

/// One chunk's rows as CSV text. No field can hold a comma, a quote or a
/// line break (ids, codes, numbers and the generator's own names), so none
/// needs quoting; a NULL `left_year` is an empty field.
#[derive(Default)]
pub(super) struct CsvChunk {
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
pub(super) struct CsvFiles {
    roster: BufWriter<File>,
    honors: BufWriter<File>,
    roster_path: PathBuf,
    honor_path: PathBuf,
    roster_rows: u64,
    honor_rows: u64,
}

impl CsvFiles {
    pub(super) fn create(out: &Path) -> Result<CsvFiles> {
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

    pub(super) fn append(&mut self, chunk: CsvChunk) -> Result<()> {
        self.roster_rows += chunk.roster_rows;
        self.honor_rows += chunk.honor_rows;
        self.roster
            .write_all(chunk.roster.as_bytes())
            .map_err(|e| Error::io(&self.roster_path, e))?;
        self.honors
            .write_all(chunk.honors.as_bytes())
            .map_err(|e| Error::io(&self.honor_path, e))
    }

    pub(super) fn close(mut self) -> Result<(u64, u64)> {
        self.roster
            .flush()
            .map_err(|e| Error::io(&self.roster_path, e))?;
        self.honors
            .flush()
            .map_err(|e| Error::io(&self.honor_path, e))?;
        Ok((self.roster_rows, self.honor_rows))
    }
}

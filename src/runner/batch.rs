//! The batch runner: `-c`, `-f`, `run` and scripts on stdin. Statements run
//! in order; the first error stops the batch unless `--keep-going`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::engine::Engine;
use crate::error::{Error, Location, Result};
use crate::render::OutputFormat;
use crate::runner::exec::{self, Outcome};
use crate::runner::output::OutputTarget;
use crate::script::{self, StatementKind};
use crate::t;

pub struct Runner<'a> {
    engine: &'a Engine,
    target: &'a OutputTarget,
    out: &'a mut dyn Write,
    keep_going: bool,
    /// Where a Parquet result, a Stata file or a workbook goes (the output
    /// file's temporary name).
    parquet_path: Option<PathBuf>,
    failures: usize,
    /// A Parquet or Stata file holds one result; a second would overwrite
    /// the first.
    parquet_written: bool,
    /// The workbook of an xlsx run, a sheet per result.
    book: Option<crate::render::xlsx::XlsxBook>,
}

impl<'a> Runner<'a> {
    pub fn new(
        engine: &'a Engine,
        target: &'a OutputTarget,
        out: &'a mut dyn Write,
        parquet_path: Option<PathBuf>,
        keep_going: bool,
    ) -> Self {
        Runner {
            engine,
            target,
            out,
            keep_going,
            parquet_path,
            failures: 0,
            parquet_written: false,
            book: None,
        }
    }

    /// Runs the statements of `text`, whose errors are located in
    /// `source_name` (`-c`, a file's name, `<stdin>`).
    pub fn run_text(&mut self, source_name: &str, text: &str) -> Result<()> {
        for statement in script::split(text) {
            let location = Location {
                source: source_name.to_string(),
                line: statement.line,
                column: statement.column,
            };
            match self.run_statement(&statement, &location) {
                Ok(_) => {}
                Err(error) if self.keep_going && matches!(error, Error::Sql { .. }) => {
                    eprintln!("{}", error.report());
                    self.failures += 1;
                }
                Err(error) => return Err(error),
            }
            if crate::interrupt::requested() {
                return Err(Error::Interrupted);
            }
        }
        Ok(())
    }

    fn run_statement(
        &mut self,
        statement: &script::Statement,
        location: &Location,
    ) -> Result<Outcome> {
        let outcome = match (&self.parquet_path, self.target.format) {
            (Some(path), format @ (OutputFormat::Parquet | OutputFormat::Dta))
                if statement.kind() == StatementKind::Query =>
            {
                if self.parquet_written {
                    let destination = self.target.path.as_deref().unwrap_or(path);
                    return Err(Error::Usage(format!(
                        "{location}: {}",
                        t!(
                            "batch-parquet-one-result",
                            format = format.name(),
                            file = destination.display().to_string()
                        )
                    )));
                }
                self.parquet_written = true;
                if format == OutputFormat::Dta {
                    exec::execute_to_dta(self.engine, statement, location, path)?
                } else {
                    exec::execute_to_parquet(self.engine, statement, location, path)?
                }
            }
            (Some(_), OutputFormat::Xlsx) if statement.kind() == StatementKind::Query => {
                exec::execute_to_sheet(
                    self.engine,
                    statement,
                    location,
                    self.book.get_or_insert_with(|| {
                        crate::render::xlsx::XlsxBook::with_labels(self.target.options.labels)
                    }),
                )?
            }
            _ => exec::execute(
                self.engine,
                statement,
                location,
                self.target.format,
                &self.target.options,
                self.out,
            )?,
        };
        self.out.flush().map_err(Error::Output)?;
        Ok(outcome)
    }

    /// Ends the batch: with `--keep-going`, failures still fail the run.
    pub fn finish(mut self) -> Result<()> {
        self.out.flush().map_err(Error::Output)?;
        if let (OutputFormat::Xlsx, Some(path)) = (self.target.format, &self.parquet_path) {
            self.book.take().unwrap_or_default().save(path)?;
        }
        if self.failures > 0 {
            Err(Error::StatementsFailed(self.failures))
        } else {
            Ok(())
        }
    }
}

/// A script file in UTF-8, UTF-16 or GB18030 (what editors on Chinese
/// Windows save); stderr says when it was not UTF-8.
pub fn read_script(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode_script(path, &bytes)
}

/// A script on standard input, decoded as [`read_script`] decodes a file.
pub fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("<stdin>", e))?;
    decode_script(Path::new("<stdin>"), &bytes)
}

/// A script's text, and a note on stderr naming the encoding it was in
/// when that was not UTF-8.
fn decode_script(name: &Path, bytes: &[u8]) -> Result<String> {
    let (text, encoding) = crate::load::encoding::decode_text(name, bytes)?;
    if encoding != encoding_rs::UTF_8 {
        eprintln!(
            "{}",
            t!(
                "batch-read-as",
                file = name.display().to_string(),
                encoding = encoding.name().to_uppercase()
            )
        );
    }
    Ok(text)
}

//! Where results go (stdout or a file) and in which format, as the face
//! decided it from the command line.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::render::{OutputFormat, RenderOptions};

/// Rows a table shows on a terminal unless `--max-rows` says otherwise.
pub const TERMINAL_MAX_ROWS: usize = 40;

#[derive(Debug, Clone)]
pub struct OutputTarget {
    pub format: OutputFormat,
    /// `None` is stdout.
    pub path: Option<PathBuf>,
    pub options: RenderOptions,
    /// csv and tsv in GB18030 instead of UTF-8.
    pub gb18030: bool,
    /// csv and tsv start with a UTF-8 byte-order mark.
    pub bom: bool,
}

impl OutputTarget {
    /// The format for output that a file format cannot take (a report, a
    /// catalogue): a table in place of Parquet, xlsx or dta.
    pub fn text_format(&self) -> OutputFormat {
        if self.format.is_file_only() {
            OutputFormat::Table
        } else {
            self.format
        }
    }

    /// Opens the destination. A file is written under a temporary name and
    /// appears under its own only through [`Output::close`].
    pub fn open(&self) -> Result<Output> {
        let (writer, file): (Box<dyn Write>, _) = match (&self.path, self.format) {
            // Parquet is written by DuckDB, which is given the file's name;
            // a workbook is saved whole when the run ends; a Stata file
            // seeks back to its header at the end.
            (Some(path), format) if format.is_file_only() => {
                (Box::new(io::stdout()), Some(PendingFile::reserve(path)))
            }
            (Some(path), _) => {
                let (pending, file) = PendingFile::create(path)?;
                (
                    Box::new(BufWriter::with_capacity(1 << 16, file)),
                    Some(pending),
                )
            }
            (None, _) => (
                Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
                None,
            ),
        };
        let mut writer = if self.gb18030 {
            Box::new(Gb18030Writer::new(writer))
        } else {
            writer
        };
        if self.bom {
            writer.write_all(b"\xEF\xBB\xBF").map_err(Error::Output)?;
        }
        Ok(Output { writer, file })
    }
}

/// Text for systems that demand GBK: what the renderers write as UTF-8
/// goes out as GB18030, which has a code for every character, so nothing
/// is lost. A character cut between two writes waits for its rest.
struct Gb18030Writer<W: Write> {
    inner: W,
    /// The start of a UTF-8 character whose other bytes are still to come.
    pending: Vec<u8>,
}

impl<W: Write> Gb18030Writer<W> {
    fn new(inner: W) -> Self {
        Gb18030Writer {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Gb18030Writer<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        // Nearly always nothing is pending, and the bytes are encoded
        // where they lie; only a character cut by the end of a write waits.
        let input: &[u8] = if self.pending.is_empty() {
            bytes
        } else {
            self.pending.extend_from_slice(bytes);
            &self.pending
        };
        let (text, rest) = match std::str::from_utf8(input) {
            Ok(text) => (text, &[][..]),
            Err(error) if error.error_len().is_none() => {
                let (whole, rest) = input.split_at(error.valid_up_to());
                // The prefix up to valid_up_to is UTF-8; checked, not assumed.
                let text = std::str::from_utf8(whole)
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                (text, rest)
            }
            Err(error) => return Err(io::Error::new(io::ErrorKind::InvalidData, error)),
        };
        let (encoded, _, _) = encoding_rs::GB18030.encode(text);
        self.inner.write_all(&encoded)?;
        let rest = rest.to_vec();
        self.pending = rest;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// An opened destination: rows are written to `writer`.
pub struct Output {
    pub writer: Box<dyn Write>,
    file: Option<PendingFile>,
}

impl Output {
    /// Where DuckDB writes a Parquet result.
    pub fn parquet_path(&self) -> Option<&Path> {
        self.file.as_ref().map(PendingFile::write_path)
    }

    /// Ends the output after a run that ended with `outcome`. A file is
    /// put in place when the run got to its end (under `--keep-going`, with
    /// the results of the statements that worked) and dropped when it did
    /// not. Errors writing to a file name the file.
    pub fn close(mut self, outcome: Result<()>) -> Result<()> {
        // A failed flush spoils a run that had got to its end; a run that
        // had not keeps its own error.
        let outcome = match self.writer.flush() {
            Err(error) if ran_to_end(&outcome) => Err(Error::Output(error)),
            _ => outcome,
        };
        let finished = ran_to_end(&outcome);
        // The file handle goes before the rename, so nothing is written after it.
        drop(self.writer);
        let Some(file) = self.file else {
            return outcome;
        };
        let outcome = outcome.map_err(|e| e.writing_to(&file.destination));
        if finished {
            file.commit()?;
        }
        outcome
    }
}

/// Whether a run's output is whole: it succeeded, or it went on to its end
/// and then reported what did not hold or did not run.
fn ran_to_end(outcome: &Result<()>) -> bool {
    matches!(
        outcome,
        Ok(()) | Err(Error::StatementsFailed(_) | Error::ClaimsFailed(_))
    )
}

/// A result file being written beside its destination under a temporary
/// name, renamed over it by [`PendingFile::commit`]. Dropped uncommitted,
/// it removes itself: a failed or interrupted run leaves neither a
/// half-written file under the name asked for nor a changed older file.
/// Devices, pipes (`-o /dev/stdout`) and symbolic links are written in
/// place.
#[derive(Debug)]
pub struct PendingFile {
    destination: PathBuf,
    /// `None` when writing in place.
    temporary: Option<PathBuf>,
}

impl PendingFile {
    pub fn create(destination: &Path) -> Result<(PendingFile, File)> {
        let pending = PendingFile::reserve(destination);
        let file = File::create(pending.write_path()).map_err(|e| Error::io(destination, e))?;
        Ok((pending, file))
    }

    /// Chooses the temporary name without creating the file, for writers
    /// that create it themselves.
    pub fn reserve(destination: &Path) -> PendingFile {
        // A rename would replace a symbolic link by a file, and cannot go
        // over a device or pipe.
        let in_place = std::fs::metadata(destination).is_ok_and(|m| !m.is_file())
            || std::fs::symlink_metadata(destination).is_ok_and(|m| m.file_type().is_symlink());
        let temporary = (!in_place).then(|| {
            let name = destination
                .file_name()
                .map_or_else(|| "output".into(), |n| n.to_string_lossy());
            destination.with_file_name(format!(".{name}.{}.partial", std::process::id()))
        });
        PendingFile {
            destination: destination.to_path_buf(),
            temporary,
        }
    }

    pub fn write_path(&self) -> &Path {
        self.temporary.as_deref().unwrap_or(&self.destination)
    }

    /// Puts the file under its name. A writer that never created the file
    /// (a Parquet run without a query) leaves nothing to put.
    pub fn commit(mut self) -> Result<()> {
        if let Some(temporary) = self.temporary.take() {
            if temporary.exists() {
                std::fs::rename(&temporary, &self.destination).map_err(|e| {
                    let _ = std::fs::remove_file(&temporary);
                    Error::io(&self.destination, e)
                })?;
            }
        }
        Ok(())
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        if let Some(temporary) = &self.temporary {
            let _ = std::fs::remove_file(temporary);
        }
    }
}

/// The terminal's width in columns; `COLUMNS` when the terminal does not
/// say (a pseudo-terminal without a size).
pub fn terminal_width() -> Option<usize> {
    match terminal_size::terminal_size() {
        Some((width, _)) if width.0 > 0 => Some(usize::from(width.0)),
        _ => std::env::var("COLUMNS")
            .ok()?
            .parse()
            .ok()
            .filter(|w| *w > 0),
    }
}

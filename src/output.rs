//! Where results go (stdout or a file) and in which format, decided once
//! from the command line.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use crate::cli::Cli;
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
}

impl OutputTarget {
    pub fn from_cli(cli: &Cli) -> Result<OutputTarget> {
        let inferred = cli.output.as_deref().and_then(OutputFormat::from_extension);
        let format = cli.format.or(inferred).unwrap_or(OutputFormat::Table);
        if format == OutputFormat::Parquet && cli.output.is_none() {
            return Err(Error::Usage(
                "--format parquet writes a file: give it with -o PATH".to_string(),
            ));
        }
        let on_terminal = cli.output.is_none() && io::stdout().is_terminal();
        let options = RenderOptions {
            // Piped and file output carries every row; a terminal gets a screenful.
            max_rows: cli.max_rows.or(on_terminal.then_some(TERMINAL_MAX_ROWS)),
            max_width: if on_terminal { terminal_width() } else { None },
            null_text: "NULL".to_string(),
            ascii: cli.ascii,
        };
        Ok(OutputTarget {
            format,
            path: cli.output.clone(),
            options,
        })
    }

    /// The writer for results; a file is created (or truncated) here.
    /// Parquet is written by DuckDB, so its "writer" is stdout, unused.
    pub fn open_writer(&self) -> Result<Box<dyn Write>> {
        match (&self.path, self.format) {
            (Some(path), format) if format != OutputFormat::Parquet => {
                let file = File::create(path).map_err(|e| Error::io(path, e))?;
                Ok(Box::new(BufWriter::with_capacity(1 << 16, file)))
            }
            _ => Ok(Box::new(BufWriter::with_capacity(1 << 16, io::stdout()))),
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

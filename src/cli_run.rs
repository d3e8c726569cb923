//! The command line's choices put in the runner's terms: where results go
//! and in which format, and each `-c`/`-f` by the name it has there. They
//! live on the face side so that the runner need not know the command line.

use std::io::IsTerminal;

use crate::cli::{Cli, Command, Source};
use crate::error::{Error, Result};
use crate::render::{OutputFormat, RenderOptions};
use crate::runner::batch::{self, Runner};
use crate::runner::output::{OutputTarget, TERMINAL_MAX_ROWS, terminal_width};
use crate::t;

/// Where results go and in which format, decided once from the command
/// line.
pub fn output_target(cli: &Cli) -> Result<OutputTarget> {
    let inferred = cli.output.as_deref().and_then(OutputFormat::from_extension);
    let format = cli.format.or(inferred).unwrap_or(OutputFormat::Table);
    if format.is_file_only() && cli.output.is_none() {
        return Err(Error::Usage(t!(
            "output-format-needs-file",
            format = format.name()
        )));
    }
    let on_terminal = cli.output.is_none() && std::io::stdout().is_terminal();
    let options = RenderOptions {
        // Piped and file output carries every row; a terminal gets a screenful.
        max_rows: cli.max_rows.or(on_terminal.then_some(TERMINAL_MAX_ROWS)),
        max_width: if on_terminal { terminal_width() } else { None },
        null_text: "NULL".to_string(),
        ascii: cli.ascii,
        labels: cli.labels,
    };
    // `load` reads files in --encoding; everything else writes in it.
    let loads = matches!(cli.command, Some(Command::Load { .. }));
    let delimited = matches!(format, OutputFormat::Csv | OutputFormat::Tsv);
    let gb18030 = match cli.encoding.0 {
        _ if loads => false,
        None => false,
        Some(encoding) if encoding == encoding_rs::UTF_8 => false,
        Some(encoding) if encoding == encoding_rs::GB18030 && delimited => true,
        Some(encoding) => {
            return Err(Error::Usage(t!(
                "output-encoding",
                encoding = encoding.name()
            )));
        }
    };
    if cli.bom && (!delimited || gb18030) {
        return Err(Error::Usage(t!("output-bom")));
    }
    Ok(OutputTarget {
        format,
        path: cli.output.clone(),
        options,
        gb18030,
        bom: cli.bom,
    })
}

/// Runs one `-c` or `-f` in `runner`, its errors located by the name it
/// has on the command line.
pub fn run_source(runner: &mut Runner, source: &Source) -> Result<()> {
    match source {
        Source::Command { number, sql } => {
            let name = if *number == 1 {
                "-c".to_string()
            } else {
                format!("-c#{number}")
            };
            runner.run_text(&name, sql)
        }
        Source::File(path) if path.as_os_str() == "-" => {
            let text = batch::read_stdin()?;
            runner.run_text("<stdin>", &text)
        }
        Source::File(path) => {
            let text = batch::read_script(path)?;
            runner.run_text(&path.display().to_string(), &text)
        }
    }
}

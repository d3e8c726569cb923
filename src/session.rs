//! Everything between the parsed command line and running SQL: opening the
//! engine with its setup, and choosing what to do with the invocation.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{Command, Invocation, Source};
use crate::cli_run::{output_target, run_source};
use crate::engine::{Engine, EngineOptions};
use crate::error::Result;
use crate::render::OutputFormat;
use crate::runner::batch::Runner;
use crate::runner::output::Output;

/// Opens the database the command line names, ready for user SQL.
pub fn open_engine(invocation: &Invocation, writable_files: Vec<PathBuf>) -> Result<Engine> {
    let cli = &invocation.cli;
    let options = EngineOptions {
        database: database_path(invocation),
        readonly: cli.readonly,
        sandbox: cli.sandbox,
        storage_version: cli.storage_version.clone(),
        writable_files,
    };
    crate::open::open_configured(&options, cli.empty, &cli.vars)
}

/// The database file the command line names, if any.
fn database_path(invocation: &Invocation) -> Option<PathBuf> {
    let cli = &invocation.cli;
    cli.db.clone().or_else(|| cli.database.clone())
}

/// Runs the invocation to its end.
pub fn run(invocation: Invocation) -> Result<()> {
    if let Some(Command::Generate {
        out,
        scale,
        seed,
        roster_format,
    }) = &invocation.cli.command
    {
        let options = crate::generate::GenerateOptions {
            out: out.clone(),
            scale: *scale,
            seed: *seed,
            format: *roster_format,
        };
        return crate::commands::generate::generate(&options, invocation.cli.quiet);
    }
    match &invocation.cli.command {
        Some(Command::Completions { shell }) => {
            return crate::commands::completions::completions(*shell, &mut std::io::stdout());
        }
        Some(Command::Man) => return crate::commands::completions::man(&mut std::io::stdout()),
        _ => {}
    }
    let target = output_target(&invocation.cli)?;
    // DuckDB writes a Parquet result itself; its file is named before the
    // sandbox closes, so that SQL may write that one file and no other.
    let parquet_output = match target.format {
        OutputFormat::Parquet => Some(target.open()?),
        _ => None,
    };
    let writable = parquet_output
        .as_ref()
        .and_then(Output::parquet_path)
        .map(Path::to_path_buf);
    let new_database = database_path(&invocation).filter(|path| !path.exists());
    let engine = open_engine(&invocation, writable.into_iter().collect())?;
    match &invocation.cli.command {
        Some(Command::Check { sources }) => {
            let mut output = target.open()?;
            let outcome = crate::commands::check::check(
                &engine,
                sources,
                target.text_format(),
                &target.options,
                &mut *output.writer,
            );
            return output.close(outcome);
        }
        Some(Command::Report {
            batch,
            year,
            figures,
        }) => {
            let mut output = target.open()?;
            let options = crate::report::ReportOptions {
                batch: *batch,
                year: *year,
            };
            let outcome = crate::commands::report::report(
                &engine,
                &options,
                figures.as_deref(),
                &mut *output.writer,
            );
            return output.close(outcome);
        }
        Some(Command::Views) => {
            let mut output = target.open()?;
            let outcome = crate::commands::views::views(
                target.text_format(),
                &target.options,
                &mut *output.writer,
            );
            return output.close(outcome);
        }
        Some(Command::Load {
            paths,
            table,
            replace,
            ignore_extra,
            no_id_check,
            sheet,
            maps,
            units,
            header_row,
            create,
            ..
        }) => {
            let request = crate::load::LoadRequest {
                paths: paths.clone(),
                table: table.clone(),
                mode: if *replace {
                    crate::load::Mode::Replace
                } else {
                    crate::load::Mode::Append
                },
                ignore_extra: *ignore_extra,
                sheet: sheet.clone(),
                encoding: invocation.cli.encoding,
                quiet: invocation.cli.quiet,
                skip_id_check: *no_id_check,
                maps: maps.clone(),
                units: units.clone(),
                header_row: *header_row,
            };
            let outcome = crate::commands::load::load(&engine, &request, *create);
            // A database made for this load goes with it when the load fails:
            // as before, there is none.
            if let (Err(_), Some(path)) = (&outcome, &new_database) {
                drop(engine);
                let _ = std::fs::remove_file(path);
                let _ = std::fs::remove_file(format!("{}.wal", path.display()));
            }
            return outcome;
        }
        _ => {}
    }
    let mut sources = invocation.sources.clone();
    if sources.is_empty() {
        if std::io::stdin().is_terminal() {
            let cli = &invocation.cli;
            let options = crate::repl::ShellOptions {
                engine_options: engine.options().clone(),
                empty: cli.empty,
                vars: cli.vars.clone(),
                quiet: cli.quiet,
                no_init: cli.no_init,
            };
            return crate::repl::run(engine, options, &target);
        }
        sources.push(Source::File("-".into()));
    }
    crate::interrupt::install(engine.interrupt_handle());
    let mut output = match parquet_output {
        Some(output) => output,
        None => target.open()?,
    };
    let parquet_path = output.parquet_path().map(Path::to_path_buf);
    let outcome = {
        let mut runner = Runner::new(
            &engine,
            &target,
            &mut *output.writer,
            parquet_path,
            invocation.cli.keep_going,
        );
        sources
            .iter()
            .try_for_each(|source| run_source(&mut runner, source))
            .and_then(|()| runner.finish())
    };
    output.close(outcome)
}

//! The command line of the contract (design.md), as clap types, and the
//! settings derived from it.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::render::OutputFormat;
use crate::t;

#[derive(Debug, Parser)]
#[command(
    name = "clusterql",
    version,
    about = "Analytics on China's SME industrial clusters with local features, on embedded DuckDB",
    after_help = "Without -c, -f or a subcommand: an interactive shell, or a script read from stdin when stdin is not a terminal."
)]
pub struct Cli {
    /// DuckDB database file (created with the bundled dataset if missing); default: in memory
    #[arg(value_name = "DATABASE")]
    pub database: Option<PathBuf>,

    /// Database file, the same as DATABASE, for use with subcommands
    #[arg(
        long = "db",
        value_name = "PATH",
        global = true,
        conflicts_with = "database"
    )]
    pub db: Option<PathBuf>,

    /// Run SQL (one or more statements) and exit; repeatable, mixes with -f in order
    #[arg(short = 'c', long = "command", value_name = "SQL")]
    pub commands: Vec<String>,

    /// Run a saved query file ("-" is stdin); repeatable, mixes with -c in order
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Start without the bundled dataset
    #[arg(long, global = true)]
    pub empty: bool,

    /// Open the database file read-only
    #[arg(long, global = true)]
    pub readonly: bool,

    /// SQL may not read or write files, nor change that setting
    #[arg(long, global = true)]
    pub sandbox: bool,

    /// Output format (default: table, or what the -o file's extension says)
    #[arg(long, value_enum, value_name = "FMT", global = true)]
    pub format: Option<OutputFormat>,

    /// Write results to this file instead of stdout
    #[arg(short = 'o', long = "output", value_name = "PATH", global = true)]
    pub output: Option<PathBuf>,

    /// Rows a table shows before eliding the middle (default 40 on a terminal)
    #[arg(long, value_name = "N", global = true)]
    pub max_rows: Option<usize>,

    /// Set a variable that SQL reads as getvariable('NAME'); repeatable
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_variable, global = true)]
    pub vars: Vec<(String, String)>,

    /// In a batch, report an error and go on with the next statement
    #[arg(long, global = true)]
    pub keep_going: bool,

    /// No messages on stderr but errors
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,

    /// Do not run ~/.clusterqlrc when the shell starts
    #[arg(long, global = true)]
    pub no_init: bool,

    /// Draw tables with ASCII characters
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Text encoding: of the CSV files `load` reads (auto detects UTF-8, UTF-16, GB18030 or Big5), or of csv and tsv output (utf-8 or gb18030, for systems that demand GBK)
    #[arg(long, value_name = "NAME", default_value = "auto", value_parser = crate::load::encoding::parse_encoding, global = true)]
    pub encoding: crate::load::encoding::EncodingChoice,

    /// Start csv and tsv output with a UTF-8 byte-order mark, so that Excel reads it as UTF-8
    #[arg(long, global = true)]
    pub bom: bool,

    /// Language of the interface: zh or en (default: CLUSTERQL_LANG, else the locale)
    #[arg(long, value_name = "LANG", value_parser = crate::i18n::parse_lang, global = true)]
    pub lang: Option<crate::i18n::Lang>,

    /// Show result columns the data dictionary knows by their title in the interface's language (table, markdown, line, xlsx)
    #[arg(long, global = true)]
    pub labels: bool,

    /// Storage version of a database file clusterql creates
    #[arg(long, value_name = "VERSION", default_value = crate::engine::DEFAULT_STORAGE_VERSION, global = true)]
    pub storage_version: String,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run saved query files, the same as -f for each FILE
    Run {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Load CSV, Parquet or spreadsheet files (globs, folders) into a table, validated, all or nothing
    Load {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The schema table to load into (with --create: the name of a new table of your own)
        #[arg(long, value_name = "T")]
        table: String,
        /// Make a new table of your own from the file (a yearbook, a firm list): headers as written, types as DuckDB's sniffer reads the cleaned values, units as column comments; refused if the table exists unless --replace
        #[arg(long, conflicts_with_all = ["append", "ignore_extra", "no_id_check", "maps", "units"])]
        create: bool,
        /// Replace the table's rows instead of adding to them
        #[arg(long, conflicts_with = "append")]
        replace: bool,
        /// Add to the table's rows (the default)
        #[arg(long)]
        append: bool,
        /// Skip columns the table does not have instead of refusing them
        #[arg(long)]
        ignore_extra: bool,
        /// Load enterprise ids that are not unified social credit codes (a roster keyed by other identifiers); by default every enterprise_id must pass GB 32100's check characters
        #[arg(long)]
        no_id_check: bool,
        /// The sheet of a spreadsheet (.xlsx, .xls, .ods) to load: its name, or its number from 1 (default: the first)
        #[arg(long, value_name = "NAME|N")]
        sheet: Option<String>,
        /// Read the file's column HEADER into the table's COLUMN (a header that names no column or title); repeatable
        #[arg(long = "map", value_name = "HEADER=COLUMN", value_parser = key_value)]
        maps: Vec<(String, String)>,
        /// The unit of a column whose header names none (money: 元, 万元, 亿元…); repeatable
        #[arg(long = "unit", value_name = "COLUMN=UNIT", value_parser = key_value)]
        units: Vec<(String, String)>,
        /// The row of a spreadsheet that names the columns, from 1 (default: found among the first rows, title rows above it skipped)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        header_row: Option<u32>,
    },
    /// The published claims (the April 2023 briefing, the June 2023 update), published against computed; exit 3 if any fails (errata are listed apart)
    Check {
        /// Only the claims of this source (a `source_key` of briefing_claims); repeatable
        #[arg(long = "source", value_name = "KEY")]
        sources: Vec<String>,
    },
    /// The view library, one line per view
    Views,
    /// Write the synthetic dataset (every table) to a folder
    Generate {
        /// Folder to write into (created if missing)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Roster size: a multiple of the bundled data (1 = 240 clusters, 53,690 SMEs in 2022 of which the first batch's 28,460, 67,300 roster rows over 2019-2024), or `national` for about 52 million SMEs in 2022, China's SME population. Counts and money scale; shares and growth do not, so `check`'s counts hold only at 1
        #[arg(long, default_value = "1", value_parser = crate::generate::parse_scale)]
        scale: crate::generate::Scale,
        /// Seed; the same seed gives the same data
        #[arg(long, default_value_t = crate::generate::BUNDLED_SEED)]
        seed: u64,
        /// File format of the roster and honors (the small tables are always CSV)
        #[arg(long = "roster-format", value_enum, default_value = "parquet")]
        roster_format: crate::generate::RosterFormat,
    },
    /// The briefing regenerated from the data: one self-contained HTML page with SVG charts
    Report {
        /// The batch of national clusters the page describes
        #[arg(long, value_name = "YEAR", default_value_t = 2022)]
        batch: i32,
        /// The report year whose figures the page shows
        #[arg(long, value_name = "YEAR", default_value_t = 2022)]
        year: i32,
        /// Also write each chart as an SVG file of its own into this folder
        #[arg(long, value_name = "DIR")]
        figures: Option<PathBuf>,
    },
    /// A completion script for a shell, on stdout
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff), on stdout
    Man,
}

/// One piece of SQL to run, in command-line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The text of a `-c`, numbered from 1 for error locations.
    Command { number: usize, sql: String },
    /// A file; `-` is standard input.
    File(PathBuf),
}

/// The parsed command line and the order its `-c` and `-f` came in.
pub struct Invocation {
    pub cli: Cli,
    pub sources: Vec<Source>,
}

impl Invocation {
    /// Parses the arguments; clap prints usage errors and exits with 2.
    pub fn parse_from<I, T>(args: I) -> Invocation
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
        crate::i18n::set(crate::i18n::choose(&args, |name| std::env::var(name).ok()));
        let mut definition = command();
        let matches = match definition.try_get_matches_from_mut(&args) {
            Ok(matches) => matches,
            Err(error) => exit_with(error),
        };
        let cli = match Cli::from_arg_matches(&matches) {
            Ok(cli) => cli,
            Err(error) => exit_with(error),
        };
        if let Some(message) = inapplicable_option(&matches, &definition) {
            exit_with(definition.error(clap::error::ErrorKind::ArgumentConflict, message));
        }
        let sources = ordered_sources(&cli, &matches);
        Invocation { cli, sources }
    }
}

/// The command line's definition, speaking the current language.
pub fn command() -> clap::Command {
    crate::i18n::help::localize(Cli::command())
}

/// Prints a usage error (in the current language where the catalogue has
/// words for it) or the help, and exits as clap would: 2, or 0 for help.
fn exit_with(error: clap::Error) -> ! {
    match crate::i18n::usage::render(&error) {
        Some(text) => {
            eprint!("{text}");
            std::process::exit(2)
        }
        None => error.exit(),
    }
}

/// Every global option but `-q` and `--lang`: what a subcommand that
/// opens no database and prints no results (`generate`, `completions`,
/// `man`) has no use for.
const ALL_BUT_QUIET: &[&str] = &[
    "format",
    "output",
    "db",
    "database",
    "commands",
    "files",
    "empty",
    "readonly",
    "sandbox",
    "max_rows",
    "vars",
    "keep_going",
    "no_init",
    "ascii",
    "storage_version",
    "encoding",
    "bom",
    "labels",
];

/// Global options that mean nothing for a subcommand: a silently ignored
/// option is worse than a refusal.
fn inapplicable_to(subcommand: &str) -> &'static [&'static str] {
    match subcommand {
        "generate" | "completions" | "man" => ALL_BUT_QUIET,
        "load" => &[
            "bom",
            "format",
            "output",
            "readonly",
            "sandbox",
            "commands",
            "files",
            "max_rows",
            "vars",
            "keep_going",
            "no_init",
            "ascii",
            "labels",
        ],
        "check" => &["vars", "keep_going", "no_init", "commands", "files"],
        "views" => &[
            "db",
            "database",
            "commands",
            "files",
            "empty",
            "readonly",
            "sandbox",
            "vars",
            "keep_going",
            "no_init",
            "storage_version",
        ],
        "report" => &[
            "format",
            "commands",
            "files",
            "max_rows",
            "vars",
            "keep_going",
            "no_init",
            "ascii",
            "encoding",
            "bom",
            "labels",
        ],
        _ => &[],
    }
}

/// The catalogue key of what to use instead of a refused option, if
/// anything says more than the refusal.
fn instead_of(subcommand: &str, option: &str) -> Option<&'static str> {
    Some(match (subcommand, option) {
        ("generate", "format") => "hint-generate-format",
        ("generate", "output") => "hint-generate-output",
        ("generate", "db" | "database") => "hint-generate-db",
        ("completions" | "man", "db" | "database" | "format" | "output") => "hint-prints-text",
        ("load", "bom") => "hint-load-bom",
        ("load", "format") => "hint-load-format",
        ("load", "output") => "hint-load-output",
        ("load", "readonly") => "hint-load-readonly",
        ("load", "sandbox") => "hint-load-sandbox",
        ("load", "commands" | "files") => "hint-load-sql",
        ("load", "keep_going") => "hint-load-keep-going",
        ("views", "db" | "database") => "hint-views-db",
        ("report", "format") => "hint-report-format",
        _ => return None,
    })
}

/// A usage message when the command line gives a subcommand an option that
/// means nothing for it.
fn inapplicable_option(matches: &ArgMatches, command: &clap::Command) -> Option<String> {
    let (subcommand, sub_matches) = matches.subcommand()?;
    let given = |id: &str| {
        [matches, sub_matches].iter().any(|m| {
            m.try_get_raw(id).is_ok_and(|v| v.is_some())
                && m.value_source(id) == Some(clap::parser::ValueSource::CommandLine)
        })
    };
    let refused = inapplicable_to(subcommand)
        .iter()
        .find(|id| given(id))
        .map(|id| {
            let flag = command
                .get_arguments()
                .find(|arg| arg.get_id() == *id)
                .and_then(|arg| arg.get_long())
                .map_or_else(|| id.to_uppercase(), |long| format!("--{long}"));
            let refusal = t!("usage-does-not-apply", flag = flag, subcommand = subcommand);
            match instead_of(subcommand, id) {
                Some(hint) => format!("{refusal}{}", t!(hint)),
                None => refusal,
            }
        });
    refused.or_else(|| parquet_for_text(matches, sub_matches, subcommand))
}

/// `check`, `views` and `report` print text; a Parquet file or a workbook
/// of it would be a lie.
fn parquet_for_text(
    matches: &ArgMatches,
    sub_matches: &ArgMatches,
    subcommand: &str,
) -> Option<String> {
    if !matches!(subcommand, "check" | "views" | "report") {
        return None;
    }
    if subcommand == "report" {
        // The page is HTML, whatever the file is called.
        let output = [matches, sub_matches]
            .iter()
            .find_map(|m| m.get_one::<PathBuf>("output").cloned())?;
        let extension = output
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        return (!matches!(extension.as_str(), "html" | "htm"))
            .then(|| t!("usage-report-writes-html"));
    }
    let format = [matches, sub_matches]
        .iter()
        .find_map(|m| m.get_one::<OutputFormat>("format").copied());
    let output = [matches, sub_matches]
        .iter()
        .find_map(|m| m.get_one::<PathBuf>("output").cloned());
    let inferred = output.as_deref().and_then(OutputFormat::from_extension);
    matches!(
        format.or(inferred),
        Some(OutputFormat::Parquet | OutputFormat::Xlsx | OutputFormat::Dta)
    )
    .then(|| t!("usage-binary-format-for-text", subcommand = subcommand))
}

/// Interleaves `-c` and `-f` by their position on the command line, then
/// appends the files of `run`.
fn ordered_sources(cli: &Cli, matches: &ArgMatches) -> Vec<Source> {
    let mut placed: Vec<(usize, Source)> = Vec::new();
    if let Some(indices) = matches.indices_of("commands") {
        for (number, (index, sql)) in indices.zip(&cli.commands).enumerate() {
            placed.push((
                index,
                Source::Command {
                    number: number + 1,
                    sql: sql.clone(),
                },
            ));
        }
    }
    if let Some(indices) = matches.indices_of("files") {
        for (index, path) in indices.zip(&cli.files) {
            placed.push((index, Source::File(path.clone())));
        }
    }
    placed.sort_by_key(|(index, _)| *index);
    let mut sources: Vec<Source> = placed.into_iter().map(|(_, source)| source).collect();
    if let Some(Command::Run { files }) = &cli.command {
        sources.extend(files.iter().cloned().map(Source::File));
    }
    sources
}

/// Splits `--var NAME=VALUE` at its first `=`; the name must be a plain
/// identifier, because it becomes SQL text (the value is bound).
pub fn parse_variable(text: &str) -> Result<(String, String), String> {
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| t!("usage-variable-no-equals", text = text))?;
    let valid = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if !valid {
        return Err(t!("usage-variable-bad-name", name = name));
    }
    Ok((name.to_string(), value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_and_files_keep_their_order() {
        let invocation = Invocation::parse_from([
            "clusterql",
            "-f",
            "a.sql",
            "-c",
            "select 1",
            "-f",
            "b.sql",
            "-c",
            "select 2",
        ]);
        assert_eq!(
            invocation.sources,
            [
                Source::File("a.sql".into()),
                Source::Command {
                    number: 1,
                    sql: "select 1".into()
                },
                Source::File("b.sql".into()),
                Source::Command {
                    number: 2,
                    sql: "select 2".into()
                },
            ]
        );
    }

    #[test]
    fn options_that_mean_nothing_for_a_subcommand_are_named() {
        let matches = |args: &[&str]| Cli::command().get_matches_from(args);
        let refused = inapplicable_option(
            &matches(&["clusterql", "generate", "--out", "d", "--format", "csv"]),
            &Cli::command(),
        );
        assert_eq!(
            refused.as_deref(),
            Some(
                "--format does not apply to `generate`; the roster's file format is --roster-format parquet|csv"
            )
        );
        let before = inapplicable_option(
            &matches(&[
                "clusterql",
                "--max-rows",
                "5",
                "load",
                "x.csv",
                "--table",
                "clusters",
            ]),
            &Cli::command(),
        );
        assert_eq!(
            before.as_deref(),
            Some("--max-rows does not apply to `load`")
        );
        assert_eq!(
            inapplicable_option(
                &matches(&["clusterql", "--format", "csv", "check"]),
                &Cli::command()
            ),
            None
        );
        assert_eq!(
            inapplicable_option(
                &matches(&["clusterql", "generate", "--out", "d", "-q"]),
                &Cli::command()
            ),
            None
        );
        assert_eq!(
            inapplicable_option(
                &matches(&["clusterql", "new.duckdb", "views"]),
                &Cli::command()
            )
            .as_deref(),
            Some(
                "DATABASE does not apply to `views`; views lists the library itself, whatever the database"
            )
        );
        assert_eq!(
            inapplicable_option(
                &matches(&["clusterql", "-c", "select 1", "check"]),
                &Cli::command()
            )
            .as_deref(),
            Some("--command does not apply to `check`")
        );
        assert!(
            inapplicable_option(
                &matches(&["clusterql", "-o", "v.parquet", "views"]),
                &Cli::command()
            )
            .is_some_and(|m| m.starts_with("Parquet, xlsx and dta do not apply to `views`"))
        );
    }

    #[test]
    fn variables_need_a_name_and_an_equals_sign() {
        assert_eq!(
            parse_variable("province=浙江"),
            Ok(("province".into(), "浙江".into()))
        );
        assert!(parse_variable("novalue").is_err());
        assert!(parse_variable("bad name=1").is_err());
    }
}

/// `KEY=VALUE` of `--map` and `--unit`, split at the last `=` (a header
/// may hold one; a column or unit does not).
fn key_value(text: &str) -> std::result::Result<(String, String), String> {
    match text.rsplit_once('=') {
        Some((key, value)) if !key.trim().is_empty() && !value.trim().is_empty() => {
            Ok((key.trim().to_string(), value.trim().to_string()))
        }
        _ => Err(crate::t!("load-key-value", text = text)),
    }
}

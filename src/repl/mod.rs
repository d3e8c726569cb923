//! The interactive shell: reads statements until a `;` ends them (the same
//! splitter as batch mode), runs them, and keeps going after errors.

pub mod dot;
mod helper;
mod pager;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{CompletionType, Config, Editor};

use crate::engine::{Engine, EngineOptions};
use crate::error::{Error, Location, Result, report_message};
use crate::render::{OutputFormat, RenderOptions};
use crate::runner::exec;
use crate::runner::output::{OutputTarget, PendingFile, terminal_width};
use crate::script::{self, Statement, StatementKind};
use crate::t;
use dot::{COMMANDS, DotCommand, PagerMode};
use helper::{Catalogue, ShellHelper};

const PROMPT: &str = "clusterql> ";
const CONTINUATION: &str = "      ...> ";

pub struct ShellOptions {
    pub engine_options: EngineOptions,
    pub empty: bool,
    pub vars: Vec<(String, String)>,
    pub quiet: bool,
    pub no_init: bool,
}

struct Shell {
    engine: Engine,
    options: ShellOptions,
    format: OutputFormat,
    render: RenderOptions,
    timer: bool,
    /// `.output FILE`: the open file every result goes to until `.output` alone.
    output: Option<Redirect>,
    /// `.once FILE`: the next result only.
    once: Option<PathBuf>,
    /// The last statement that returned rows, for `.last`.
    last_query: Option<Statement>,
    pager: PagerMode,
}

/// The file that `.output` opened; results are appended as they come, as
/// in DuckDB's and sqlite's shells.
struct Redirect {
    path: PathBuf,
    writer: io::BufWriter<std::fs::File>,
}

/// Runs the shell until `.quit` or Ctrl-D.
pub fn run(engine: Engine, options: ShellOptions, target: &OutputTarget) -> Result<()> {
    let mut render = target.options.clone();
    if render.max_rows.is_none() {
        render.max_rows = Some(crate::runner::output::TERMINAL_MAX_ROWS);
    }
    let mut shell = Shell {
        engine,
        options,
        format: if target.format == OutputFormat::Parquet {
            OutputFormat::Table
        } else {
            target.format
        },
        render,
        timer: false,
        output: None,
        once: None,
        last_query: None,
        pager: PagerMode::Off,
    };
    // List completion completes the common prefix and then lists the
    // candidates, as shells do, rather than cycling through them.
    let config = Config::builder()
        .auto_add_history(false)
        .completion_type(CompletionType::List)
        .max_history_size(10_000)
        .map_err(|e| Error::Engine(e.to_string()))?
        .build();
    let mut editor: Editor<ShellHelper, DefaultHistory> =
        Editor::with_config(config).map_err(|e| Error::Engine(e.to_string()))?;
    editor.set_helper(Some(ShellHelper::new(Catalogue::read(&shell.engine))));
    // The editor claims SIGINT for itself while it lives; a query must get
    // it instead (at the prompt the terminal is raw and Ctrl-C is a key).
    crate::interrupt::install(shell.engine.interrupt_handle());
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    if !shell.options.quiet {
        eprintln!("{}", shell.banner());
    }
    if !shell.options.no_init {
        shell.run_init_file();
    }
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() {
            PROMPT
        } else {
            CONTINUATION
        };
        match editor.readline(prompt) {
            Ok(line) => {
                if buffer.is_empty() && line.trim_start().starts_with('.') {
                    let _ = editor.add_history_entry(line.trim());
                    match shell.dot_command(&line) {
                        Flow::Quit => break,
                        Flow::CatalogueChanged => {
                            if let Some(helper) = editor.helper_mut() {
                                helper.catalogue = Catalogue::read(&shell.engine);
                            }
                        }
                        Flow::Continue => {}
                    }
                    continue;
                }
                buffer.push_str(&line);
                buffer.push('\n');
                if script::is_complete(&buffer) {
                    let _ = editor.add_history_entry(buffer.trim_end());
                    let changes_catalogue = shell.run_sql("shell", &buffer);
                    buffer.clear();
                    if changes_catalogue && let Some(helper) = editor.helper_mut() {
                        helper.catalogue = Catalogue::read(&shell.engine);
                    }
                }
            }
            // Ctrl-C at the prompt drops what was typed, as in DuckDB's shell.
            Err(ReadlineError::Interrupted) => buffer.clear(),
            Err(ReadlineError::Eof) => break,
            Err(error) => {
                eprintln!("{}", report_message(&error.to_string()));
                break;
            }
        }
    }
    if let Some(path) = &history {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = editor.save_history(path);
    }
    Ok(())
}

/// The history file in the user's state directory (XDG), kept across runs.
fn history_path() -> Option<PathBuf> {
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/state"))
        })?;
    Some(state.join("clusterql").join("history"))
}

#[derive(Debug, PartialEq, Eq)]
enum Flow {
    Continue,
    /// Tables, views or the database changed: completion must re-read them.
    CatalogueChanged,
    Quit,
}

impl Shell {
    fn banner(&self) -> String {
        let database = match (&self.options.engine_options.database, self.options.empty) {
            (Some(path), _) => path.display().to_string(),
            (None, true) => t!("shell-empty-memory"),
            (None, false) => t!("shell-bundled-memory"),
        };
        t!(
            "shell-banner",
            version = env!("CARGO_PKG_VERSION"),
            database = database
        )
    }

    fn run_init_file(&mut self) {
        let Some(home) = std::env::var_os("HOME") else {
            return;
        };
        let path = PathBuf::from(home).join(".clusterqlrc");
        let Ok(text) = std::fs::read_to_string(&path) else {
            return;
        };
        let name = path.display().to_string();
        // Dot commands and SQL may mix; each line that starts with a dot is
        // a command, everything else is SQL.
        let mut sql = String::new();
        for (index, line) in text.lines().enumerate() {
            if sql.trim().is_empty() && line.trim_start().starts_with('.') {
                if let Err(message) = DotCommand::parse(line) {
                    eprintln!(
                        "{}",
                        report_message(&format!("{name}:{}:1: {message}", index + 1))
                    );
                } else {
                    self.dot_command(line);
                }
                continue;
            }
            if sql.is_empty() {
                sql = "\n".repeat(index);
            }
            sql.push_str(line);
            sql.push('\n');
            if script::is_complete(&sql) {
                self.run_sql(&name, &sql);
                sql.clear();
            }
        }
    }

    /// Runs every statement of `text`; reports errors and goes on. Returns
    /// whether the catalogue may have changed.
    fn run_sql(&mut self, source: &str, text: &str) -> bool {
        let mut changes_catalogue = false;
        for statement in script::split(text) {
            changes_catalogue |= statement.kind() == StatementKind::CatalogueChange;
            let location = Location {
                source: source.to_string(),
                line: statement.line,
                column: statement.column,
            };
            let started = Instant::now();
            crate::interrupt::clear();
            let outcome = self.execute(&statement, &location, self.render.clone());
            match outcome {
                Ok(exec::Outcome::Rows(_)) => self.last_query = Some(statement.clone()),
                Ok(exec::Outcome::Done) => {}
                Err(Error::Interrupted) => eprintln!("{}", t!("error-interrupted")),
                Err(error) if error.is_broken_pipe() => {}
                Err(error) => eprintln!("{}", error.report()),
            }
            if self.timer {
                let seconds = format!("{:.3}", started.elapsed().as_secs_f64());
                eprintln!("{}", t!("shell-run-time", seconds = seconds));
            }
        }
        crate::allocator::release_free_memory();
        changes_catalogue
    }

    fn execute(
        &mut self,
        statement: &Statement,
        location: &Location,
        mut render: RenderOptions,
    ) -> Result<exec::Outcome> {
        if self.once.is_some() || self.output.is_some() {
            // A file gets every row and column.
            render.max_rows = None;
            render.max_width = None;
        }
        if let Some(path) = self.once.take() {
            let (pending, file) = PendingFile::create(&path)?;
            let mut writer = io::BufWriter::new(file);
            let outcome = self
                .render_into(statement, location, &render, &mut writer)
                .map_err(|e| e.writing_to(&path))?;
            drop(writer);
            pending.commit()?;
            return Ok(outcome);
        }
        if let Some(mut redirect) = self.output.take() {
            let outcome = self
                .render_into(statement, location, &render, &mut redirect.writer)
                .map_err(|e| e.writing_to(&redirect.path));
            self.output = Some(redirect);
            return outcome;
        }
        render.max_width = terminal_width();
        if self.pager != PagerMode::Off {
            // Rendered first (a table holds only the rows it shows), so
            // that its height decides whether to page.
            let mut text = Vec::new();
            let outcome = self.render_into(statement, location, &render, &mut text)?;
            pager::show(&text, self.pager == PagerMode::On).map_err(Error::Output)?;
            return Ok(outcome);
        }
        let mut stdout = io::BufWriter::new(io::stdout().lock());
        self.render_into(statement, location, &render, &mut stdout)
    }

    /// Runs a report command (`.views`, `.check`) into the current
    /// destination: the `.output` file or stdout.
    fn report(&mut self, write: impl FnOnce(&Engine, &mut dyn Write) -> Result<()>) -> Result<()> {
        match self.output.as_mut() {
            Some(redirect) => {
                write(&self.engine, &mut redirect.writer).map_err(|e| e.writing_to(&redirect.path))
            }
            None => write(&self.engine, &mut io::stdout().lock()),
        }
    }

    fn render_into(
        &self,
        statement: &Statement,
        location: &Location,
        render: &RenderOptions,
        out: &mut dyn Write,
    ) -> Result<exec::Outcome> {
        let outcome = exec::execute(&self.engine, statement, location, self.format, render, out)?;
        out.flush().map_err(Error::Output)?;
        Ok(outcome)
    }

    /// Runs a query whose rows it prints in a fixed format, for the dot
    /// commands that answer from the catalogue.
    fn show(&mut self, sql: &str) {
        let statement = Statement {
            sql: sql.to_string(),
            line: 1,
            column: 1,
        };
        let location = Location {
            source: "shell".to_string(),
            line: 1,
            column: 1,
        };
        let mut render = self.render.clone();
        render.max_rows = None;
        if let Err(error) = self.execute(&statement, &location, render) {
            eprintln!("{}", error.report());
        }
    }

    fn dot_command(&mut self, line: &str) -> Flow {
        let command = match DotCommand::parse(line) {
            Ok(command) => command,
            Err(message) => {
                eprintln!("{}", report_message(&message));
                return Flow::Continue;
            }
        };
        match command {
            DotCommand::Quit => return Flow::Quit,
            DotCommand::Help => {
                let width = COMMANDS.iter().map(|c| c.usage.len()).max().unwrap_or(0);
                for info in COMMANDS {
                    println!("{:width$}  {}", info.usage, info.help());
                }
            }
            DotCommand::Tables => self.show(
                "SELECT table_name AS name, 'table' AS kind, estimated_size AS rows FROM duckdb_tables() WHERE NOT internal \
                 UNION ALL SELECT view_name, 'view', NULL FROM duckdb_views() WHERE NOT internal ORDER BY kind, name",
            ),
            DotCommand::Views => {
                let (format, mut options) = (self.format, self.render.clone());
                options.max_rows = None;
                if let Err(error) = self.report(|_, out| crate::commands::views::views(format, &options, out)) {
                    eprintln!("{}", error.report());
                }
            }
            DotCommand::Schema(name) => {
                let filter = name.map_or(String::new(), |n| format!(" AND name = {}", crate::sql_quote::sql_string(&n)));
                self.show(&format!(
                    "SELECT sql FROM (SELECT table_name AS name, sql FROM duckdb_tables() WHERE NOT internal \
                     UNION ALL SELECT view_name, sql FROM duckdb_views() WHERE NOT internal) WHERE true{filter} ORDER BY name"
                ));
            }
            DotCommand::Describe(name) => {
                self.show(&describe_with_comments(&name));
            }
            DotCommand::Mode(format) => self.format = format,
            DotCommand::Output(path) => {
                // The file open so far is complete; flushing it reports a full disk now.
                if let Some(mut redirect) = self.output.take()
                    && let Err(error) = redirect.writer.flush()
                {
                    eprintln!("{}", report_message(&format!("{}: {error}", redirect.path.display())));
                }
                if let Some(path) = path {
                    match std::fs::File::create(&path) {
                        Ok(file) => self.output = Some(Redirect { path, writer: io::BufWriter::new(file) }),
                        Err(error) => eprintln!("{}", report_message(&format!("{}: {error}", path.display()))),
                    }
                }
            }
            DotCommand::Once(path) => self.once = Some(path),
            DotCommand::Read(path) => match crate::runner::batch::read_script(&path) {
                Ok(text) => {
                    if self.run_sql(&path.display().to_string(), &text) {
                        return Flow::CatalogueChanged;
                    }
                }
                Err(error) => eprintln!("{}", error.report()),
            },
            DotCommand::Timer(on) => self.timer = on,
            DotCommand::MaxRows(limit) => self.render.max_rows = limit,
            DotCommand::NullValue(text) => self.render.null_text = text,
            DotCommand::Last => match self.last_query.clone() {
                Some(statement) => {
                    let location = Location { source: "shell".to_string(), line: 1, column: 1 };
                    let mut render = self.render.clone();
                    render.max_rows = None;
                    if let Err(error) = self.execute(&statement, &location, render) {
                        eprintln!("{}", error.report());
                    }
                }
                None => eprintln!("{}", report_message(&t!("shell-no-last-query"))),
            },
            DotCommand::Pager(mode) => self.pager = mode,
            DotCommand::Load { path, table, replace } => {
                let request = crate::load::LoadRequest {
                    paths: vec![path],
                    table,
                    mode: if replace { crate::load::Mode::Replace } else { crate::load::Mode::Append },
                    ignore_extra: false,
                    sheet: None,
                    encoding: crate::load::encoding::EncodingChoice(None),
                    quiet: false,
                    skip_id_check: false,
                    maps: Vec::new(),
                    units: Vec::new(),
                    header_row: None,
                };
                if let Err(error) = crate::commands::load::load(&self.engine, &request, false) {
                    eprintln!("{}", error.report());
                }
            }
            DotCommand::Check => {
                let (format, options) = (self.format, self.render.clone());
                if let Err(error) = self.report(|engine, out| {
                    crate::commands::check::check(engine, &[], format, &options, out)
                }) {
                    eprintln!("{}", error.report());
                }
            }
            DotCommand::Open(path) => {
                self.open(&path);
                return Flow::CatalogueChanged;
            }
        }
        Flow::Continue
    }

    fn open(&mut self, path: &Path) {
        let mut engine_options = self.options.engine_options.clone();
        engine_options.database = Some(path.to_path_buf());
        match crate::open::open_configured(&engine_options, self.options.empty, &self.options.vars)
        {
            Ok(engine) => {
                crate::interrupt::install(engine.interrupt_handle());
                self.engine = engine;
                self.options.engine_options = engine_options;
                self.last_query = None;
                eprintln!("{}", t!("shell-opened", path = path.display().to_string()));
            }
            Err(error) => eprintln!("{}", error.report()),
        }
    }
}

/// `DESCRIBE` with each column's comment (the view library's column
/// descriptions, in the language the views were installed in).
fn describe_with_comments(name: &str) -> String {
    let table = name.rsplit('.').next().unwrap_or(name).trim_matches('"');
    format!(
        "SELECT d.column_name, d.column_type, d.\"null\", c.comment \
         FROM (DESCRIBE {}) AS d \
         LEFT JOIN (SELECT column_name, any_value(comment) AS comment FROM duckdb_columns() WHERE table_name = {} GROUP BY column_name) AS c USING (column_name)",
        quote_identifier(name),
        crate::sql_quote::sql_string(table)
    )
}

fn quote_identifier(name: &str) -> String {
    if name
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

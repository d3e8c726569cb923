//! The shell's dot commands: one table of names, arguments and help that
//! drives parsing, `.help`, completion and "did you mean".

use std::path::PathBuf;

use crate::render::OutputFormat;
use crate::t;

pub struct CommandInfo {
    pub name: &'static str,
    pub usage: &'static str,
}

impl CommandInfo {
    /// What the command does, in the interface's language.
    pub fn help(&self) -> String {
        crate::i18n::message(&format!("dot-{}", self.name), &[])
    }
}

pub const COMMANDS: &[CommandInfo] = &[
    CommandInfo {
        name: "help",
        usage: ".help",
    },
    CommandInfo {
        name: "tables",
        usage: ".tables",
    },
    CommandInfo {
        name: "views",
        usage: ".views",
    },
    CommandInfo {
        name: "schema",
        usage: ".schema [NAME]",
    },
    CommandInfo {
        name: "describe",
        usage: ".describe NAME",
    },
    CommandInfo {
        name: "mode",
        usage: ".mode FORMAT",
    },
    CommandInfo {
        name: "output",
        usage: ".output [FILE]",
    },
    CommandInfo {
        name: "once",
        usage: ".once FILE",
    },
    CommandInfo {
        name: "read",
        usage: ".read FILE",
    },
    CommandInfo {
        name: "timer",
        usage: ".timer on|off",
    },
    CommandInfo {
        name: "maxrows",
        usage: ".maxrows N",
    },
    CommandInfo {
        name: "nullvalue",
        usage: ".nullvalue TEXT",
    },
    CommandInfo {
        name: "last",
        usage: ".last",
    },
    CommandInfo {
        name: "pager",
        usage: ".pager on|off|auto",
    },
    CommandInfo {
        name: "load",
        usage: ".load PATH TABLE [replace]",
    },
    CommandInfo {
        name: "check",
        usage: ".check",
    },
    CommandInfo {
        name: "open",
        usage: ".open PATH",
    },
    CommandInfo {
        name: "quit",
        usage: ".quit",
    },
];

/// When results go through a pager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagerMode {
    On,
    Off,
    /// Only results taller than the terminal.
    Auto,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DotCommand {
    Help,
    Tables,
    Views,
    Schema(Option<String>),
    Describe(String),
    Mode(OutputFormat),
    Output(Option<PathBuf>),
    Once(PathBuf),
    Read(PathBuf),
    Timer(bool),
    MaxRows(Option<usize>),
    NullValue(String),
    Last,
    Pager(PagerMode),
    Load {
        path: PathBuf,
        table: String,
        replace: bool,
    },
    Check,
    Open(PathBuf),
    Quit,
}

impl DotCommand {
    /// Parses a line that starts with a dot. The error is the message for
    /// the user: a usage line, or the unknown name with the nearest one.
    pub fn parse(line: &str) -> Result<DotCommand, String> {
        let line = line.trim().trim_end_matches(';');
        let body = line.strip_prefix('.').unwrap_or(line);
        let (name, argument) = match body.split_once(char::is_whitespace) {
            Some((name, rest)) => (name, rest.trim()),
            None => (body, ""),
        };
        let argument = unquote(argument);
        let usage = |name: &str| {
            let info = COMMANDS
                .iter()
                .find(|c| c.name == name)
                .map_or("", |c| c.usage);
            t!("dot-usage", usage = info)
        };
        let needs = |name: &str| {
            if argument.is_empty() {
                Err(usage(name))
            } else {
                Ok(argument.clone())
            }
        };
        Ok(match name {
            "help" => DotCommand::Help,
            "tables" => DotCommand::Tables,
            "views" => DotCommand::Views,
            "schema" => DotCommand::Schema((!argument.is_empty()).then_some(argument.clone())),
            "describe" => DotCommand::Describe(needs("describe")?),
            "mode" => {
                let format = <OutputFormat as clap::ValueEnum>::from_str(&needs("mode")?, true)
                    .map_err(|_| {
                        t!(
                            "dot-unknown-format",
                            format = &argument,
                            usage = usage("mode")
                        )
                    })?;
                if format == OutputFormat::Parquet {
                    return Err(t!("dot-mode-parquet"));
                }
                DotCommand::Mode(format)
            }
            "output" => {
                DotCommand::Output((!argument.is_empty()).then(|| PathBuf::from(&argument)))
            }
            "once" => DotCommand::Once(PathBuf::from(needs("once")?)),
            "read" => DotCommand::Read(PathBuf::from(needs("read")?)),
            "timer" => match argument.as_str() {
                "on" => DotCommand::Timer(true),
                "off" => DotCommand::Timer(false),
                _ => return Err(usage("timer")),
            },
            "maxrows" => match needs("maxrows")?.parse::<usize>() {
                Ok(0) => DotCommand::MaxRows(None),
                Ok(n) => DotCommand::MaxRows(Some(n)),
                Err(_) => return Err(usage("maxrows")),
            },
            "nullvalue" => DotCommand::NullValue(argument.clone()),
            "last" => DotCommand::Last,
            "pager" => match argument.as_str() {
                "on" => DotCommand::Pager(PagerMode::On),
                "off" => DotCommand::Pager(PagerMode::Off),
                "auto" => DotCommand::Pager(PagerMode::Auto),
                _ => return Err(usage("pager")),
            },
            "load" => {
                let text = needs("load")?;
                let words: Vec<&str> = text
                    .split_whitespace()
                    .map(|w| w.trim_matches('\''))
                    .collect();
                match words.as_slice() {
                    [path, table] => DotCommand::Load {
                        path: PathBuf::from(path),
                        table: table.to_string(),
                        replace: false,
                    },
                    [path, table, "replace"] => DotCommand::Load {
                        path: PathBuf::from(path),
                        table: table.to_string(),
                        replace: true,
                    },
                    _ => return Err(usage("load")),
                }
            }
            "check" => DotCommand::Check,
            "open" => DotCommand::Open(PathBuf::from(needs("open")?)),
            "quit" | "exit" | "q" => DotCommand::Quit,
            unknown => {
                return Err(match nearest(unknown) {
                    Some(near) => t!("dot-unknown-near", name = unknown, near = near),
                    None => t!("dot-unknown", name = unknown),
                });
            }
        })
    }
}

fn unquote(text: &str) -> String {
    let quoted = text.len() >= 2
        && ((text.starts_with('\'') && text.ends_with('\''))
            || (text.starts_with('"') && text.ends_with('"')));
    if quoted {
        text[1..text.len() - 1].to_string()
    } else {
        text.to_string()
    }
}

/// The command whose name is closest to `name` by edit distance, if close.
fn nearest(name: &str) -> Option<&'static str> {
    COMMANDS
        .iter()
        .map(|c| (strsim::levenshtein(name, c.name), c.name))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands_with_arguments() {
        assert_eq!(
            DotCommand::parse(".mode csv"),
            Ok(DotCommand::Mode(OutputFormat::Csv))
        );
        assert_eq!(
            DotCommand::parse(".maxrows 0"),
            Ok(DotCommand::MaxRows(None))
        );
        assert_eq!(
            DotCommand::parse(".read 'my file.sql'"),
            Ok(DotCommand::Read("my file.sql".into()))
        );
        assert!(DotCommand::parse(".timer maybe").is_err());
        assert_eq!(
            DotCommand::parse(".pager auto"),
            Ok(DotCommand::Pager(PagerMode::Auto))
        );
        assert_eq!(
            DotCommand::parse(".load reports.csv cluster_reports replace"),
            Ok(DotCommand::Load {
                path: "reports.csv".into(),
                table: "cluster_reports".into(),
                replace: true
            })
        );
    }

    #[test]
    fn unknown_commands_suggest_the_nearest() {
        let error = DotCommand::parse(".tabels").expect_err("unknown");
        assert!(error.contains("did you mean .tables?"), "{error}");
    }
}

//! `--help` in the current language: the clap definitions of `cli` give the
//! shape (names, flags, value names), the catalogue gives every word.
//!
//! Keys: `cli-about`, `cli-after-help`, `arg-<id>` for the top-level
//! command's arguments (and the global ones everywhere), and
//! `cmd-<name>-about`, `cmd-<name>-after-help`, `cmd-<name>-arg-<id>` for a
//! subcommand's own.

use clap::{Arg, ArgAction, Command};

use crate::i18n::message;
use crate::t;

/// Arguments clap adds itself; ours replace them so their help is ours too.
const HELP: &str = "help";
const VERSION: &str = "version";

pub fn localize(command: Command) -> Command {
    let mut command = localize_command(command, None)
        .disable_version_flag(true)
        .arg(
            Arg::new(VERSION)
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("arg-version"))
                .help_heading(t!("heading-options")),
        )
        .subcommand_help_heading(t!("heading-commands"));
    // A subcommand lists its own options first and the global ones apart:
    // it gets its own copies of them, which clap then does not propagate.
    let globals: Vec<Arg> = command
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .map(|arg| arg.clone().help_heading(t!("heading-global-options")))
        .collect();
    command = command.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        localize_command(sub, Some(&name)).args(globals.clone())
    });
    // clap makes the `help` subcommand while building; its description
    // can only be replaced afterwards.
    command.build();
    command.mut_subcommand("help", |help| help.about(t!("cmd-help-about")))
}

fn localize_command(command: Command, subcommand: Option<&str>) -> Command {
    let prefix = match subcommand {
        Some(name) => format!("cmd-{name}-"),
        None => "cli-".to_string(),
    };
    let about = message(&format!("{prefix}about"), &[]);
    let after = message(&format!("{prefix}after-help"), &[]);
    let template = format!(
        "{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        usage_heading()
    );
    let command = command
        .about(about)
        .after_help(after)
        .help_template(template)
        .disable_help_flag(true);
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    let mut command = command;
    for id in ids {
        command = command.mut_arg(id.as_str(), |arg| localize_arg(arg, subcommand));
    }
    command.arg(
        Arg::new(HELP)
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(t!("arg-help"))
            .help_heading(t!("heading-options")),
    )
}

/// "Usage: " or "用法：", ready to be followed by the usage line.
pub fn usage_heading() -> String {
    let heading = t!("help-usage-heading");
    if heading.ends_with(':') {
        format!("{heading} ")
    } else {
        heading
    }
}

/// The catalogue key of an argument's help.
pub fn arg_key(arg: &Arg, subcommand: Option<&str>) -> String {
    match subcommand {
        Some(name) if !arg.is_global_set() => format!("cmd-{name}-arg-{}", arg.get_id()),
        _ => format!("arg-{}", arg.get_id()),
    }
}

fn localize_arg(arg: Arg, subcommand: Option<&str>) -> Arg {
    let mut help = message(&arg_key(&arg, subcommand), &[]);
    // clap would print "[possible values: …]" and "[default: …]" in English.
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_string())
        .collect();
    if !possible.is_empty() && arg.get_action().takes_values() {
        help.push_str(&t!("help-possible-values", values = possible.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        help.push_str(&t!("help-default", value = defaults.join(", ")));
    }
    let heading = if arg.is_positional() {
        t!("heading-arguments")
    } else {
        t!("heading-options")
    };
    arg.help(help)
        .hide_possible_values(true)
        .hide_default_value(true)
        .help_heading(heading)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, has};
    use clap::CommandFactory;

    #[test]
    fn every_argument_and_command_has_help_in_both_languages() {
        let command = crate::cli::Cli::command();
        let mut missing = Vec::new();
        let mut need = |key: String| {
            for lang in Lang::ALL {
                if !has(lang, &key) {
                    missing.push(format!("{}: {key}", lang.tag()));
                }
            }
        };
        for key in ["cli-about", "cli-after-help"] {
            need(key.to_string());
        }
        for arg in command.get_arguments() {
            need(arg_key(arg, None));
        }
        for sub in command.get_subcommands() {
            let name = sub.get_name();
            need(format!("cmd-{name}-about"));
            need(format!("cmd-{name}-after-help"));
            for arg in sub.get_arguments().filter(|a| !a.is_global_set()) {
                need(arg_key(arg, Some(name)));
            }
        }
        assert!(missing.is_empty(), "no help for: {missing:?}");
    }
}

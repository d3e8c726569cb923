//! clap's usage errors in the current language. clap writes them in
//! English; for the kinds a user meets (an unknown option, a bad value, a
//! missing argument, a conflict) the catalogue has its own words, built
//! from the facts clap records in the error's context. Kinds without an
//! entry keep clap's English text. Either way the exit code stays 2.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, current};
use crate::t;

/// The whole text to print for `error`, or None to let clap print its own.
pub fn render(error: &clap::Error) -> Option<String> {
    if current() == Lang::En {
        return None;
    }
    let text = |kind: ContextKind| -> Option<String> {
        match error.get(kind)? {
            ContextValue::String(value) => Some(value.clone()),
            ContextValue::Strings(values) => Some(values.join(", ")),
            ContextValue::StyledStr(value) => Some(value.to_string()),
            ContextValue::StyledStrs(values) => Some(
                values
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ContextValue::Number(value) => Some(value.to_string()),
            _ => None,
        }
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::UnknownArgument if arg.is_empty() && !value.is_empty() => {
            t!("usage-unexpected-value", value = value)
        }
        ErrorKind::UnknownArgument => t!("usage-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => t!(
            "usage-unknown-subcommand",
            name = text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => t!("usage-value-missing", arg = arg),
        ErrorKind::InvalidValue => t!(
            "usage-invalid-value",
            arg = arg,
            value = value,
            valid = text(ContextKind::ValidValue).unwrap_or_default()
        ),
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default();
            t!(
                "usage-value-validation",
                arg = arg,
                value = value,
                reason = reason
            )
        }
        ErrorKind::MissingRequiredArgument => t!("usage-missing-argument", arg = arg),
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg) {
            Some(prior) => t!("usage-conflict", arg = arg, prior = prior),
            // Our own refusals (see cli::inapplicable_option) carry their
            // whole message, already in this language.
            None => custom_message(error)?,
        },
        ErrorKind::TooManyValues if !value.is_empty() => {
            t!("usage-unexpected-value", value = value)
        }
        ErrorKind::NoEquals => t!("usage-no-equals", arg = arg),
        _ => return None,
    };
    let suggestion = text(ContextKind::SuggestedArg)
        .or_else(|| text(ContextKind::SuggestedSubcommand))
        .or_else(|| text(ContextKind::SuggestedValue));
    if let Some(suggested) = suggestion {
        message.push_str(&format!(
            "\n\n  {}",
            t!("usage-did-you-mean", suggested = suggested)
        ));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim_start();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        message.push_str(&format!("\n\n{}{usage}", super::help::usage_heading()));
    }
    message.push_str(&format!("\n\n{}", t!("usage-more-information")));
    Some(format!("{}\n", crate::error::report_message(&message)))
}

/// The message of an error made with `Command::error`, which clap keeps
/// only in its rendered text.
fn custom_message(error: &clap::Error) -> Option<String> {
    let rendered = error.render().to_string();
    let first = rendered.lines().next()?;
    Some(first.strip_prefix("error: ").unwrap_or(first).to_string())
}

//! The interface's two languages: which one this process speaks, and the
//! message catalogues of `locales/` (Fluent), compiled into the binary.
//!
//! Every word clusterql itself says comes from a catalogue through `t!`;
//! DuckDB's own messages pass through untouched, since people search for
//! them as DuckDB wrote them.

pub mod help;
pub mod usage;

use std::ffi::OsString;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the interface. Simplified Chinese is the Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The folder of `locales/` holding this language's catalogue.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `chinese`… are Chinese; `en…` and `C`
    /// or `POSIX` are English; anything else is not a choice.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        if lower.starts_with("zh") || lower == "chinese" {
            Some(Lang::Zh)
        } else if lower.starts_with("en") || lower == "c" || lower == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The catalogue's source text.
    fn catalogue(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../locales/en/clusterql.ftl"),
            Lang::Zh => include_str!("../../locales/zh-CN/clusterql.ftl"),
        }
    }
}

/// `--lang` values, for clap.
pub fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| crate::t!("usage-bad-lang", text = text))
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language this process speaks from now on.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

/// The language of a command line: `--lang`, else `CLUSTERQL_LANG`, else
/// the locale as gettext reads it (`LANGUAGE`, a priority list, unless the
/// locale is `C`; then the first of `LC_ALL`, `LC_MESSAGES`, `LANG`), else
/// English.
/// It has to be known before clap parses, since clap's help speaks it.
pub fn choose<I, T>(args: I, env: impl Fn(&str) -> Option<String>) -> Lang
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let from_args = args.iter().enumerate().find_map(|(i, arg)| {
        let arg = arg.to_str()?;
        if arg == "--" {
            return Some(None);
        }
        match arg.strip_prefix("--lang") {
            Some(rest) if rest.starts_with('=') => Some(Lang::parse(&rest[1..])),
            Some("") => Some(args.get(i + 1)?.to_str().and_then(Lang::parse)),
            _ => None,
        }
    });
    if let Some(Some(lang)) = from_args {
        return lang;
    }
    if let Some(lang) = env("CLUSTERQL_LANG").as_deref().and_then(Lang::parse) {
        return lang;
    }
    // The first of the POSIX variables that is set is the locale; an
    // unrecognised one (say `fr_FR`) means English.
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| env(name).filter(|value| !value.is_empty()));
    let plain_c = locale
        .as_deref()
        .is_some_and(|l| matches!(l.split('.').next(), Some("C" | "POSIX")));
    // As gettext does (Ubuntu sets LANGUAGE=zh_CN:en beside LANG=en_US),
    // LANGUAGE's first language we speak wins, unless the locale is C.
    if !plain_c
        && let Some(lang) = env("LANGUAGE")
            .unwrap_or_default()
            .split(':')
            .find_map(Lang::parse)
    {
        return lang;
    }
    locale.as_deref().and_then(Lang::parse).unwrap_or(Lang::En)
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| Lang::ALL.map(build_bundle));
    &bundles[lang as usize]
}

fn build_bundle(lang: Lang) -> Bundle {
    let tag: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Isolation marks (U+2068/U+2069) around placeables would land in
    // terminals and files as invisible bytes.
    bundle.set_use_isolating(false);
    // A syntax error in a catalogue is caught by the tests; here the
    // entries that did parse are still used.
    let resource = FluentResource::try_new(lang.catalogue().to_string())
        .unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// One argument of a message.
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg::Text(value.to_string())
    }
}
impl From<&&str> for Arg {
    fn from(value: &&str) -> Arg {
        Arg::Text(value.to_string())
    }
}
impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg::Text(value)
    }
}
impl From<&String> for Arg {
    fn from(value: &String) -> Arg {
        Arg::Text(value.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Arg {
                Arg::Number(value as f64)
            }
        }
    )*};
}
number_arg!(usize, u64, i64, u32, i32, f64);

/// The message `key` in the current language with its arguments.
pub fn message(key: &str, args: &[(&str, Arg)]) -> String {
    message_in(current(), key, args)
}

/// The message `key` in `lang`; a key missing there is looked up in
/// English, and a key missing everywhere prints as itself (a test keeps
/// both catalogues complete, so neither happens in a release).
pub fn message_in(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    lookup(lang, key, args)
        .or_else(|| lookup(Lang::En, key, args))
        .unwrap_or_else(|| key.to_string())
}

/// The message `key` of the current language's catalogue, if it has one:
/// for names the catalogue gives to the project's own data (its sources,
/// tiers, criteria), which a user's own data may not have.
pub fn optional(key: &str) -> Option<String> {
    lookup(current(), key, &[])
}

/// Whether the catalogue of `lang` holds `key`.
pub fn has(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(key)
}

fn lookup(lang: Lang, key: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(key)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            Arg::Number(number) => fluent_args.set(*name, FluentValue::from(*number)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

/// `t!("key")` or `t!("key", name = value, …)`: a message of the current
/// language's catalogue.
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::i18n::message($key, &[])
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: Lang) -> BTreeSet<String> {
        let resource = FluentResource::try_new(lang.catalogue().to_string())
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", lang.tag()));
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_catalogues_hold_the_same_keys() {
        let english = keys(Lang::En);
        let chinese = keys(Lang::Zh);
        let only_en: Vec<_> = english.difference(&chinese).collect();
        let only_zh: Vec<_> = chinese.difference(&english).collect();
        assert!(
            only_en.is_empty() && only_zh.is_empty(),
            "only in en: {only_en:?}; only in zh-CN: {only_zh:?}"
        );
    }

    #[test]
    fn every_message_formats_without_errors_in_both_languages() {
        for lang in Lang::ALL {
            let bundle = bundle(lang);
            for key in keys(lang) {
                let message = bundle
                    .get_message(&key)
                    .expect("parsed key is in the bundle");
                let Some(pattern) = message.value() else {
                    continue;
                };
                let mut errors = Vec::new();
                // Missing arguments are expected here; references to
                // messages or terms that do not exist are not.
                let _ = bundle.format_pattern(pattern, None, &mut errors);
                let broken: Vec<_> = errors
                    .iter()
                    .filter(|e| !format!("{e:?}").contains("Reference(Variable"))
                    .collect();
                assert!(broken.is_empty(), "{}: {key}: {broken:?}", lang.tag());
            }
        }
    }

    #[test]
    fn the_language_comes_from_the_flag_then_the_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let none: &[(&str, &str)] = &[];
        assert_eq!(choose(["clusterql"], env(none)), Lang::En);
        assert_eq!(
            choose(["clusterql"], env(&[("LANG", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            choose(
                ["clusterql", "--lang", "en"],
                env(&[("LANG", "zh_CN.UTF-8")])
            ),
            Lang::En
        );
        assert_eq!(
            choose(["clusterql", "--lang=zh"], env(&[("LANG", "en_US.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            choose(
                ["clusterql"],
                env(&[("CLUSTERQL_LANG", "zh"), ("LC_ALL", "en_US.UTF-8")])
            ),
            Lang::Zh
        );
        // LC_ALL outranks LANG, and an unknown locale means English.
        assert_eq!(
            choose(
                ["clusterql"],
                env(&[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "zh_CN.UTF-8")])
            ),
            Lang::En
        );
        assert_eq!(
            choose(["clusterql"], env(&[("LANGUAGE", "zh_TW:en")])),
            Lang::Zh
        );
        // LANGUAGE outranks the locale, as in gettext, except under C.
        assert_eq!(
            choose(
                ["clusterql"],
                env(&[("LANGUAGE", "zh_CN:en"), ("LANG", "en_US.UTF-8")])
            ),
            Lang::Zh
        );
        assert_eq!(
            choose(
                ["clusterql"],
                env(&[("LANGUAGE", "zh_CN"), ("LC_ALL", "C")])
            ),
            Lang::En
        );
        // After `--`, `--lang` is SQL's business, not ours.
        assert_eq!(
            choose(["clusterql", "--", "--lang", "zh"], env(none)),
            Lang::En
        );
    }
}

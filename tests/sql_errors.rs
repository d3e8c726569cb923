//! A failed statement as a Chinese and an English user see it: the line's
//! own words and DuckDB's error class in the session's language, DuckDB's
//! message intact after them, a hint line that points at what clusterql
//! knows, and exit code 1.

mod common;

use common::{Output, run};

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    /// `LANG=zh_CN.UTF-8` and no flag.
    ChineseLocale,
    /// `--lang en` under that same locale.
    EnglishFlag,
}

const BOTH: [Lang; 2] = [Lang::ChineseLocale, Lang::EnglishFlag];

fn clusterql(lang: Lang, args: &[&str]) -> Output {
    let mut command = common::clusterql();
    for name in ["CLUSTERQL_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
        command.env_remove(name);
    }
    command.env("LANG", "zh_CN.UTF-8");
    if lang == Lang::EnglishFlag {
        command.args(["--lang", "en"]);
    }
    command.args(args);
    run(&mut command)
}

/// The error line and the hint line of a failed run, checked for their
/// shape: exit 1, the prefix of the language, nothing else on stderr.
fn failure(lang: Lang, out: &Output) -> (String, String) {
    assert_eq!(out.code, 1, "{}", out.stderr);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        2,
        "an error line and a hint line:\n{}",
        out.stderr
    );
    let (error, hint) = match lang {
        Lang::ChineseLocale => ("错误：", "提示："),
        Lang::EnglishFlag => ("error: ", "hint: "),
    };
    assert!(lines[0].starts_with(error), "{}", out.stderr);
    assert!(lines[1].starts_with(hint), "{}", out.stderr);
    (lines[0].to_string(), lines[1].to_string())
}

#[test]
fn a_missing_table_names_the_closest_tables_and_views() {
    for lang in BOTH {
        let out = clusterql(lang, &["-c", "select count(*) from cluster"]);
        let (line, hint) = failure(lang, &out);
        let duckdb = "Catalog Error: Table with name cluster does not exist!";
        let expected = match lang {
            Lang::ChineseLocale => format!("错误：-c:1:1：目录错误：{duckdb}"),
            Lang::EnglishFlag => format!("error: -c:1:1: {duckdb}"),
        };
        assert!(line.starts_with(&expected), "{line}");
        // DuckDB's own suggestion stays in its message.
        assert!(line.contains("Did you mean"), "{line}");
        let words = match lang {
            Lang::ChineseLocale => ["没有名为 cluster 的表或视图", "最接近的：clusters, "],
            Lang::EnglishFlag => [
                "no table or view is named cluster",
                "the closest: clusters, ",
            ],
        };
        for words in words {
            assert!(hint.contains(words), "{words} missing: {hint}");
        }
        assert!(
            hint.contains(".tables") && hint.contains("clusterql views"),
            "{hint}"
        );
    }
    // A table macro named without its arguments is called for what it is.
    let out = clusterql(Lang::EnglishFlag, &["-c", "from briefing_headline"]);
    let (_, hint) = failure(Lang::EnglishFlag, &out);
    assert!(
        hint.starts_with("hint: briefing_headline is a table macro"),
        "{hint}"
    );
    // A view of the library is found as well as a table.
    let out = clusterql(Lang::EnglishFlag, &["-c", "from cluster_profil"]);
    let (_, hint) = failure(Lang::EnglishFlag, &out);
    assert!(hint.contains("the closest: cluster_profile"), "{hint}");
}

#[test]
fn a_missing_column_lists_the_tables_closest_columns() {
    for lang in BOTH {
        let out = clusterql(lang, &["-c", "select nam, province from clusters"]);
        let (line, hint) = failure(lang, &out);
        assert!(
            line.contains("Binder Error: Referenced column \"nam\" not found"),
            "{line}"
        );
        if lang == Lang::ChineseLocale {
            assert!(
                line.starts_with("错误：-c:1:1：绑定错误：Binder Error: "),
                "{line}"
            );
        }
        let words = match lang {
            Lang::ChineseLocale => [
                "clusters 没有名为 nam 的列",
                "最接近的：name",
                ".describe clusters",
            ],
            Lang::EnglishFlag => [
                "clusters has no column nam",
                "the closest: name",
                ".describe clusters",
            ],
        };
        for words in words {
            assert!(hint.contains(words), "{words} missing: {hint}");
        }
    }
}

#[test]
fn a_value_that_does_not_convert_names_its_type_and_the_columns_unit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("c.duckdb");
    let db = db.to_str().expect("utf-8 path");
    let update =
        "update cluster_reports set total_output_bn_cny = '12亿' where cluster_id = 'N2022-001'";
    for lang in BOTH {
        let out = clusterql(lang, &["--db", db, "-c", update]);
        let (line, hint) = failure(lang, &out);
        assert!(
            line.contains("Conversion Error: Could not convert string '12亿' to DOUBLE"),
            "{line}"
        );
        if lang == Lang::ChineseLocale {
            assert!(
                line.starts_with("错误：-c:1:1：类型转换错误：Conversion Error: "),
                "{line}"
            );
        }
        let words = match lang {
            Lang::ChineseLocale => [
                "'12亿' 无法读作 DOUBLE",
                "total_output_bn_cny 是总产值",
                "十亿元",
            ],
            Lang::EnglishFlag => [
                "'12亿' cannot be read as DOUBLE",
                "the type of total_output_bn_cny",
                "bn yuan",
            ],
        };
        for words in words {
            assert!(hint.contains(words), "{words} missing: {hint}");
        }
    }
    // A value with no column to tell of still gets its type.
    let out = clusterql(
        Lang::EnglishFlag,
        &["--empty", "-c", "select '3万'::INTEGER"],
    );
    let (_, hint) = failure(Lang::EnglishFlag, &out);
    assert_eq!(hint, "hint: '3万' cannot be read as INTEGER");
}

#[test]
fn a_broken_check_reads_as_its_rule_in_words_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("c.duckdb");
    let db = db.to_str().expect("utf-8 path");
    let rate = "select industrial_internet_rate from cluster_reports \
                where cluster_id = 'N2022-001' order by report_year limit 1";
    let before = clusterql(
        Lang::EnglishFlag,
        &["--db", db, "--format", "csv", "-c", rate],
    );
    assert_eq!(before.code, 0, "{}", before.stderr);
    let update =
        "update cluster_reports set industrial_internet_rate = 35.2 where cluster_id = 'N2022-001'";
    for lang in BOTH {
        let out = clusterql(lang, &["--db", db, "-c", update]);
        let (line, hint) = failure(lang, &out);
        assert!(
            line.contains("Constraint Error: CHECK constraint failed"),
            "{line}"
        );
        if lang == Lang::ChineseLocale {
            assert!(
                line.starts_with("错误：-c:1:1：约束错误：Constraint Error: "),
                "{line}"
            );
        }
        let expected = match lang {
            Lang::ChineseLocale => {
                "提示：cluster_reports 要求：industrial_internet_rate 是 0 到 1 之间的比例（35.2% 写作 0.352）"
            }
            Lang::EnglishFlag => {
                "hint: cluster_reports requires that industrial_internet_rate is a share between 0 and 1 (35.2 % is written 0.352)"
            }
        };
        assert_eq!(hint, expected);
    }
    let after = clusterql(
        Lang::EnglishFlag,
        &["--db", db, "--format", "csv", "-c", rate],
    );
    assert_eq!(after.stdout, before.stdout);
}

#[test]
fn errors_without_a_hint_keep_one_line_in_the_language() {
    let out = clusterql(Lang::ChineseLocale, &["--empty", "-c", "selec 1"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("错误：-c:1:1：语法错误：Parser Error: syntax error"),
        "{}",
        out.stderr
    );
}

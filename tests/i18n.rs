//! The interface in Chinese and in English: the same commands under a
//! Chinese locale and under `--lang en`, each asserting its own words.

mod common;

use common::{Output, run};
use unicode_width::UnicodeWidthStr;

/// How the language is asked for.
#[derive(Clone, Copy)]
enum Asked {
    /// `LANG=zh_CN.UTF-8` and no flag: what a Chinese desktop gives.
    ChineseLocale,
    /// `--lang en` under that same Chinese locale.
    EnglishFlag,
}

fn clusterql(asked: Asked, args: &[&str]) -> Output {
    let mut command = common::clusterql();
    for name in ["CLUSTERQL_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
        command.env_remove(name);
    }
    command.env("LANG", "zh_CN.UTF-8");
    if let Asked::EnglishFlag = asked {
        command.args(["--lang", "en"]);
    }
    command.args(args);
    run(&mut command)
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn help_speaks_the_language_and_lists_a_subcommands_own_options_first() {
    let zh = clusterql(Asked::ChineseLocale, &["--help"]);
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    for words in ["用法：", "子命令", "选项", "示例：", "界面语言"] {
        assert!(zh.stdout.contains(words), "{words} missing:\n{}", zh.stdout);
    }
    assert!(!zh.stdout.contains("Usage:"), "{}", zh.stdout);
    let en = clusterql(Asked::EnglishFlag, &["--help"]);
    for words in ["Usage:", "Commands:", "Options:", "Examples:"] {
        assert!(en.stdout.contains(words), "{words} missing:\n{}", en.stdout);
    }
    assert!(!en.stdout.contains("用法"), "{}", en.stdout);

    let zh = clusterql(Asked::ChineseLocale, &["load", "--help"]);
    let own = zh.stdout.find("--table").expect("load's own option");
    let global = zh.stdout.find("全局选项").expect("global options apart");
    assert!(own < global, "{}", zh.stdout);
    assert!(zh.stdout.contains("装入的目标表"), "{}", zh.stdout);
    let en = clusterql(Asked::EnglishFlag, &["load", "--help"]);
    let own = en.stdout.find("--table").expect("load's own option");
    let global = en
        .stdout
        .find("Global options:")
        .expect("global options apart");
    assert!(own < global, "{}", en.stdout);
    assert!(
        en.stdout.contains("clusterql --db clusters.duckdb load"),
        "{}",
        en.stdout
    );
}

#[test]
fn usage_errors_speak_the_language_and_exit_2() {
    let zh = clusterql(Asked::ChineseLocale, &["--bogus"]);
    assert_eq!(zh.code, 2);
    assert!(
        zh.stderr.starts_with("错误：无法识别的参数 '--bogus'"),
        "{}",
        zh.stderr
    );
    assert!(zh.stderr.contains("用法："), "{}", zh.stderr);
    let en = clusterql(Asked::EnglishFlag, &["--bogus"]);
    assert_eq!(en.code, 2);
    assert!(
        en.stderr.contains("unexpected argument '--bogus'"),
        "{}",
        en.stderr
    );

    let zh = clusterql(Asked::ChineseLocale, &["--format", "xml", "-c", "select 1"]);
    assert_eq!(zh.code, 2);
    assert!(zh.stderr.contains("的值 'xml' 无效"), "{}", zh.stderr);
    // Our own refusals, made after clap parsed.
    let zh = clusterql(
        Asked::ChineseLocale,
        &["generate", "--out", "x", "--format", "csv"],
    );
    assert_eq!(zh.code, 2);
    assert!(
        zh.stderr.contains("--format 不适用于 `generate`"),
        "{}",
        zh.stderr
    );
    let en = clusterql(
        Asked::EnglishFlag,
        &["generate", "--out", "x", "--format", "csv"],
    );
    assert!(
        en.stderr.contains("--format does not apply to `generate`"),
        "{}",
        en.stderr
    );
}

#[test]
fn sql_errors_keep_duckdbs_words_and_ours_are_translated() {
    for (asked, line) in [
        (
            Asked::ChineseLocale,
            "错误：-c:1:1：语法错误：Parser Error: syntax error",
        ),
        (
            Asked::EnglishFlag,
            "error: -c:1:1: Parser Error: syntax error",
        ),
    ] {
        let out = clusterql(asked, &["--empty", "-c", "selec 1"]);
        assert_eq!(out.code, 1);
        assert!(out.stderr.starts_with(line), "{}", out.stderr);
    }
    let zh = clusterql(
        Asked::ChineseLocale,
        &["--empty", "--format", "parquet", "-c", "select 1"],
    );
    assert_eq!(zh.code, 2);
    assert!(zh.stderr.contains("写的是文件"), "{}", zh.stderr);
    let en = clusterql(
        Asked::EnglishFlag,
        &["--empty", "--format", "parquet", "-c", "select 1"],
    );
    assert!(en.stderr.contains("writes a file"), "{}", en.stderr);
}

#[test]
fn check_gives_its_verdict_in_the_language() {
    let zh = clusterql(Asked::ChineseLocale, &["check"]);
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    for words in [
        "公布值",
        "计算值",
        "✓ 成立",
        "首批集群拥有的中小企业为两万八千余家",
        "28,000余",
        "亿元",
        "勘误",
        "全部成立",
    ] {
        assert!(zh.stdout.contains(words), "{words} missing:\n{}", zh.stdout);
    }
    let en = clusterql(Asked::EnglishFlag, &["check"]);
    for words in [
        "published",
        "computed",
        "✓ holds",
        "they host 28,000-odd SMEs",
        "bn yuan",
        "Errata",
        "all hold",
    ] {
        assert!(en.stdout.contains(words), "{words} missing:\n{}", en.stdout);
    }
    assert!(!en.stdout.contains("首批集群"), "{}", en.stdout);
}

#[test]
fn views_list_their_questions_in_the_language() {
    let zh = clusterql(Asked::ChineseLocale, &["--format", "csv", "views"]);
    let en = clusterql(Asked::EnglishFlag, &["--format", "csv", "views"]);
    let questions = |out: &Output| -> Vec<String> {
        out.stdout
            .lines()
            .skip(1)
            .map(|line| line.splitn(3, ',').nth(2).unwrap_or_default().to_string())
            .collect()
    };
    let (zh, en) = (questions(&zh), questions(&en));
    assert_eq!(zh.len(), clusterql::library::VIEW_FILES.len());
    assert_eq!(en.len(), clusterql::library::VIEW_FILES.len());
    assert!(zh.iter().all(|q| has_chinese(q)), "{zh:?}");
    assert!(en.iter().all(|q| !has_chinese(q)), "{en:?}");
}

#[test]
fn every_view_and_column_carries_a_comment_in_the_language() {
    let sql = "SELECT v.view_name, v.comment AS question, c.column_name, c.comment AS note \
               FROM duckdb_views() AS v JOIN duckdb_columns() AS c ON c.table_name = v.view_name \
               WHERE NOT v.internal ORDER BY 1, 3";
    for asked in [Asked::ChineseLocale, Asked::EnglishFlag] {
        let out = clusterql(asked, &["--format", "csv", "-c", sql]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let rows: Vec<&str> = out.stdout.lines().skip(1).collect();
        // The library's views and the bundled roster views: at least the
        // library's 16 views with their columns.
        assert!(rows.len() > 100, "{}", out.stdout);
        for row in rows {
            let library_view = !row.starts_with("enterprise");
            if !library_view {
                continue;
            }
            let fields: Vec<&str> = row.split(',').collect();
            assert!(
                fields.len() >= 4
                    && !fields[1].is_empty()
                    && !fields.last().unwrap_or(&"").is_empty(),
                "no comment: {row}"
            );
            if let Asked::ChineseLocale = asked {
                assert!(has_chinese(row), "not in Chinese: {row}");
            }
        }
    }
}

#[test]
fn a_rejected_load_says_so_in_the_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bad.csv");
    std::fs::write(&file, "cluster_id,link\nN2022-001,\n").expect("write");
    for (asked, words) in [
        (Asked::ChineseLocale, "拒绝装入，数据库未作任何改动"),
        (
            Asked::EnglishFlag,
            "load rejected, the database is unchanged",
        ),
    ] {
        let db = dir.path().join("c.duckdb");
        let out = clusterql(
            asked,
            &[
                "--db",
                db.to_str().expect("path"),
                "load",
                file.to_str().expect("path"),
                "--table",
                "chain_links",
            ],
        );
        assert_eq!(out.code, 4, "{}", out.stderr);
        assert!(out.stderr.contains(words), "{}", out.stderr);
        assert!(out.stderr.contains("bad.csv:2:"), "{}", out.stderr);
    }
}

#[test]
fn labels_title_columns_for_people_and_keep_names_for_programs() {
    let sql = "select cluster_id, sme_count from cluster_reports order by all limit 2";
    let zh = clusterql(Asked::ChineseLocale, &["--labels", "-c", sql]);
    assert!(
        zh.stdout.contains("集群编号") && zh.stdout.contains("中小企业数"),
        "{}",
        zh.stdout
    );
    let en = clusterql(
        Asked::EnglishFlag,
        &["--labels", "--format", "markdown", "-c", sql],
    );
    assert!(
        en.stdout.starts_with("| Cluster ID | SMEs |"),
        "{}",
        en.stdout
    );
    let csv = clusterql(
        Asked::ChineseLocale,
        &["--labels", "--format", "csv", "-c", sql],
    );
    assert!(
        csv.stdout.starts_with("cluster_id,sme_count\n"),
        "{}",
        csv.stdout
    );
}

#[test]
fn chinese_rows_align_and_footers_speak_the_language() {
    let sql = "select name, province from clusters order by cluster_id limit 5";
    for (asked, footer) in [
        (Asked::ChineseLocale, "共 5 行（显示 3 行）"),
        (Asked::EnglishFlag, "5 rows (3 shown)"),
    ] {
        let out = clusterql(asked, &["--max-rows", "3", "-c", sql]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let lines: Vec<&str> = out.stdout.lines().collect();
        let (footer_line, table) = lines.split_last().expect("a footer");
        assert_eq!(*footer_line, footer);
        assert!(table.iter().any(|line| has_chinese(line)), "{}", out.stdout);
        let width = table[0].width();
        for line in table {
            assert_eq!(line.width(), width, "misaligned:\n{}", out.stdout);
        }
    }
}

#[test]
fn completions_and_the_man_page_come_from_the_same_definitions() {
    let bash = clusterql(Asked::EnglishFlag, &["completions", "bash"]);
    assert_eq!(bash.code, 0, "{}", bash.stderr);
    assert!(
        bash.stdout.contains("--lang") && bash.stdout.contains("generate"),
        "{}",
        bash.stdout
    );
    let fish = clusterql(Asked::ChineseLocale, &["completions", "fish"]);
    assert!(fish.stdout.contains("界面语言"), "{}", fish.stdout);
    let man = clusterql(Asked::ChineseLocale, &["man"]);
    assert!(
        man.stdout.starts_with(".ie") || man.stdout.contains(".TH"),
        "{}",
        man.stdout
    );
    assert!(
        man.stdout.contains("中小企业特色产业集群"),
        "{}",
        man.stdout
    );
    let man = clusterql(Asked::EnglishFlag, &["man"]);
    assert!(man.stdout.contains("industrial clusters"), "{}", man.stdout);
}

#[test]
fn the_locale_and_the_environment_choose_before_english() {
    let mut command = common::clusterql();
    command
        .env_remove("CLUSTERQL_LANG")
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(["--empty", "-c", "select 1 as x"]);
    let out = run(&mut command);
    assert!(out.stdout.ends_with("共 1 行\n"), "{}", out.stdout);
    let mut command = common::clusterql();
    command
        .env("CLUSTERQL_LANG", "zh")
        .env("LC_ALL", "en_US.UTF-8")
        .args(["--empty", "-c", "select 1 as x"]);
    assert!(run(&mut command).stdout.ends_with("共 1 行\n"));
    let mut command = common::clusterql();
    command
        .env_remove("CLUSTERQL_LANG")
        .env("LC_ALL", "fr_FR.UTF-8")
        .args(["--empty", "-c", "select 1 as x"]);
    assert!(run(&mut command).stdout.ends_with("1 row\n"));
}

#[test]
fn the_elided_rows_line_keeps_a_narrow_table_straight() {
    for asked in [Asked::ChineseLocale, Asked::EnglishFlag] {
        let out = clusterql(
            asked,
            &[
                "--empty",
                "--max-rows",
                "4",
                "-c",
                "select range as n from range(10)",
            ],
        );
        let table: Vec<&str> = out
            .stdout
            .lines()
            .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
            .collect();
        let width = table[0].width();
        assert!(
            table.iter().all(|line| line.width() == width),
            "{}",
            out.stdout
        );
        assert!(
            table.iter().any(|line| line.contains('…')),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn labels_reach_a_workbooks_header() {
    let dir = tempfile::tempdir().expect("temp dir");
    let book = dir.path().join("r.xlsx");
    let book = book.to_str().expect("path");
    let sql = "select cluster_id, total_output_bn_cny from cluster_reports order by all limit 2";
    let out = clusterql(Asked::ChineseLocale, &["--labels", "-o", book, "-c", sql]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let read = format!("select * from read_xlsx('{book}')");
    let back = clusterql(
        Asked::ChineseLocale,
        &["--empty", "--format", "csv", "-c", &read],
    );
    assert!(
        back.stdout.starts_with("集群编号,总产值（十亿元）\n"),
        "{}",
        back.stdout
    );
}

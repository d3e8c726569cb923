//! Every output format's exact text for one result holding integers,
//! decimals, doubles, Chinese text with quotes and commas, dates,
//! timestamps, booleans, lists, structs and NULLs.

mod common;

use common::{clusterql_empty, run};

const QUERY: &str = "SELECT * FROM (VALUES \
    (1, 12.50::DECIMAL(6,2), 0.1::DOUBLE, '杭州 \"萧山\", 区', DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05.5', true, [1, 2], {'k': 'v'}, NULL::VARCHAR), \
    (-7, -0.05, 1e20, '', DATE '1999-12-31', TIMESTAMP '1999-12-31 23:59:59', false, [], {'k': NULL}, 'x')) \
    AS t(i, d, f, s, dt, ts, b, l, st, n)";

fn output(format: &str) -> String {
    let out = run(clusterql_empty().args(["--format", format, "-c", QUERY]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "", "stderr must stay empty");
    out.stdout
}

#[test]
fn table_output_is_exact() {
    let expected = r#"┌────┬───────┬───────┬─────────────────┬────────────┬───────────────────────┬───────┬────────┬─────────────┬──────┐
│  i ┆     d ┆     f ┆ s               ┆ dt         ┆ ts                    ┆ b     ┆ l      ┆ st          ┆ n    │
╞════╪═══════╪═══════╪═════════════════╪════════════╪═══════════════════════╪═══════╪════════╪═════════════╪══════╡
│  1 ┆ 12.50 ┆   0.1 ┆ 杭州 "萧山", 区 ┆ 2024-01-02 ┆ 2024-01-02 03:04:05.5 ┆ true  ┆ [1, 2] ┆ {'k': v}    ┆ NULL │
│ -7 ┆ -0.05 ┆ 1e+20 ┆                 ┆ 1999-12-31 ┆ 1999-12-31 23:59:59   ┆ false ┆ []     ┆ {'k': NULL} ┆ x    │
└────┴───────┴───────┴─────────────────┴────────────┴───────────────────────┴───────┴────────┴─────────────┴──────┘
2 rows
"#;
    assert_eq!(output("table"), expected);
}

#[test]
fn csv_output_is_exact() {
    let expected = r#"i,d,f,s,dt,ts,b,l,st,n
1,12.50,0.1,"杭州 ""萧山"", 区",2024-01-02,2024-01-02 03:04:05.5,true,"[1, 2]",{'k': v},
-7,-0.05,1e+20,"",1999-12-31,1999-12-31 23:59:59,false,[],{'k': NULL},x
"#;
    assert_eq!(output("csv"), expected);
}

#[test]
fn tsv_output_is_exact() {
    let expected = r#"i	d	f	s	dt	ts	b	l	st	n
1	12.50	0.1	"杭州 ""萧山"", 区"	2024-01-02	2024-01-02 03:04:05.5	true	[1, 2]	{'k': v}	
-7	-0.05	1e+20	""	1999-12-31	1999-12-31 23:59:59	false	[]	{'k': NULL}	x
"#;
    assert_eq!(output("tsv"), expected);
}

#[test]
fn json_output_is_exact() {
    let expected = r#"[{"i":1,"d":12.5,"f":0.1,"s":"杭州 \"萧山\", 区","dt":"2024-01-02","ts":"2024-01-02 03:04:05.5","b":true,"l":[1,2],"st":{"k":"v"},"n":null},
{"i":-7,"d":-0.05,"f":100000000000000000000.0,"s":"","dt":"1999-12-31","ts":"1999-12-31 23:59:59","b":false,"l":[],"st":{"k":null},"n":"x"}]
"#;
    assert_eq!(output("json"), expected);
}

#[test]
fn jsonl_output_is_exact() {
    let expected = r#"{"i":1,"d":12.5,"f":0.1,"s":"杭州 \"萧山\", 区","dt":"2024-01-02","ts":"2024-01-02 03:04:05.5","b":true,"l":[1,2],"st":{"k":"v"},"n":null}
{"i":-7,"d":-0.05,"f":100000000000000000000.0,"s":"","dt":"1999-12-31","ts":"1999-12-31 23:59:59","b":false,"l":[],"st":{"k":null},"n":"x"}
"#;
    assert_eq!(output("jsonl"), expected);
}

#[test]
fn markdown_output_is_exact() {
    let expected = r#"| i | d | f | s | dt | ts | b | l | st | n |
| ---: | ---: | ---: | --- | --- | --- | --- | --- | --- | --- |
| 1 | 12.50 | 0.1 | 杭州 "萧山", 区 | 2024-01-02 | 2024-01-02 03:04:05.5 | true | [1, 2] | {'k': v} | NULL |
| -7 | -0.05 | 1e+20 |  | 1999-12-31 | 1999-12-31 23:59:59 | false | [] | {'k': NULL} | x |
"#;
    assert_eq!(output("markdown"), expected);
}

#[test]
fn line_output_is_exact() {
    let expected = r#" i = 1
 d = 12.50
 f = 0.1
 s = 杭州 "萧山", 区
dt = 2024-01-02
ts = 2024-01-02 03:04:05.5
 b = true
 l = [1, 2]
st = {'k': v}
 n = NULL

 i = -7
 d = -0.05
 f = 1e+20
 s = 
dt = 1999-12-31
ts = 1999-12-31 23:59:59
 b = false
 l = []
st = {'k': NULL}
 n = x
"#;
    assert_eq!(output("line"), expected);
}

#[test]
fn a_long_table_shows_its_first_and_last_rows_in_ascii() {
    let out = run(clusterql_empty().args([
        "--ascii",
        "--max-rows",
        "4",
        "-c",
        "select range as n, '中文' || range as t from range(10)",
    ]));
    let expected = r#"+---+-------+
| n | t     |
+===========+
| 0 | 中文0 |
| 1 | 中文1 |
|… 6 rows … |
| 8 | 中文8 |
| 9 | 中文9 |
+---+-------+
10 rows (4 shown)
"#;
    assert_eq!(out.stdout, expected);
}

#[test]
fn the_table_format_over_ten_million_rows_keeps_only_what_it_shows() {
    // Rows between the first and the last are counted, never turned into text.
    let out = run(clusterql_empty().args([
        "--max-rows",
        "6",
        "--format",
        "table",
        "-c",
        "select range as n from range(10000000)",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The table is narrower than "… 9,999,994 rows …": the line says "…"
    // and the footer gives the count.
    assert!(out.stdout.contains("│    …    │"), "{}", out.stdout);
    assert!(out.stdout.contains("9999999"));
    assert!(
        out.stdout.ends_with("10,000,000 rows (6 shown)\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn every_format_writes_to_a_file_named_by_its_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (extension, format) in [
        ("csv", "csv"),
        ("tsv", "tsv"),
        ("json", "json"),
        ("jsonl", "jsonl"),
        ("md", "markdown"),
    ] {
        let path = dir.path().join(format!("out.{extension}"));
        let out = run(clusterql_empty().args(["-o", path.to_str().expect("path"), "-c", QUERY]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(out.stdout, "");
        assert_eq!(
            std::fs::read_to_string(&path).expect("written"),
            output(format),
            "{extension}"
        );
    }
    let line = dir.path().join("out.txt");
    let out = run(clusterql_empty().args([
        "--format",
        "line",
        "-o",
        line.to_str().expect("path"),
        "-c",
        QUERY,
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(&line).expect("written"),
        output("line")
    );
}

/// CSV for Excel and for systems that demand GBK: a UTF-8 byte-order mark,
/// or GB18030 that another program (iconv) reads back as the same text.
#[test]
fn csv_for_excel_and_for_gbk_systems() {
    let sql = "select '杭州 \"萧山\", 区' as 地区, 1.5 as x";
    let plain = run(clusterql_empty().args(["--format", "csv", "-c", sql]));
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    let bom = clusterql_empty()
        .args(["--format", "csv", "--bom", "-c", sql])
        .output()
        .expect("runs");
    assert_eq!(
        bom.stdout,
        [b"\xEF\xBB\xBF".as_slice(), plain.stdout.as_bytes()].concat()
    );
    let gbk = clusterql_empty()
        .args(["--format", "csv", "--encoding", "gb18030", "-c", sql])
        .output()
        .expect("runs");
    assert!(
        std::str::from_utf8(&gbk.stdout).is_err(),
        "GB18030, not UTF-8"
    );
    let back = common::iconv(&gbk.stdout, "GB18030", "UTF-8");
    assert_eq!(String::from_utf8_lossy(&back), plain.stdout);
    // Neither means anything for a table.
    let refused = run(clusterql_empty().args(["--bom", "-c", sql]));
    assert_eq!(refused.code, 2, "{}", refused.stderr);
}

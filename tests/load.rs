//! Loading the user's files: good files go in, every kind of bad file is
//! refused with its file, line and column, and the database is unchanged.

mod common;

use std::path::Path;

use common::load_fixture::Fixture;
use common::{clusterql, run};

const REPORT_HEADER: &str = "cluster_id,report_year,total_output_bn_cny,leading_output_bn_cny,sme_output_bn_cny,enterprise_count,sme_count,above_scale_count,employees,sme_rd_bn_cny,export_bn_cny,industrial_internet_rate,energy_intensity,is_county_pillar,served_by_national_platform,has_promotion_mechanism,has_rights_protection";

fn report(cluster: &str, year: i32, total: &str, leading: &str, smes: &str, rate: &str) -> String {
    format!(
        "{cluster},{year},{total},{leading},5.0,100,{smes},10,1000,0.1,1.0,{rate},0.1,true,true,true,true"
    )
}

#[test]
fn good_csv_and_parquet_files_load() {
    let fx = Fixture::new();
    let csv = format!(
        "{REPORT_HEADER}\n{}\n{}\n",
        report("N2022-001", 2026, "20.0", "17.0", "90", "0.5"),
        report("N2022-002", 2026, "9.5", "8.0", "95", "0.4")
    );
    let path = fx.file("reports_2026.csv", csv.as_bytes());
    let out = fx.load(&path, "cluster_reports", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let check = fx.query("select count(*) as n from cluster_reports where report_year = 2026");
    assert_eq!(check.stdout, "n\n2\n");
    // Columns in another order, names in other case, from Parquet.
    let parquet = fx.dir.path().join("links.parquet");
    let made = run(clusterql().args(["--empty", "-c", &format!("copy (select 'robot arms' as LINK, 'N2022-003' as Cluster_Id) to '{}' (format parquet)", parquet.display())]));
    assert_eq!(made.code, 0, "{}", made.stderr);
    let out = fx.load(&parquet, "chain_links", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The views see the new rows at once.
    let seen = fx.query("select clusters from chain_link_suppliers where link = 'robot arms'");
    assert_eq!(seen.stdout, "clusters\n1\n", "{}", seen.stderr);
}

#[test]
fn replace_swaps_a_tables_rows_in_one_go() {
    let fx = Fixture::new();
    let path = fx.file("links.csv", b"cluster_id,link\nN2022-001,one link\n");
    let out = fx.load(&path, "chain_links", &["--replace"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let check = fx.query("select count(*) as n from chain_links");
    assert_eq!(check.stdout, "n\n1\n");
}

#[test]
fn each_kind_of_bad_file_is_refused_and_changes_nothing() {
    let fx = Fixture::new();
    let good = report("N2022-001", 2026, "20.0", "17.0", "90", "0.5");
    fx.rejects(
        "missing.csv",
        b"cluster_id,report_year\nN2022-001,2026\n",
        "cluster_reports",
        &["missing required column 'total_output_bn_cny'"],
    );
    fx.rejects(
        "extra.csv",
        format!("{REPORT_HEADER},mood\n{good},happy\n").as_bytes(),
        "cluster_reports",
        &["extra.csv:1: column 'mood': names no column of cluster_reports"],
    );
    fx.rejects(
        "types.csv",
        format!(
            "{REPORT_HEADER}\n{good}\n{}\n",
            report("N2022-002", 2026, "lots", "1.0", "9", "0.5")
        )
        .as_bytes(),
        "cluster_reports",
        &["types.csv:3: column 'total_output_bn_cny': 'lots' is not a DOUBLE"],
    );
    fx.rejects(
        "dupes.csv",
        format!("{REPORT_HEADER}\n{good}\n{good}\n").as_bytes(),
        "cluster_reports",
        // One problem, at the first line, naming the other.
        &["dupes.csv:2: duplicate key", "(also at ", "dupes.csv:3)"],
    );
    fx.rejects(
        "existing.csv",
        format!(
            "{REPORT_HEADER}\n{}\n",
            report("N2022-001", 2022, "20.0", "17.0", "90", "0.5")
        )
        .as_bytes(),
        "cluster_reports",
        &["existing.csv:2: key", "already in cluster_reports"],
    );
    fx.rejects(
        "unknown.csv",
        format!(
            "{REPORT_HEADER}\n{}\n",
            report("N2099-001", 2026, "20.0", "17.0", "90", "0.5")
        )
        .as_bytes(),
        "cluster_reports",
        &["unknown.csv:2: column 'cluster_id': 'N2099-001' is not in clusters"],
    );
    fx.rejects(
        "negative.csv",
        format!(
            "{REPORT_HEADER}\n{}\n",
            report("N2022-001", 2026, "20.0", "17.0", "-3", "0.5")
        )
        .as_bytes(),
        "cluster_reports",
        &["negative.csv:2: breaks the rule", "sme_count >= 0"],
    );
    fx.rejects(
        "share.csv",
        format!(
            "{REPORT_HEADER}\n{}\n",
            report("N2022-001", 2026, "20.0", "17.0", "90", "1.5")
        )
        .as_bytes(),
        "cluster_reports",
        &[
            "(1 problem)",
            "share.csv:2: breaks the rule",
            "industrial_internet_rate = 1.5",
        ],
    );
    fx.rejects(
        "leading.csv",
        format!(
            "{REPORT_HEADER}\n{}\n",
            report("N2022-001", 2026, "20.0", "27.0", "90", "0.5")
        )
        .as_bytes(),
        "cluster_reports",
        &[
            "leading.csv:2: breaks the rule",
            "leading_output_bn_cny <= total_output_bn_cny",
            "total_output_bn_cny = 20.0, leading_output_bn_cny = 27.0",
        ],
    );
    fx.rejects(
        "nullkey.csv",
        format!(
            "{REPORT_HEADER}\n{}\n",
            report("", 2026, "20.0", "17.0", "90", "0.5")
        )
        .as_bytes(),
        "cluster_reports",
        &["nullkey.csv:2: column 'cluster_id' is empty but required"],
    );
    fx.rejects(
        "tier.csv",
        b"enterprise_id,tier,level,awarded_year\n913301010010000000,super_giant,national,2024\n",
        "enterprise_honors",
        &["tier.csv:2:", "tier"],
    );
    fx.rejects(
        "broken.parquet",
        b"PAR1 this is not really parquet",
        "chain_links",
        &["broken.parquet"],
    );
}

const ROSTER_HEADER: &str = "enterprise_id,cluster_id,name,size_class,is_sme,above_scale,in_leading_industry,founded_year,employees,revenue_mn_cny,joined_year,left_year";

fn enterprise(id: &str, cluster: &str) -> String {
    format!("{id},{cluster},某某机械有限公司,small,true,false,true,2010,30,12.5,2019,")
}

/// The roster tables have no index: their keys and references are checked
/// by the load itself, in the quick path and in the detailed one.
#[test]
fn roster_keys_and_references_hold_without_an_index() {
    let fx = Fixture::new();
    let existing = fx.query("select enterprise_id from enterprises order by 1 limit 1");
    let existing = existing
        .stdout
        .lines()
        .nth(1)
        .expect("an enterprise")
        .to_string();
    // A valid code that the bundled roster (sequences from 10 million up)
    // does not hold.
    let new_id = clusterql::generate::credit_codes::make('9', '1', "330102", 42);
    let new_id = new_id.as_str();
    let good = enterprise(new_id, "N2022-001");
    fx.rejects(
        "roster_dupes.csv",
        format!("{ROSTER_HEADER}\n{good}\n{good}\n").as_bytes(),
        "enterprises",
        &[
            "roster_dupes.csv:2: duplicate key enterprise_id",
            "roster_dupes.csv:3)",
        ],
    );
    fx.rejects(
        "roster_existing.csv",
        format!("{ROSTER_HEADER}\n{}\n", enterprise(&existing, "N2022-001")).as_bytes(),
        "enterprises",
        &[
            "roster_existing.csv:2: key enterprise_id",
            "already in enterprises",
        ],
    );
    fx.rejects(
        "roster_cluster.csv",
        format!("{ROSTER_HEADER}\n{}\n", enterprise(new_id, "N2099-001")).as_bytes(),
        "enterprises",
        &["roster_cluster.csv:2: column 'cluster_id': 'N2099-001' is not in clusters"],
    );
    fx.rejects(
        "honor_orphan.csv",
        format!("enterprise_id,tier,level,awarded_year\n{new_id},little_giant,national,2024\n")
            .as_bytes(),
        "enterprise_honors",
        &[
            "honor_orphan.csv:2: column 'enterprise_id'",
            "is not in enterprises",
        ],
    );
    // Replacing the roster must not strand the honors of those who go.
    let before = fx.counts();
    let replaced = fx.load(
        &fx.file(
            "roster_replace.csv",
            format!("{ROSTER_HEADER}\n{good}\n").as_bytes(),
        ),
        "enterprises",
        &["--replace"],
    );
    assert_eq!(replaced.code, 4, "{}", replaced.stderr);
    assert!(
        replaced.stderr.contains("--replace would leave")
            && replaced.stderr.contains("of enterprise_honors"),
        "{}",
        replaced.stderr
    );
    assert_eq!(
        fx.counts(),
        before,
        "a refused --replace changed the database"
    );
    // Honors are a history: the bundled file, several tiers for one
    // enterprise, loads as it is.
    let honors = common::data_dir().join("enterprise_honors.parquet");
    let reloaded = fx.load(&honors, "enterprise_honors", &["--replace"]);
    assert_eq!(reloaded.code, 0, "{}", reloaded.stderr);
    // The same rows are fine once they are unique and refer to what exists.
    let path = fx.file(
        "roster_good.csv",
        format!("{ROSTER_HEADER}\n{good}\n").as_bytes(),
    );
    let loaded = fx.load(&path, "enterprises", &[]);
    assert_eq!(loaded.code, 0, "{}", loaded.stderr);
    assert!(
        loaded.stderr.contains("loaded 1 row into enterprises"),
        "{}",
        loaded.stderr
    );
}

/// Enterprise ids are unified social credit codes: one with a wrong check
/// character is refused where it stands, with the character it should end
/// in, in either language; `--no-id-check` (which the message names) loads
/// a roster keyed by other identifiers.
#[test]
fn a_roster_id_with_a_wrong_check_character_is_refused_and_located() {
    let fx = Fixture::new();
    let good = clusterql::generate::credit_codes::make('9', '1', "330102", 7);
    let good_end = good.chars().last().expect("a last character");
    let wrong_end = if good_end == '0' { '1' } else { '0' };
    let wrong = format!("{}{wrong_end}", &good[..17]);
    let other = clusterql::generate::credit_codes::make('9', '1', "330102", 8);
    let content = format!(
        "{ROSTER_HEADER}\n{}\n{}\n",
        enterprise(&other, "N2022-001"),
        enterprise(&wrong, "N2022-001")
    );
    fx.rejects(
        "roster_check.csv",
        content.as_bytes(),
        "enterprises",
        &[
            &format!("roster_check.csv:3: column 'enterprise_id': '{wrong}'"),
            &format!("should end in '{good_end}'"),
            "--no-id-check",
        ],
    );
    let before = fx.counts();
    let path = fx.file("roster_check_zh.csv", content.as_bytes());
    let chinese = fx.load(&path, "enterprises", &["--lang", "zh"]);
    assert_eq!(chinese.code, 4, "{}", chinese.stderr);
    for fragment in [
        format!("roster_check_zh.csv:3: 列 'enterprise_id'：'{wrong}' 不是统一社会信用代码"),
        format!("校验码应为 '{good_end}'"),
    ] {
        assert!(
            chinese.stderr.contains(&fragment),
            "{fragment}: {}",
            chinese.stderr
        );
    }
    assert_eq!(fx.counts(), before, "a refused roster changed the database");
    // A code cut short is named by its length, not only by its end.
    fx.rejects(
        "roster_short.csv",
        format!(
            "{ROSTER_HEADER}\n{}\n",
            enterprise(&good[..17], "N2022-001")
        )
        .as_bytes(),
        "enterprises",
        &["roster_short.csv:2:", "17 characters, not 18"],
    );
    let loaded = fx.load(&path, "enterprises", &["--no-id-check"]);
    assert_eq!(loaded.code, 0, "{}", loaded.stderr);
    let stored = fx.query(&format!(
        "select count(*) from enterprises where enterprise_id in ('{wrong}', '{other}')"
    ));
    assert_eq!(stored.stdout.lines().nth(1), Some("2"), "{}", stored.stdout);
}

#[test]
fn a_second_writer_gets_a_clear_locked_error() {
    let fx = Fixture::new();
    let db = fx.db.to_str().expect("path").to_string();
    let mut first = common::clusterql_process()
        .args([
            "--db",
            &db,
            "-c",
            "select count(*) from range(100000000000)",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("first writer starts");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let second = run(clusterql().args(["--db", &db, "-c", "select 1"]));
    let _ = first.kill();
    let _ = first.wait();
    assert_eq!(second.code, 1);
    assert!(
        second.stderr.contains("database is locked"),
        "{}",
        second.stderr
    );
    assert_eq!(second.stderr.lines().count(), 1, "{}", second.stderr);
}

#[test]
fn killing_a_load_leaves_the_database_as_it_was() {
    let fx = Fixture::new();
    let before = fx.counts();
    let big = fx.dir.path().join("big");
    let made = run(clusterql().args([
        "-q",
        "generate",
        "--out",
        big.to_str().expect("path"),
        "--scale",
        "40",
        "--roster-format",
        "csv",
    ]));
    assert_eq!(made.code, 0, "{}", made.stderr);
    let mut loading = common::clusterql_process()
        .args([
            "--db",
            fx.db.to_str().expect("path"),
            "load",
            big.join("enterprises.csv").to_str().expect("path"),
            "--table",
            "enterprises",
            "--replace",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("load starts");
    std::thread::sleep(std::time::Duration::from_millis(800));
    let _ = loading.kill();
    let _ = loading.wait();
    assert_eq!(fx.counts(), before);
}

#[test]
fn a_rejected_load_into_a_new_database_leaves_no_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("new.duckdb");
    let bad = dir.path().join("links.csv");
    std::fs::write(&bad, "cluster_id,link\nN2099-999,robot arms\n").expect("write");
    let out = run(clusterql().args([
        "--db",
        db.to_str().expect("path"),
        "load",
        bad.to_str().expect("path"),
        "--table",
        "chain_links",
    ]));
    assert_eq!(out.code, 4, "{}", out.stderr);
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["links.csv"]);
}

#[test]
fn gb18030_and_utf16_files_load_and_bad_bytes_are_located() {
    let fx = Fixture::new();
    let links = "cluster_id,link\nN2022-001,精密减速器\nN2022-002,工业机器人关节\n";
    let gbk = fx.file(
        "links_gbk.csv",
        &common::iconv(links.as_bytes(), "UTF-8", "GB18030"),
    );
    let out = fx.load(&gbk, "chain_links", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("links_gbk.csv: reading GB18030 text (detected)"),
        "{}",
        out.stderr
    );
    let loaded = fx.query(
        "select link from chain_links where link in ('精密减速器', '工业机器人关节') order by 1",
    );
    assert_eq!(loaded.stdout, "link\n工业机器人关节\n精密减速器\n");
    // UTF-16 with its byte-order mark, and UTF-8 with one: the same rows,
    // read right, so refused as already there, under the user's file name.
    for (name, bytes) in [
        (
            "links_utf16.csv",
            common::iconv(links.as_bytes(), "UTF-8", "UTF-16"),
        ),
        (
            "links_bom.csv",
            [b"\xEF\xBB\xBF".as_slice(), links.as_bytes()].concat(),
        ),
    ] {
        let path = fx.file(name, &bytes);
        let out = fx.load(&path, "chain_links", &[]);
        assert_eq!(out.code, 4, "{}", out.stderr);
        assert!(
            out.stderr.contains(&format!(
                "{name}:2: key cluster_id, link = 'N2022-001/精密减速器' is already in chain_links"
            )),
            "{}",
            out.stderr
        );
    }
    // A character cut short on line 7: its file, line and column.
    let rows: String = (1..=5).map(|i| format!("N2022-00{i},链接{i}\n")).collect();
    let mut cut = common::iconv(
        format!("cluster_id,link\n{rows}").as_bytes(),
        "UTF-8",
        "GB18030",
    );
    cut.extend_from_slice(b"N2022-006,\xB2\n");
    fx.rejects(
        "links_cut.csv",
        &cut,
        "chain_links",
        &["links_cut.csv:7:11: not valid GB18030 text (byte 0xB2)"],
    );
    // GBK that the user calls UTF-8.
    let wrong = fx.file(
        "links_wrong.csv",
        &common::iconv(links.as_bytes(), "UTF-8", "GB18030"),
    );
    let out = fx.load(&wrong, "chain_links", &["--encoding", "utf-8"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains("links_wrong.csv:2:11:") && out.stderr.contains("GBK"),
        "{}",
        out.stderr
    );
}

/// A workbook made by another writer (rust_xlsxwriter), one sheet a table.
fn workbook(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("a sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if value.is_empty() {
                    continue;
                }
                // Numbers go in as numbers, as a person typing them would.
                match value.parse::<f64>() {
                    Ok(number) if r > 0 && !value.starts_with('N') => {
                        sheet.write_number(r, c, number).expect("a number")
                    }
                    _ => sheet.write_string(r, c, *value).expect("a string"),
                };
            }
        }
    }
    book.save(path).expect("the workbook is written");
}

#[test]
fn spreadsheets_load_and_problems_name_their_cells() {
    let fx = Fixture::new();
    let links = fx.dir.path().join("links.xlsx");
    workbook(
        &links,
        &[
            ("说明", vec![vec!["这一页是说明"]]),
            (
                "链条",
                vec![
                    vec!["cluster_id", "link"],
                    vec!["N2022-001", "高端轴承"],
                    vec!["N2022-002", "碳纤维复合材料"],
                ],
            ),
        ],
    );
    let out = fx.load(&links, "chain_links", &["--sheet", "链条"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("reading sheet 链条"), "{}", out.stderr);
    let loaded = fx.query(
        "select count(*) as n from chain_links where link in ('高端轴承', '碳纤维复合材料')",
    );
    assert_eq!(loaded.stdout, "n\n2\n");

    // A text cell where a number belongs: its sheet and cell.
    let header: Vec<&str> = REPORT_HEADER.split(',').collect();
    let good = report("N2022-001", 2026, "20.0", "17.0", "90", "0.5");
    let bad = report("N2022-002", 2026, "lots", "1.0", "9", "0.5");
    let reports = fx.dir.path().join("reports.xlsx");
    workbook(
        &reports,
        &[(
            "Sheet1",
            vec![
                header.clone(),
                good.split(',').collect(),
                bad.split(',').collect(),
            ],
        )],
    );
    let before = fx.counts();
    let out = fx.load(&reports, "cluster_reports", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "reports.xlsx Sheet1!C3: column 'total_output_bn_cny': 'lots' is not a DOUBLE"
        ),
        "{}",
        out.stderr
    );
    // A header with a hole, a sheet that is not there, a corrupt file.
    let holed = fx.dir.path().join("holed.xlsx");
    workbook(
        &holed,
        &[(
            "Sheet1",
            vec![vec!["cluster_id", "", "link"], vec!["N2022-001", "x", "y"]],
        )],
    );
    let out = fx.load(&holed, "chain_links", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("holed.xlsx: Sheet1!B1: the header cell is empty"),
        "{}",
        out.stderr
    );
    let out = fx.load(&links, "chain_links", &["--sheet", "Nope"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains("no sheet Nope (it has 说明, 链条)"),
        "{}",
        out.stderr
    );
    // Headed with the dictionary's Chinese titles: a bad cell keeps its letters.
    let titled = fx.dir.path().join("titled.xlsx");
    workbook(
        &titled,
        &[(
            "Sheet1",
            vec![vec!["集群编号", "产业链关键环节"], vec!["N2099-001", "x"]],
        )],
    );
    let out = fx.load(&titled, "chain_links", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("titled.xlsx Sheet1!A2: column 'cluster_id': 'N2099-001' is not in clusters"),
        "{}",
        out.stderr
    );
    // A formula whose result is an error: no value to load.
    let failing = fx.dir.path().join("failing.xlsx");
    {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "cluster_id").expect("header");
        sheet.write_string(0, 1, "link").expect("header");
        sheet.write_string(1, 0, "N2022-001").expect("id");
        sheet
            .write_formula(
                1,
                1,
                rust_xlsxwriter::Formula::new("=1/0").set_result("#DIV/0!"),
            )
            .expect("a formula");
        book.save(&failing).expect("saved");
    }
    let out = fx.load(&failing, "chain_links", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("failing.xlsx: Sheet1!B2: the cell holds an error (#DIV/0!)"),
        "{}",
        out.stderr
    );
    let corrupt = fx.file("corrupt.xlsx", b"PK\x03\x04 not really a zip");
    let out = fx.load(&corrupt, "chain_links", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains("corrupt.xlsx: not a readable workbook"),
        "{}",
        out.stderr
    );
    assert_eq!(fx.counts(), before, "refused workbooks changed nothing");
}

/// A ministry-style file headed in Chinese loads without renaming: the
/// data dictionary's titles name the columns.
#[test]
fn chinese_headers_name_the_schemas_columns() {
    let fx = Fixture::new();
    let path = fx.file(
        "链条.csv",
        "集群编号,产业链关键环节\nN2022-003,谐波减速器\n".as_bytes(),
    );
    let out = fx.load(&path, "chain_links", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let loaded = fx.query("select cluster_id from chain_links where link = '谐波减速器'");
    assert_eq!(loaded.stdout, "cluster_id\nN2022-003\n");
    // The name and the title of one column: which is meant is not guessed.
    fx.rejects(
        "两次.csv",
        "集群编号,cluster_id,产业链关键环节\nN2022-003,N2022-004,x\n".as_bytes(),
        "chain_links",
        &["columns '集群编号' and 'cluster_id' all name 'cluster_id'; keep one"],
    );
    // A title the dictionary does not know is an unknown column, as before.
    fx.rejects(
        "未知.csv",
        "集群编号,环节名\nN2022-003,x\n".as_bytes(),
        "chain_links",
        &["column '环节名': names no column of chain_links"],
    );
}

/// A legacy Excel workbook (BIFF8, written by xlwt: see
/// tests/fixtures/make_legacy_xls.py) loads from its second sheet, headed
/// with the dictionary's Chinese titles: text, numbers, dates and an empty
/// cell keep their meaning; SQL reads the same sheet with read_xlsx.
#[test]
fn a_legacy_xls_workbook_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("xls.duckdb");
    let db = db.to_str().expect("path");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/legacy.xls");
    let mut load = clusterql();
    load.args([
        "--db", db, "load", fixture, "--sheet", "名单", "--table", "clusters",
    ]);
    let out = run(&mut load);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("loaded 2 rows into clusters"),
        "{}",
        out.stderr
    );
    let mut read = clusterql();
    read.args([
        "--db",
        db,
        "--format",
        "csv",
        "-c",
        "select cluster_id, name, batch_year, area_km2, valid_from, typeof(valid_from) as t \
         from clusters where cluster_id like 'P2024-9%' order by 1",
    ]);
    let out = run(&mut read);
    assert_eq!(
        out.stdout,
        "cluster_id,name,batch_year,area_km2,valid_from,t\n\
         P2024-901,宁波市示例区轴承产业集群,2024,42.5,2024-03-01,DATE\n\
         P2024-902,洛阳市示例县耐火材料产业集群,2024,,2024-05-20,DATE\n"
    );
    let mut sql = clusterql();
    sql.args([
        "--empty",
        "--format",
        "csv",
        "-c",
        &format!("select 集群编号, 面积, 有效期起::DATE as d from read_xlsx('{fixture}', sheet => '名单') order by 1"),
    ]);
    let out = run(&mut sql);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "集群编号,面积,d\nP2024-901,42.5,2024-03-01\nP2024-902,,2024-05-20\n"
    );
}

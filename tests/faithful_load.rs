//! Every value accounted for: its unit wherever the file states it (a
//! `单位：` line or cell above the table, a cell formatted as a percent), a
//! count that cannot be split refused, every file of a folder loaded or
//! named, Big5 never read as GB18030, and problems at the line an editor
//! shows, at a size where DuckDB reads in parallel. The small fixtures were
//! written by Python's csv module and openpyxl
//! (tests/fixtures/make_faithful_fixtures.py); the large files are written
//! here.

mod common;

use std::fmt::Write as _;

use common::load_fixture::Fixture;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The industrial-internet rate of a report year, by cluster.
fn rates_of(fx: &Fixture, year: u32) -> Vec<String> {
    let out = fx.query(&format!(
        "select cluster_id, industrial_internet_rate from cluster_reports \
         where report_year = {year} order by cluster_id"
    ));
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout.lines().skip(1).map(str::to_string).collect()
}

/// A folder `name` of the fixture's directory holding `files` (name and
/// contents).
fn folder_of(fx: &Fixture, name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let folder = fx.dir.path().join(name);
    std::fs::create_dir(&folder).expect("folder");
    for (file, contents) in files {
        std::fs::write(folder.join(file), contents).expect("written");
    }
    folder
}

/// `roster(rows)` of other enterprises, with the cell at `index` (from 0)
/// of every line left out: a file of one folder that lacks a column.
fn others_without_cell(rows: usize, index: usize) -> String {
    roster(rows)
        .replace("ID000", "ID900")
        .lines()
        .map(|line| {
            let mut cells: Vec<&str> = line.split(',').collect();
            cells.remove(index);
            format!("{}\n", cells.join(","))
        })
        .collect()
}

/// The employees and industrial-internet rate of report year 2029.
fn year_2029(fx: &Fixture) -> Vec<String> {
    let out = fx.query(
        "select cluster_id, employees, industrial_internet_rate from cluster_reports \
         where report_year = 2029 order by cluster_id",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout.lines().skip(1).map(str::to_string).collect()
}

#[test]
fn a_unit_line_above_the_table_gives_its_unit_to_bare_headers() {
    let fx = Fixture::new();
    let out = fx.load(&fixture("unit_line_gbk.csv"), "cluster_reports", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("从业人员数 → employees × 10000 (单位：万人, line 2)"),
        "{}",
        out.stderr
    );
    // 4.5 万人 and 12.34 万人, not 5 and 12 persons.
    assert_eq!(
        year_2029(&fx),
        ["N2022-001,45000,0.385", "N2022-002,123400,0.41"]
    );
}

#[test]
fn a_unit_line_is_told_where_it_was_in_chinese_too() {
    let fx = Fixture::new();
    let out = fx.load(
        &fixture("unit_line_gbk.csv"),
        "cluster_reports",
        &["--lang", "zh"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("从业人员数 → employees × 10000 (单位：万人，第 2 行)"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_unit_in_a_title_cell_names_its_cell() {
    let fx = Fixture::new();
    let out = fx.load(&fixture("unit_in_title_cell.xlsx"), "cluster_reports", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("从业人员数 → employees × 10000 (单位：万人, 2029年!Q1)"),
        "{}",
        out.stderr
    );
    assert_eq!(
        year_2029(&fx),
        ["N2022-001,45000,0.385", "N2022-002,123400,0.41"]
    );
}

#[test]
fn two_stated_units_that_disagree_are_refused_naming_both() {
    let fx = Fixture::new();
    let before = fx.counts();
    let out = fx.load(&fixture("units_disagree.csv"), "cluster_reports", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    for part in [
        // The header's line: the statements are on lines 1 and 2.
        "units_disagree.csv:3: column '从业人员数'",
        "单位：万人, line 1",
        "计量单位：人, line 2",
    ] {
        assert!(out.stderr.contains(part), "{part:?} not in {}", out.stderr);
    }
    assert_eq!(fx.counts(), before);
}

#[test]
fn a_count_that_is_not_whole_is_refused_with_the_unit_meant() {
    let fx = Fixture::new();
    let before = fx.counts();
    let path = fixture("fractional_persons.csv");
    let out = fx.load(&path, "cluster_reports", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    for part in [
        "fractional_persons.csv:2: column 'employees': '4.5' is not a whole number of persons",
        "in 10k persons (it would be 45000)",
        "fractional_persons.csv:3: column 'employees': '12.34' is not a whole number",
    ] {
        assert!(out.stderr.contains(part), "{part:?} not in {}", out.stderr);
    }
    let out = fx.load(&path, "cluster_reports", &["--lang", "zh"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("fractional_persons.csv:2: 列 'employees'：'4.5' 不是整数个人"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("万人（即 45000）"), "{}", out.stderr);
    assert_eq!(fx.counts(), before);
}

#[test]
fn a_percent_cell_reads_as_the_share_it_shows_whatever_its_neighbours() {
    let fx = Fixture::new();
    let out = fx.load(&fixture("percent_mixed.xlsx"), "cluster_reports", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Shown 35.2% (kept 0.352) and typed 41, under （%）: both shares.
    assert_eq!(rates_of(&fx, 2029), ["N2022-001,0.352", "N2022-002,0.41"]);
}

#[test]
fn big5_text_is_read_as_big5() {
    let fx = Fixture::new();
    let out = fx.load(&fixture("big5_clusters.csv"), "clusters", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("reading BIG5 text"), "{}", out.stderr);
    let out = fx.query(
        "select name, county, leading_industry from clusters \
         where cluster_id like 'P2099-1%' order by cluster_id",
    );
    assert_eq!(
        out.stdout.lines().skip(1).collect::<Vec<_>>(),
        [
            "臺灣精密機械產業集群（虛構）,海淀區,精密機械",
            "香港電子零組件產業集群（虛構）,海淀區,電子零組件"
        ]
    );
}

/// A roster of `rows` enterprises of N2022-001 as CSV text: the name of the
/// tenth runs over two lines (a quoted cell), so every record after it is
/// one line lower than its number.
fn roster(rows: usize) -> String {
    let mut text = String::from(
        "enterprise_id,cluster_id,name,size_class,is_sme,above_scale,in_leading_industry,\
         founded_year,employees,revenue_mn_cny,joined_year,left_year\n",
    );
    for i in 1..=rows {
        let name = if i == 10 {
            "\"两行\n名称\"".to_string()
        } else {
            format!("企业{i}")
        };
        let _ = writeln!(
            text,
            "ID{i:016},N2022-001,{name},small,true,false,true,2010,{},1.5,2022,",
            i % 300
        );
    }
    text
}

const ROWS: usize = 300_000;

#[test]
fn problems_of_a_large_file_name_the_lines_an_editor_shows() {
    let fx = Fixture::new();
    let before = fx.counts();
    let mut text = roster(ROWS);
    // The last record names an unknown cluster and repeats the third's id.
    let last = text.trim_end().rfind('\n').expect("lines") + 1;
    text.truncate(last);
    text.push_str("ID0000000000000003,N2099-999,最后一家,small,true,false,true,2010,5,1.5,2022,\n");
    let path = fx.file("roster.csv", text.as_bytes());
    let out = fx.load(&path, "enterprises", &["--no-id-check"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    // Header, 300,000 records, one of them over two lines.
    let last_line = ROWS + 2;
    for part in [
        format!(
            "roster.csv:4: duplicate key enterprise_id = 'ID0000000000000003' within the loaded files (also at {}:{last_line})",
            path.display()
        ),
        format!("roster.csv:{last_line}: column 'cluster_id': 'N2099-999' is not in clusters"),
    ] {
        assert!(out.stderr.contains(&part), "{part:?} not in {}", out.stderr);
    }
    assert_eq!(fx.counts(), before);
}

#[test]
fn a_gbk_file_with_a_title_counts_its_lines_as_the_user_sees_them() {
    let fx = Fixture::new();
    let before = fx.counts();
    let mut text = String::from("2029年企业名录,,,,,,,,,,,\n");
    text.push_str(&roster(ROWS));
    // A wrong size class on the last record.
    let last = text.trim_end().rfind('\n').expect("lines") + 1;
    text.truncate(last);
    text.push_str("ID9999999999999999,N2022-001,最后一家,huge,true,false,true,2010,5,1.5,2022,\n");
    // As Windows saves it: GBK, CRLF.
    let text = text.replace('\n', "\r\n");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let path = fx.file("roster_gbk.csv", &gbk);
    let out = fx.load(&path, "enterprises", &["--no-id-check"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    // A title line, the header, the records, one over two lines.
    let last_line = ROWS + 3;
    let expected = format!("roster_gbk.csv:{last_line}: ");
    let line = out
        .stderr
        .lines()
        .find(|l| l.contains("size_class"))
        .unwrap_or_default();
    assert!(
        line.contains(&expected),
        "{expected:?} not in {}",
        out.stderr
    );
    assert!(line.contains("huge"), "{}", out.stderr);
    assert_eq!(fx.counts(), before);
}

#[test]
fn a_folder_of_csv_and_parquet_is_refused_naming_both() {
    let fx = Fixture::new();
    let before = fx.counts();
    let folder = fx.dir.path().join("reports");
    std::fs::create_dir(&folder).expect("folder");
    let csv = folder.join("a.csv");
    let parquet = folder.join("b.parquet");
    let out = fx.query(&format!(
        "copy (select * from cluster_reports where report_year = 2023 limit 5) to '{}' (header); \
         copy (select * from cluster_reports where report_year = 2024 limit 5) to '{}' (format parquet)",
        csv.display(),
        parquet.display()
    ));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = fx.load(&folder, "cluster_reports", &["--replace"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(out.stderr.contains("a.csv"), "{}", out.stderr);
    assert!(out.stderr.contains("b.parquet"), "{}", out.stderr);
    assert_eq!(fx.counts(), before);
}

/// The unit-line report without its first two lines: the same bare header,
/// no unit stated, as UTF-8 text.
fn without_unit_line() -> String {
    let bytes = std::fs::read(fixture("unit_line_gbk.csv")).expect("fixture");
    let (text, _, _) = encoding_rs::GBK.decode(&bytes);
    text.lines().skip(2).map(|l| format!("{l}\n")).collect()
}

#[test]
fn every_file_of_a_folder_goes_through_every_step_and_is_named() {
    let fx = Fixture::new();
    let folder = fx.dir.path().join("reports");
    std::fs::create_dir_all(folder.join("2029")).expect("folder");
    // GBK without a title (2026), and UTF-8 under a title line (2029), one
    // folder down: the same header, each file read as it is.
    std::fs::copy(
        fixture("provincial_report_gbk.csv"),
        folder.join("a_2026.csv"),
    )
    .expect("copied");
    let header = std::fs::read(fixture("provincial_report_gbk.csv")).expect("fixture");
    let (text, _, _) = encoding_rs::GBK.decode(&header);
    let header = text.lines().next().expect("header").to_string();
    let rows = without_unit_line()
        .lines()
        .skip(1)
        .map(|l| format!("{l}\n"))
        .collect::<String>();
    std::fs::write(
        folder.join("2029").join("b_2029.csv"),
        format!("2029年报表,,,\n{header}\n{rows}"),
    )
    .expect("written");
    let out = fx.load(&folder, "cluster_reports", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for part in [
        "a_2026.csv: reading GB18030 text",
        "b_2029.csv: above the table, not loaded: 2029年报表",
        "a_2026.csv: 2 rows",
        "b_2029.csv: 2 rows",
        "loaded 4 rows",
    ] {
        assert!(out.stderr.contains(part), "{part:?} not in {}", out.stderr);
    }
    // 12.34 万人 in the second file, read under the first file's header.
    let out = fx.query(
        "select report_year, employees from cluster_reports where cluster_id = 'N2022-002' \
         and report_year in (2026, 2029) order by 1",
    );
    assert_eq!(
        out.stdout,
        "report_year,employees\n2026,123400\n2029,123400\n"
    );
}

#[test]
fn each_file_of_a_folder_is_read_in_the_units_its_own_layout_states() {
    // a.csv states 单位：万人 above its bare 从业人员数; b.csv, the same
    // rows without the line, states nothing, so its 4.5 is 4.5 persons:
    // refused there alone, at its own lines, not read in a.csv's unit.
    let fx = Fixture::new();
    let before = fx.counts();
    let folder = fx.dir.path().join("reports");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::copy(fixture("unit_line_gbk.csv"), folder.join("a.csv")).expect("copied");
    std::fs::write(folder.join("b.csv"), without_unit_line()).expect("written");
    let out = fx.load(&folder, "cluster_reports", &["--replace"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    for part in [
        "b.csv:2: column 'employees': '4.5' is not a whole number of persons",
        "b.csv:3: column 'employees': '12.34'",
        "从业人员数 → employees × 10000 (单位：万人, line 2)",
        "从业人员数 → employees, read in persons",
    ] {
        assert!(out.stderr.contains(part), "{part:?} not in {}", out.stderr);
    }
    assert!(!out.stderr.contains("a.csv:4"), "{}", out.stderr);
    assert_eq!(fx.counts(), before);
    // b.csv in whole persons, for 2026: each file loads in its own unit.
    let in_persons = without_unit_line()
        .replacen(",2029,", ",2026,", 2)
        .replace(",4.5,", ",45000,")
        .replace(",12.34,", ",123400,");
    std::fs::write(folder.join("b.csv"), in_persons).expect("written");
    let out = fx.load(&folder, "cluster_reports", &["--replace"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = fx.query(
        "select report_year, employees from cluster_reports \
         where cluster_id = 'N2022-001' order by report_year",
    );
    assert_eq!(
        out.stdout,
        "report_year,employees\n2026,45000\n2029,45000\n"
    );
}

#[test]
fn files_of_one_folder_may_write_one_column_in_different_units() {
    // The same 总产值 in 亿元 in one file and in 万元 in the other: each
    // header is read in its own unit (a load once saw two columns
    // for one there, and refused).
    let fx = Fixture::new();
    let folder = fx.dir.path().join("reports");
    std::fs::create_dir(&folder).expect("folder");
    let text = without_unit_line();
    let (header, rows) = text.split_once('\n').expect("header");
    let header = header.replace("从业人员数", "从业人员数（万人）");
    std::fs::write(folder.join("a.csv"), format!("{header}\n{rows}")).expect("written");
    let in_wan = header.replace("总产值（亿元）", "总产值（万元）");
    let rows_wan = rows.replacen(",2029,150.5,", ",2026,1505000,", 1).replacen(
        ",2029,99.9,",
        ",2026,999000,",
        1,
    );
    assert!(
        rows_wan.contains(",1505000,") && rows_wan.contains(",999000,"),
        "{rows_wan}"
    );
    std::fs::write(folder.join("b.csv"), format!("{in_wan}\n{rows_wan}")).expect("written");
    let out = fx.load(&folder, "cluster_reports", &["--replace"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("总产值（万元） → total_output_bn_cny ÷ 100000"),
        "{}",
        out.stderr
    );
    let out = fx.query(
        "select report_year, total_output_bn_cny from cluster_reports \
         where cluster_id = 'N2022-001' order by report_year",
    );
    assert_eq!(
        out.stdout,
        "report_year,total_output_bn_cny\n2026,15.05\n2029,15.05\n"
    );
}

#[test]
fn a_header_problem_is_told_at_the_header_line_of_each_file_in_both_languages() {
    // The header is line 3 of a.csv (GBK, a title and a unit line above)
    // and line 2 of b.csv (UTF-8, the unit line alone above): a header
    // neither maps is told at its own line in each.
    let fx = Fixture::new();
    let before = fx.counts();
    let folder = fx.dir.path().join("reports");
    std::fs::create_dir(&folder).expect("folder");
    let bytes = std::fs::read(fixture("unit_line_gbk.csv")).expect("fixture");
    let (text, _, _) = encoding_rs::GBK.decode(&bytes);
    let with_mood: String = text
        .lines()
        .enumerate()
        .map(|(index, line)| match index {
            0 | 1 => format!("{line}\r\n"),
            2 => format!("{line},mood\r\n"),
            _ => format!("{line},calm\r\n"),
        })
        .collect();
    let (gbk, _, _) = encoding_rs::GBK.encode(&with_mood);
    std::fs::write(folder.join("a.csv"), gbk).expect("written");
    let untitled: String = with_mood
        .lines()
        .skip(1)
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(folder.join("b.csv"), untitled).expect("written");
    let out = fx.load(&folder, "cluster_reports", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    let told = format!(
        "{}:3, {}:2: column 'mood': names no column",
        folder.join("a.csv").display(),
        folder.join("b.csv").display()
    );
    assert!(out.stderr.contains(&told), "{told:?} not in {}", out.stderr);
    let out = fx.load(&folder, "cluster_reports", &["--lang", "zh"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    let told = format!(
        "{}:3, {}:2: 列 'mood'",
        folder.join("a.csv").display(),
        folder.join("b.csv").display()
    );
    assert!(out.stderr.contains(&told), "{told:?} not in {}", out.stderr);
    assert_eq!(fx.counts(), before);
}

#[test]
fn a_glob_that_matches_nothing_is_refused() {
    let fx = Fixture::new();
    let pattern = fx.dir.path().join("nothing-*.csv");
    let out = fx.load(&pattern, "cluster_reports", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(out.stderr.contains("no file matches"), "{}", out.stderr);
}

#[test]
fn a_percentage_cell_of_an_ods_file_reads_as_the_share_it_shows() {
    // LibreOffice's own file: the cell's value type is `percentage`.
    let fx = Fixture::new();
    let out = fx.load(&fixture("libreoffice_percent.ods"), "cluster_reports", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(rates_of(&fx, 2029), ["N2022-001,0.352", "N2022-002,0.41"]);
}

#[test]
fn a_percent_cell_of_an_xls_file_reads_as_the_share_it_shows() {
    // LibreOffice's Excel 97-2003 file: the cell's style (its XF record)
    // names a percent format; the cell under it keeps 41 as typed.
    let fx = Fixture::new();
    let out = fx.load(&fixture("libreoffice_percent.xls"), "cluster_reports", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(rates_of(&fx, 2029), ["N2022-001,0.352", "N2022-002,0.41"]);
}

#[test]
fn an_xls_column_formatted_as_percents_throughout_loads_as_shown() {
    // Every cell of the （%） column formatted as a percent, as Excel and
    // LibreOffice save a column so formatted: once refused as fractions.
    let fx = Fixture::new();
    let out = fx.load(
        &fixture("libreoffice_percent_formatted.xls"),
        "cluster_reports",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(rates_of(&fx, 2027), ["N2022-001,0.385", "N2022-002,0.41"]);
}

#[test]
fn a_broken_rule_shows_the_value_as_written() {
    let fx = Fixture::new();
    let before = fx.counts();
    let bytes = std::fs::read(fixture("provincial_report_gbk.csv")).expect("fixture");
    let (text, _, _) = encoding_rs::GBK.decode(&bytes);
    assert!(text.contains(",35.2,"));
    let path = fx.file("over.csv", text.replace(",35.2,", ",135%,").as_bytes());
    let out = fx.load(&path, "cluster_reports", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains("over.csv:2: ")
            && out
                .stderr
                .contains("industrial_internet_rate = 1.35 (written '135%')"),
        "{}",
        out.stderr
    );
    assert_eq!(fx.counts(), before);
}

#[test]
fn a_parquet_count_that_is_not_whole_is_refused_at_its_row() {
    let fx = Fixture::new();
    let before = fx.counts();
    let path = fx.dir.path().join("reports.parquet");
    // Written by DuckDB: employees as DOUBLE, the second row's not whole.
    let out = fx.query(&format!(
        "copy (select * exclude (n) replace (employees::DOUBLE + CASE WHEN n = 2 THEN 0.5 ELSE 0 END as employees, \
         2029 as report_year) from (select *, row_number() over (order by cluster_id) as n \
         from cluster_reports where report_year = 2023 order by cluster_id limit 3)) to '{}' (format parquet)",
        path.display()
    ));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = fx.load(&path, "cluster_reports", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains("reports.parquet:2: column 'employees'")
            && out.stderr.contains("is not a whole number of persons"),
        "{}",
        out.stderr
    );
    assert_eq!(fx.counts(), before);
}

#[test]
fn two_records_without_a_key_are_named_not_taken_for_duplicates() {
    let fx = Fixture::new();
    let before = fx.counts();
    let mut text = roster(3);
    text = text.replacen("ID0000000000000001", "", 1);
    text = text.replacen("ID0000000000000002", "", 1);
    let path = fx.file("no_ids.csv", text.as_bytes());
    let out = fx.load(&path, "enterprises", &["--no-id-check"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(out.stderr.contains("no_ids.csv:2: "), "{}", out.stderr);
    assert!(out.stderr.contains("no_ids.csv:3: "), "{}", out.stderr);
    assert!(!out.stderr.contains("duplicate"), "{}", out.stderr);
    assert_eq!(fx.counts(), before);
}

#[test]
fn a_file_named_twice_is_loaded_once() {
    let fx = Fixture::new();
    let folder = fx.dir.path().join("one");
    std::fs::create_dir(&folder).expect("folder");
    let file = folder.join("r.csv");
    std::fs::write(&file, roster(5)).expect("written");
    let mut command = common::clusterql();
    command.args([
        "--db",
        fx.db.to_str().expect("path"),
        "load",
        folder.to_str().expect("path"),
        file.to_str().expect("path"),
        "--table",
        "enterprises",
        "--no-id-check",
    ]);
    let out = common::run(&mut command);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("loaded 5 rows"), "{}", out.stderr);
}

#[test]
fn the_second_file_of_a_large_folder_counts_its_own_lines() {
    // Records are numbered in each file from the table DuckDB fills in file
    // order: the second file's count must start again at its own header.
    let fx = Fixture::new();
    let before = fx.counts();
    let folder = fx.dir.path().join("rosters");
    std::fs::create_dir(&folder).expect("folder");
    let half = ROWS / 2;
    std::fs::write(folder.join("a.csv"), roster(half)).expect("written");
    let mut second = roster(half).replace("\nID", "\nIE");
    let last = second.trim_end().rfind('\n').expect("lines") + 1;
    second.truncate(last);
    second
        .push_str("IE9999999999999999,N2099-999,最后一家,small,true,false,true,2010,5,1.5,2022,\n");
    std::fs::write(folder.join("b.csv"), second).expect("written");
    let out = fx.load(&folder, "enterprises", &["--no-id-check"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    // Its header, its records, one of them over two lines.
    let expected = format!("b.csv:{}: column 'cluster_id': 'N2099-999'", half + 2);
    assert!(
        out.stderr.contains(&expected),
        "{expected:?} not in {}",
        out.stderr
    );
    assert_eq!(fx.counts(), before);
}

#[test]
fn a_column_one_file_of_a_folder_lacks_is_named_under_that_file() {
    let fx = Fixture::new();
    // b.csv: other enterprises, and no left_year column (the 12th).
    let folder = folder_of(
        &fx,
        "parts",
        &[
            ("a.csv", &roster(3)),
            ("b.csv", &others_without_cell(3, 11)),
        ],
    );
    let out = fx.load(&folder, "enterprises", &["--no-id-check"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let b = folder.join("b.csv");
    let told = format!(
        "{}: lacks left_year, which other files of this load fill; its rows get NULL there",
        b.display()
    );
    assert!(out.stderr.contains(&told), "{told:?} not in {}", out.stderr);
    assert_eq!(out.stderr.matches("lacks").count(), 1, "{}", out.stderr);
}

#[test]
fn a_required_column_one_file_of_a_folder_lacks_is_refused_naming_that_file() {
    let fx = Fixture::new();
    let before = fx.counts();
    // b.csv: other enterprises, and no name column (the 3rd).
    let folder = folder_of(
        &fx,
        "parts",
        &[("a.csv", &roster(3)), ("b.csv", &others_without_cell(3, 2))],
    );
    let out = fx.load(&folder, "enterprises", &["--no-id-check"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    let told = format!(
        "{}: missing required column 'name'",
        folder.join("b.csv").display()
    );
    assert!(out.stderr.contains(&told), "{told:?} not in {}", out.stderr);
    assert!(!out.stderr.contains("a.csv: missing"), "{}", out.stderr);
    assert_eq!(fx.counts(), before);
}

#[test]
fn a_folder_whose_files_differ_in_their_columns_is_validated_file_by_file() {
    let fx = Fixture::new();
    let before = fx.counts();
    let header = "cluster_id,name,name_en,level,batch_year,province,province_zh,region,county,\
                  county_code,leading_industry,sector,area_km2,valid_from,valid_to,status,name_source";
    let row = |id: &str, batch: &str| {
        format!(
            "{id},北京市海淀区某产业集群,\"A cluster, Beijing\",national,{batch},Beijing,北京市,east,\
             海淀区,110108,software,software,30.2,2023-01-11,2028-12-31,active,public report"
        )
    };
    // b.csv has no area_km2 (a column that may be empty) and a year that
    // is no number, which sends the load to the validation.
    let without_area = |line: &str| {
        let mut cells: Vec<&str> = line.split(',').collect();
        // The English name holds a comma: area_km2 is the 14th cell.
        cells.remove(13);
        cells.join(",")
    };
    let folder = folder_of(
        &fx,
        "parts",
        &[
            (
                "a.csv",
                &format!("{header}\n{}\n", row("P2099-801", "2022")),
            ),
            (
                "b.csv",
                &format!(
                    "{}\n{}\n",
                    header.replace(",area_km2", ""),
                    without_area(&row("P2099-802", "lots"))
                ),
            ),
        ],
    );
    let out = fx.load(&folder, "clusters", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    let told = format!("{}:2: column 'batch_year'", folder.join("b.csv").display());
    assert!(out.stderr.contains(&told), "{told:?} not in {}", out.stderr);
    assert!(!out.stderr.contains("Parser Error"), "{}", out.stderr);
    assert_eq!(fx.counts(), before);
}

#[test]
fn a_map_that_one_template_of_a_folder_needs_is_not_refused_in_the_other() {
    let fx = Fixture::new();
    // a.csv: the old template, its names under 企业名称.
    let folder = folder_of(
        &fx,
        "parts",
        &[
            ("a.csv", &roster(3).replacen(",name,", ",企业名称,", 1)),
            ("b.csv", &roster(3).replace("ID000", "ID900")),
        ],
    );
    let out = fx.load(
        &folder,
        "enterprises",
        &["--no-id-check", "--map", "企业名称=name"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let named = fx.query("select count(*) from enterprises where name = '企业2'");
    assert_eq!(named.stdout.lines().nth(1), Some("2"), "{}", named.stderr);
    // A map that no file uses is still a typo to be told.
    let out = fx.load(
        &folder,
        "enterprises",
        &["--no-id-check", "--map", "名称=name"],
    );
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(out.stderr.contains("--map '名称=…'"), "{}", out.stderr);
}

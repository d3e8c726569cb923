//! Spreadsheets laid out the official way: a title above the table, a
//! header of merged cells, a 序号 column, notes under the rows. The table is
//! found, by `load` and by `read_xlsx` alike; nothing under it is loaded in
//! silence. Fixtures written by openpyxl (tests/fixtures/make_chinese_reports.py).

mod common;

use common::load_fixture::Fixture;
use common::{clusterql_empty, run};

fn fixture(name: &str) -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/").to_string() + name
}

/// `read_xlsx` on the fixture, CSV out.
fn read(arguments: &str) -> common::Output {
    let sql = format!(
        "from read_xlsx('{}'{arguments})",
        fixture("ministry_list.xlsx")
    );
    run(clusterql_empty().args(["--format", "csv", "-c", &sql]))
}

#[test]
fn a_ministry_list_reads_as_its_rows_and_only_them() {
    let out = read("");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0], "序号,省份,集群名称,主导产业,所在地");
    assert_eq!(lines.len(), 6, "{}", out.stdout);
    assert_eq!(
        lines[1],
        "1.0,北京市,北京市海淀区行业应用软件产业集群,行业应用软件,北京市海淀区"
    );
    assert!(lines[5].starts_with("5.0,江苏省,徐州市铜山区安全应急产业集群"));
    assert!(!out.stdout.contains("注："), "{}", out.stdout);
}

#[test]
fn merged_group_labels_name_the_columns_under_them() {
    let out = read(", sheet => '分年'");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "集群名称,2022年产值,2022年企业数,2023年产值,2023年企业数\n\
         常熟市电子氟材料产业集群,101.5,230.0,120.25,251.0\n\
         溧阳市动力电池产业集群,450.0,310.0,512.5,342.0\n"
    );
}

#[test]
fn duckdbs_parameters_keep_their_meaning() {
    // range: the block asked for, its first row the header.
    let out = read(", range := 'B3:C5'");
    assert_eq!(
        out.stdout,
        "省份,集群名称\n北京市,北京市海淀区行业应用软件产业集群\n天津市,天津市滨海新区车规级芯片产业集群\n",
        "{}",
        out.stderr
    );
    // header := false from the sheet's first row: the title is data then.
    let out = read(", header := false, all_varchar := true");
    assert_eq!(
        out.stdout, "A,B,C,D,E\n2023年度中小企业特色产业集群名单,,,,\n",
        "{}",
        out.stderr
    );
    // header := false: every row is data, the columns named by letter.
    let out = read(", header := false, range := 'A4:B5', all_varchar := true");
    assert_eq!(out.stdout, "A,B\n1,北京市\n2,天津市\n", "{}", out.stderr);
    // A range without stop_at_empty reads past the empty row, as DuckDB's
    // reader does: the notes are rows then.
    let out = read(", range := 'A3:A11'");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("注：排名不分先后。"), "{}", out.stdout);
    let out = read(", range := 'A3:A11', stop_at_empty := true");
    assert!(!out.stdout.contains("注："), "{}", out.stdout);
    // A range that is no range.
    let out = read(", range := 'B2:??'");
    assert_ne!(out.code, 0);
    assert!(
        out.stderr.contains("is not a block of cells"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_titled_report_with_row_numbers_and_notes_loads_and_says_what_it_left() {
    let fx = Fixture::new();
    let path = std::path::PathBuf::from(fixture("provincial_report_titled.xlsx"));
    let out = fx.load(&path, "cluster_reports", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for said in [
        "报表: above the table, not loaded: 2028年某省中小企业特色产业集群发展情况统计表",
        "报表!A6: 注：产值按当年价格计算。 (a note under the table, not loaded)",
        "序号: the rows' numbers, 1 to 2, not loaded",
        "总产值（亿元） → total_output_bn_cny ÷ 10",
    ] {
        assert!(out.stderr.contains(said), "{said:?} not in: {}", out.stderr);
    }
    let loaded = fx.query(
        "select cluster_id, total_output_bn_cny, leading_output_bn_cny, employees, \
         industrial_internet_rate, has_rights_protection from cluster_reports \
         where report_year = 2028 order by 1",
    );
    assert_eq!(
        loaded.stdout,
        "cluster_id,total_output_bn_cny,leading_output_bn_cny,employees,industrial_internet_rate,has_rights_protection\n\
         N2022-001,20.0,15.0,31000,0.505,false\n\
         N2022-002,30.0,20.0,105000,0.42,false\n"
    );
}

/// The same report exported by LibreOffice as GBK CSV keeps its title line
/// and its note: the same rules find the table.
#[test]
fn a_csv_export_with_a_title_line_and_notes_loads_its_table() {
    let fx = Fixture::new();
    let path = std::path::PathBuf::from(fixture("libreoffice_titled_gbk.csv"));
    let out = fx.load(&path, "cluster_reports", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for said in [
        "libreoffice_titled_gbk.csv: above the table, not loaded: 2028年某省中小企业特色产业集群发展情况统计表",
        "libreoffice_titled_gbk.csv: 注：产值按当年价格计算。 (a note under the table, not loaded)",
        "序号: the rows' numbers, 1 to 2, not loaded",
    ] {
        assert!(out.stderr.contains(said), "{said:?} not in: {}", out.stderr);
    }
    let loaded = fx.query(
        "select count(*) as n, sum(employees) as employees from cluster_reports where report_year = 2028",
    );
    assert_eq!(loaded.stdout, "n,employees\n2,136000\n");
    // A bad value is named on its line in the user's file, the title
    // counted.
    let before = fx.counts();
    let bad = fx.file(
        "titled.csv",
        "链条名单,\n集群编号,产业链关键环节\nN2022-001,a\nN2099-001,b\n".as_bytes(),
    );
    let out = fx.load(&bad, "chain_links", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("titled.csv:4: column 'cluster_id': 'N2099-001' is not in clusters"),
        "{}",
        out.stderr
    );
    assert_eq!(fx.counts(), before);
}

/// A workbook made here with rust_xlsxwriter, for what the fixtures do
/// not show: rows under a gap, a 序号 that is data, an asked header row.
fn workbook(path: &std::path::Path, rows: &[Vec<&str>]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if !value.is_empty() {
                sheet
                    .write_string(r as u32, c as u16, *value)
                    .expect("a cell");
            }
        }
    }
    book.save(path).expect("saved");
}

#[test]
fn rows_that_would_be_lost_or_misread_are_refused() {
    let fx = Fixture::new();
    let before = fx.counts();
    // Data under an empty row: the table ends at the gap, and the row
    // would be lost.
    let gap = fx.dir.path().join("gap.xlsx");
    workbook(
        &gap,
        &[
            vec!["集群编号", "产业链关键环节"],
            vec!["N2022-001", "a"],
            vec![],
            vec!["N2022-002", "b"],
        ],
    );
    let out = fx.load(&gap, "chain_links", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "gap.xlsx: Sheet1!A4: a row under the table, which ends at its first empty row (3)"
        ),
        "{}",
        out.stderr
    );
    // A row of one cell under the gap is a row too, unless a note's words
    // open it (注塑 is an industry, not a note).
    let single = fx.dir.path().join("single.xlsx");
    workbook(
        &single,
        &[
            vec!["集群编号", "产业链关键环节"],
            vec!["N2022-001", "a"],
            vec![],
            vec!["注塑模具"],
        ],
    );
    let out = fx.load(&single, "chain_links", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("single.xlsx: Sheet1!A4: a row under the table"),
        "{}",
        out.stderr
    );
    let csv = fx.file(
        "single.csv",
        "集群编号,产业链关键环节\nN2022-001,a\n,\nN2022-002\n".as_bytes(),
    );
    let out = fx.load(&csv, "chain_links", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("single.csv: 'N2022-002' is under the table"),
        "{}",
        out.stderr
    );
    // A 序号 column that holds more than the rows' numbers.
    let numbered = fx.dir.path().join("numbered.xlsx");
    workbook(
        &numbered,
        &[
            vec!["序号", "集群编号", "产业链关键环节"],
            vec!["1", "N2022-001", "a"],
            vec!["7", "N2022-002", "b"],
        ],
    );
    let out = fx.load(&numbered, "chain_links", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("numbered.xlsx Sheet1!A1: column '序号': holds more than the rows' numbers"),
        "{}",
        out.stderr
    );
    assert_eq!(fx.counts(), before, "refused sheets changed nothing");
    // --header-row names the header row; the rows above it are skipped.
    let asked = fx.dir.path().join("asked.xlsx");
    workbook(
        &asked,
        &[
            vec!["附件2", "第一批"],
            vec!["cluster_id", "link"],
            vec!["N2022-001", "asked link"],
        ],
    );
    let out = fx.load(&asked, "chain_links", &["--header-row", "2"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let loaded = fx.query("select cluster_id from chain_links where link = 'asked link'");
    assert_eq!(loaded.stdout, "cluster_id\nN2022-001\n");
}

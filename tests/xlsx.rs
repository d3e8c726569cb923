//! Excel workbooks, read back by another reader (calamine): a sheet per
//! result, each cell with its type, the file whole or not at all.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{clusterql, clusterql_empty, run};

fn cells(path: &std::path::Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).expect("an xlsx file");
    let range = book.worksheet_range(sheet).expect("the sheet");
    range.rows().map(|row| row.to_vec()).collect()
}

#[test]
fn a_workbook_holds_each_result_with_its_types() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("结果.xlsx");
    let out = run(clusterql().args([
        "-o",
        path.to_str().expect("path"),
        "-c",
        "select cluster_id, province_zh, batch_year, area_km2, valid_from, status = 'active' as active \
         from clusters where cluster_id = 'N2022-001'",
        "-c",
        "select 123456789012345678 as id, 1.25::decimal(6, 2) as d, timestamp '2024-01-02 12:00:00' as ts, \
         null as nothing, [1, 2] as l, 'x' as s",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "", "the rows go to the file");
    let book: Xlsx<_> = open_workbook(&path).expect("an xlsx file");
    assert_eq!(book.sheet_names(), ["Result 1", "Result 2"]);

    let first = cells(&path, "Result 1");
    assert_eq!(
        first[0],
        [
            "cluster_id",
            "province_zh",
            "batch_year",
            "area_km2",
            "valid_from",
            "active"
        ]
        .map(|name| Data::String(name.to_string()))
    );
    let csv = run(clusterql().args([
        "--format",
        "csv",
        "-c",
        "select cluster_id, province_zh, batch_year, area_km2, (valid_from - date '1899-12-30') as serial \
         from clusters where cluster_id = 'N2022-001'",
    ]));
    let expected: Vec<&str> = csv
        .stdout
        .lines()
        .nth(1)
        .expect("a row")
        .split(',')
        .collect();
    let row = &first[1];
    assert_eq!(row[0], Data::String(expected[0].to_string()));
    assert_eq!(row[1], Data::String(expected[1].to_string()));
    assert_eq!(row[2], Data::Float(expected[2].parse().expect("a year")));
    assert_eq!(row[3], Data::Float(expected[3].parse().expect("an area")));
    match &row[4] {
        Data::DateTime(date) => {
            assert_eq!(date.as_f64(), expected[4].parse::<f64>().expect("days"))
        }
        other => panic!("a date cell, not {other:?}"),
    }
    assert_eq!(row[5], Data::Bool(true));

    let second = cells(&path, "Result 2");
    let row = &second[1];
    // Too long for an Excel number without losing digits: text.
    assert_eq!(row[0], Data::String("123456789012345678".to_string()));
    assert_eq!(row[1], Data::Float(1.25));
    match &row[2] {
        Data::DateTime(moment) => assert_eq!(moment.as_f64(), 45_293.5),
        other => panic!("a date-time cell, not {other:?}"),
    }
    assert_eq!(row[3], Data::Empty);
    assert_eq!(row[4], Data::String("[1, 2]".to_string()));
    assert_eq!(row[5], Data::String("x".to_string()));
}

#[test]
fn past_excels_rows_the_run_fails_and_leaves_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.xlsx");
    let out = run(clusterql_empty().args([
        "-o",
        path.to_str().expect("path"),
        "-c",
        "select range as n from range(1048576)",
    ]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("does not fit an Excel sheet"),
        "{}",
        out.stderr
    );
    assert!(!path.exists(), "no half-written workbook");
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

/// `read_xlsx` in SQL joins a workbook with the bundled data; the sandbox
/// refuses it like every other file access.
#[test]
fn read_xlsx_joins_a_sheet_and_the_sandbox_refuses_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("名单.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("清单").expect("a name");
    for (column, title) in ["cluster_id", "得分", "入选"].iter().enumerate() {
        sheet
            .write_string(0, column as u16, *title)
            .expect("header");
    }
    for (row, (id, score, chosen)) in [("N2022-001", 91.5, true), ("N2022-002", 78.0, false)]
        .iter()
        .enumerate()
    {
        let row = row as u32 + 1;
        sheet.write_string(row, 0, *id).expect("id");
        sheet.write_number(row, 1, *score).expect("score");
        sheet.write_boolean(row, 2, *chosen).expect("flag");
    }
    book.save(&path).expect("saved");
    let file = path.to_str().expect("path");
    let sql = format!(
        "select x.cluster_id, x.得分 * 2 as doubled, x.入选, c.province \
         from read_xlsx('{file}', sheet => '清单') x join clusters c using (cluster_id) order by 1"
    );
    let out = run(clusterql().args(["--format", "csv", "-c", &sql]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "cluster_id,doubled,入选,province\nN2022-001,183.0,true,Beijing\nN2022-002,156.0,false,Beijing\n"
    );
    let refused = run(clusterql().args(["--sandbox", "-c", &sql]));
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("--sandbox does not allow"),
        "{}",
        refused.stderr
    );
}

/// Date cells, as another writer makes them, read as the dates they show.
#[test]
fn date_cells_read_as_dates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dates.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let moment = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    sheet.write_string(0, 0, "valid_from").expect("header");
    sheet.write_string(0, 1, "reported").expect("header");
    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2023, 1, 11).expect("a date");
    let time = rust_xlsxwriter::ExcelDateTime::from_ymd(2023, 4, 20)
        .and_then(|d| d.and_hms(15, 30, 0))
        .expect("a moment");
    sheet
        .write_datetime_with_format(1, 0, &day, &date)
        .expect("a date cell");
    sheet
        .write_datetime_with_format(1, 1, &time, &moment)
        .expect("a moment cell");
    book.save(&path).expect("saved");
    let sql = format!(
        "select valid_from::DATE as d, reported::TIMESTAMP as t from read_xlsx('{}')",
        path.display()
    );
    let out = run(clusterql_empty().args(["--format", "csv", "-c", &sql]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "d,t\n2023-01-11,2023-04-20 15:30:00\n");
}

/// A sheet longer than read_xlsx's sample is streamed: its rows all
/// arrive, a text cell far down a column of numbers is refused with its
/// cell, and `all_varchar := true` reads it.
#[test]
fn a_long_sheet_streams_and_a_late_text_cell_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "id").expect("header");
    sheet.write_string(0, 1, "score").expect("header");
    for row in 1..=5000u32 {
        sheet.write_number(row, 0, f64::from(row)).expect("id");
        if row == 4321 {
            sheet.write_string(row, 1, "n/a").expect("text");
        } else {
            sheet
                .write_number(row, 1, f64::from(row) / 2.0)
                .expect("score");
        }
    }
    book.save(&path).expect("saved");
    let file = path.to_str().expect("path");
    let refused =
        run(clusterql_empty().args(["-c", &format!("select count(*) from read_xlsx('{file}')")]));
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("Sheet1!B4322") && refused.stderr.contains("all_varchar"),
        "{}",
        refused.stderr
    );
    let out = run(clusterql_empty().args([
        "--format",
        "csv",
        "-c",
        &format!(
            "select count(*) as n, sum(id::DOUBLE) as ids, count(*) filter (where score = 'n/a') as text \
             from read_xlsx('{file}', all_varchar := true)"
        ),
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "n,ids,text\n5000,12502500.0,1\n");
}

/// A value outside the header's columns has no column name: refused with
/// its cell, whether the sheet is read into SQL (a gap in the header row)
/// or loaded (a value right of the header in a row of data).
#[test]
fn a_value_right_of_the_header_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("wide.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "cluster_id").expect("header");
    sheet.write_string(0, 1, "link").expect("header");
    sheet.write_string(0, 3, "stray").expect("stray");
    sheet.write_string(1, 0, "N2022-001").expect("id");
    book.save(&path).expect("saved");
    let out = run(clusterql_empty().args([
        "-c",
        &format!("select * from read_xlsx('{}')", path.display()),
    ]));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("Sheet1!C1: the header cell is empty"),
        "{}",
        out.stderr
    );
    let loaded = dir.path().join("loaded.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "cluster_id").expect("header");
    sheet.write_string(0, 1, "link").expect("header");
    sheet.write_string(1, 0, "N2022-001").expect("id");
    sheet.write_string(1, 1, "a link").expect("link");
    sheet.write_string(1, 3, "stray").expect("stray");
    book.save(&loaded).expect("saved");
    let db = dir.path().join("wide.duckdb");
    let out = run(clusterql().args([
        "--db",
        db.to_str().expect("path"),
        "load",
        loaded.to_str().expect("path"),
        "--table",
        "chain_links",
    ]));
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(out.stderr.contains("Sheet1!D1"), "{}", out.stderr);
}

/// A table that starts at C3, below a formatted but empty row, reads from
/// its own first cell, as calamine's whole-sheet ranges read it.
#[test]
fn a_table_away_from_a1_reads_from_its_first_cell() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("offset.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    sheet
        .write_blank(0, 0, &bold)
        .expect("a formatted empty cell");
    sheet.write_string(2, 2, "cluster_id").expect("header");
    sheet.write_string(2, 3, "分数").expect("header");
    sheet.write_string(3, 2, "N2022-001").expect("id");
    sheet.write_number(3, 3, 7.5).expect("score");
    book.save(&path).expect("saved");
    let out = run(clusterql_empty().args([
        "--format",
        "csv",
        "-c",
        &format!("select * from read_xlsx('{}')", path.display()),
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "cluster_id,分数\nN2022-001,7.5\n");
}

/// A prepared statement scans the sheet again at every run.
#[test]
fn read_xlsx_in_a_prepared_statement_reads_every_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("again.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "n").expect("header");
    for row in 1..=3u32 {
        sheet.write_number(row, 0, f64::from(row)).expect("n");
    }
    book.save(&path).expect("saved");
    let out = run(clusterql_empty().args([
        "--format",
        "csv",
        "-c",
        &format!(
            "prepare p as select sum(n) as total from read_xlsx('{}'); execute p; execute p;",
            path.display()
        ),
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "total\n6.0\ntotal\n6.0\n");
}

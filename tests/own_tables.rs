//! The researcher's own tables: a county yearbook keyed by names and a firm
//! list with credit codes, loaded with `load --create` or read in SQL with
//! `read_table`, and joined to the clusters by `county_code` and by
//! `credit_code_county`. The fixtures were written by Python's csv module
//! (GBK, CRLF) and openpyxl (tests/fixtures/make_own_tables.py), and saved
//! again by LibreOffice (make_libreoffice_fixtures.sh).

mod common;

use common::load_fixture::Fixture;
use common::{clusterql, run};

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn yearbook() -> String {
    fixture("county_yearbook_gbk.csv").display().to_string()
}

/// Runs SQL on the bundled data (in memory), CSV out.
fn query(sql: &str) -> common::Output {
    run(clusterql().args(["--format", "csv", "-c", sql]))
}

#[test]
fn a_gbk_yearbook_becomes_a_table_of_its_own() {
    let fx = Fixture::new();
    let out = fx.load(std::path::Path::new(&yearbook()), "yearbook", &["--create"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for part in [
        "reading GB18030 text",
        "above the table, not loaded: 2023年部分县（市、区）主要经济指标",
        "注：数据为测试而编造。",
        "created yearbook: 5 rows, 5 columns",
    ] {
        assert!(out.stderr.contains(part), "{part:?} not in {}", out.stderr);
    }
    // Headers as written; numbers cleaned and typed by DuckDB's sniffer;
    // the dash no value.
    let out = fx.query(
        "select column_name, data_type, comment from duckdb_columns() \
         where table_name = 'yearbook' order by column_index",
    );
    assert_eq!(
        out.stdout,
        "column_name,data_type,comment\n\
         省份,VARCHAR,\n\
         县（市、区）,VARCHAR,\n\
         地区生产总值（万元）,BIGINT,万元\n\
         常住人口（万人）,DOUBLE,万人\n\
         规模以上工业企业数（个）,BIGINT,个\n"
    );
    let out = fx.query(
        "select \"地区生产总值（万元）\", \"规模以上工业企业数（个）\" from yearbook \
         where \"县（市、区）\" in ('海淀区', '常熟市') order by 1",
    );
    assert_eq!(
        out.stdout,
        "地区生产总值（万元）,规模以上工业企业数（个）\n27125800,2311\n102653700,\n"
    );
}

#[test]
fn a_second_create_of_one_name_is_refused_and_the_table_kept() {
    let fx = Fixture::new();
    let path = std::path::PathBuf::from(yearbook());
    assert_eq!(fx.load(&path, "yearbook", &["--create"]).code, 0);
    let before = fx.query("select * from yearbook order by all");
    let out = fx.load(&fixture("firm_list.xlsx"), "yearbook", &["--create"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains("a table yearbook exists already"),
        "{}",
        out.stderr
    );
    assert_eq!(
        fx.query("select * from yearbook order by all").stdout,
        before.stdout
    );
    // --replace replaces it.
    let out = fx.load(
        &fixture("firm_list.xlsx"),
        "yearbook",
        &["--create", "--replace"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        fx.query("select count(*) from yearbook").stdout,
        "count_star()\n4\n"
    );
    // The schema's tables are no one's to replace.
    let out = fx.load(&path, "clusters", &["--create", "--replace"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
}

#[test]
fn names_become_codes_and_both_baoshan_districts_join_their_own_clusters() {
    let sql = format!(
        "select y.\"省份\", y.\"县（市、区）\", county_code(y.\"省份\", y.\"县（市、区）\") as code, \
         (select count(*) from cluster_places p where p.county_code = county_code(y.\"省份\", y.\"县（市、区）\")) as clusters, \
         (select count(*) from clusters c where c.county_code = code) as expected \
         from read_table('{}') y order by code",
        yearbook()
    );
    let out = query(&sql);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<&str> = out.stdout.lines().skip(1).collect();
    let codes: Vec<&str> = rows
        .iter()
        .map(|r| r.split(',').nth(2).unwrap_or_default())
        .collect();
    assert_eq!(codes, ["110108", "230506", "310113", "320581", "330110"]);
    for row in &rows {
        let fields: Vec<&str> = row.split(',').collect();
        assert_eq!(fields[3], fields[4], "{row}");
    }
    // Shanghai's 宝山区 has clusters; Shuangyashan's joins none of them.
    let shanghai = query("select count(*) from clusters where county_code = '310113'");
    assert_ne!(shanghai.stdout, "count_star()\n0\n");
    let out = query(
        "select county_code('宝山区'), county_code('上海市宝山区'), county_code('江苏省苏州市常熟市'), \
                     county_code('常熟市'), county_name('230506'), county_code(NULL)",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout.lines().nth(1),
        Some(",310113,320581,320581,黑龙江省双鸭山市宝山区,")
    );
}

#[test]
fn a_firm_list_joins_by_credit_code_and_a_broken_code_is_seen() {
    for file in ["firm_list.xlsx", "libreoffice_firm_list.ods"] {
        let sql = format!(
            "select f.\"企业名称\", credit_code_valid(f.\"统一社会信用代码\") as valid, \
             credit_code_county(f.\"统一社会信用代码\") as county, county_code(f.\"注册地\") as registered, \
             f.\"是否高新技术企业\" as high_tech \
             from read_table('{}') f order by 1",
            fixture(file).display()
        );
        let out = query(&sql);
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
        assert_eq!(
            out.stdout,
            "企业名称,valid,county,registered,high_tech\n\
             宝山测试装备有限公司,true,310113,310113,false\n\
             常熟测试氟材料有限公司,true,320581,320581,true\n\
             常熟测试电子有限公司,false,,320581,false\n\
             海淀测试软件有限公司,true,110108,110108,true\n",
            "{file}"
        );
    }
}

#[test]
fn read_table_is_refused_under_the_sandbox() {
    let out = run(clusterql().args([
        "--sandbox",
        "-c",
        &format!("select count(*) from read_table('{}')", yearbook()),
    ]));
    assert_ne!(out.code, 0, "{}", out.stdout);
    assert!(out.stderr.contains("--sandbox"), "{}", out.stderr);
}

#[test]
fn every_column_of_the_base_tables_has_its_title_and_unit() {
    let out = run(clusterql().args([
        "--lang",
        "zh",
        "--format",
        "csv",
        "-c",
        "select count(*) filter (where comment is null), \
         any_value(comment) filter (where table_name = 'cluster_reports' and column_name = 'employees'), \
         any_value(comment) filter (where table_name = 'clusters' and column_name = 'cluster_id') \
         from duckdb_columns() where table_name in \
         ('counties', 'clusters', 'cluster_reports', 'enterprises', 'enterprise_honors', 'chain_links', \
          'briefing_claims', 'recognition_criteria')",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout.lines().nth(1),
        Some("0,从业人员数（人）,集群编号")
    );
}

#[test]
fn a_parquet_table_keeps_its_own_types() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("codes.parquet");
    let out = query(&format!(
        "copy (select '010101' as code, 1.25::DECIMAL(9, 2) as amount) to '{}' (format parquet)",
        path.display()
    ));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = query(&format!(
        "select code, typeof(code), typeof(amount) from read_table('{}')",
        path.display()
    ));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout.lines().nth(1),
        Some("010101,VARCHAR,\"DECIMAL(9,2)\"")
    );
}

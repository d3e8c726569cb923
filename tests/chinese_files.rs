//! Files as Chinese researchers hold them, loaded without editing by hand:
//! units in headers (亿元, 万元, 万人, %), 是/否 and its kin, thousands
//! separators, full-width digits; and the files that must still be refused,
//! each problem located, the database unchanged. The fixtures were written
//! by Python's csv module and openpyxl (tests/fixtures/make_chinese_reports.py)
//! and saved again by LibreOffice (tests/fixtures/make_libreoffice_fixtures.sh).

mod common;

use common::load_fixture::Fixture;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The report columns the fixtures fill, in the schema's units.
const REPORT_COLUMNS: &str = "cluster_id, total_output_bn_cny, leading_output_bn_cny, sme_output_bn_cny, \
     enterprise_count, sme_count, above_scale_count, employees, sme_rd_bn_cny, export_bn_cny, \
     industrial_internet_rate, energy_intensity, is_county_pillar, served_by_national_platform, \
     has_promotion_mechanism, has_rights_protection";

#[test]
fn a_gbk_provincial_report_in_yi_and_wan_yuan_loads_converted() {
    let fx = Fixture::new();
    let out = fx.load(
        &fixture("provincial_report_gbk.csv"),
        "cluster_reports",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // stderr says what was converted, a line a column.
    for line in [
        "总产值（亿元） → total_output_bn_cny ÷ 10",
        "主导产业产值(万元) → leading_output_bn_cny ÷ 100000",
        "中小企业产值/亿元 → sme_output_bn_cny ÷ 10",
        "从业人员数（万人） → employees × 10000",
        "工业互联网平台普及率（%） → industrial_internet_rate ÷ 100",
        "企业数 → enterprise_count, read in enterprises",
    ] {
        assert!(out.stderr.contains(line), "{line:?} not in: {}", out.stderr);
    }
    assert!(out.stdout.is_empty(), "stdout: {}", out.stdout);
    let loaded = fx.query(&format!(
        "select {REPORT_COLUMNS} from cluster_reports where report_year = 2026 order by cluster_id"
    ));
    assert_eq!(
        loaded.stdout.lines().skip(1).collect::<Vec<_>>(),
        [
            // 123.45 亿元, 1,000,000 万元, ９８．７ 亿元, 2.8 万人 (not 280,000),
            // 1.5亿元 in the cell, 35.2 under （%）, 是/否/有/无.
            "N2022-001,12.345,10.0,9.87,300,290,120,28000,0.15,3.33,0.352,0.06,true,false,true,false",
            // 1,234.5 亿元, 9,876,500 万元, 12.34 万人, 40.5% in the cell, √/×/Y/N.
            "N2022-002,123.45,98.765,100.0,500,480,200,123400,0.09,0.0,0.405,0.1,true,false,true,false",
        ]
    );
}

/// The 2027 report of provincial_report.xlsx in the schema's units.
const REPORT_2027: [&str; 2] = [
    "N2022-001,15.05,12.345678,12.0,310,300,130,30500,0.225,4.0,0.385,0.05,true,true,false,false",
    "N2022-002,9.99,5.0,8.0,520,500,210,100000,0.05,1.23,0.41,0.09,false,false,true,true",
];

/// One report, as openpyxl wrote it and as LibreOffice saved it again:
/// legacy `.xls`, its own `.xlsx`, and CSV in GBK
/// (tests/fixtures/make_libreoffice_fixtures.sh).
#[test]
fn a_report_saved_by_openpyxl_and_by_libreoffice_loads_converted() {
    for file in [
        "provincial_report.xlsx",
        "libreoffice_report.xls",
        "libreoffice_report.xlsx",
        "libreoffice_report_gbk.csv",
    ] {
        let fx = Fixture::new();
        let out = fx.load(&fixture(file), "cluster_reports", &[]);
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
        let loaded = fx.query(&format!(
            "select {REPORT_COLUMNS} from cluster_reports where report_year = 2027 order by cluster_id"
        ));
        assert_eq!(
            loaded.stdout.lines().skip(1).collect::<Vec<_>>(),
            REPORT_2027,
            "{file}"
        );
    }
}

#[test]
fn a_roster_in_wan_yuan_with_dashes_for_no_value_loads() {
    let fx = Fixture::new();
    let out = fx.load(&fixture("roster_wan_yuan.csv"), "enterprises", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("营业收入（万元） → revenue_mn_cny ÷ 100"),
        "{}",
        out.stderr
    );
    let loaded = fx.query(
        "select name, is_sme, above_scale, founded_year, revenue_mn_cny, left_year \
         from enterprises where name like '测试%' order by name",
    );
    assert_eq!(
        loaded.stdout.lines().skip(1).collect::<Vec<_>>(),
        [
            "测试电子科技有限公司,true,false,2018,0.98,2025",
            "测试精密机械有限公司,true,true,2010,34.567,",
        ]
    );
}

#[test]
fn dates_in_every_layout_chinese_sources_use_load() {
    let fx = Fixture::new();
    let out = fx.load(&fixture("clusters_dates.csv"), "clusters", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let loaded = fx.query(
        "select count(*) as n, min(valid_from) as first, max(valid_from) as last, \
         min(valid_to) as until from clusters where cluster_id like 'P2099-%'",
    );
    assert_eq!(
        loaded.stdout,
        "n,first,last,until\n5,2023-01-11,2023-01-11,2028-12-31\n"
    );
}

/// Cells formatted as percents keep fractions (35.2 % is kept as 0.352):
/// each reads as the percent it shows, so under a （%） header the column
/// loads the shares the sheet shows, not a hundred times less.
#[test]
fn percent_formatted_cells_under_a_percent_header_load_as_shown() {
    let fx = Fixture::new();
    let out = fx.load(&fixture("percent_formatted.xlsx"), "cluster_reports", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let loaded = fx.query(
        "select cluster_id, industrial_internet_rate from cluster_reports \
         where report_year = 2027 order by cluster_id",
    );
    assert_eq!(
        loaded.stdout,
        "cluster_id,industrial_internet_rate\nN2022-001,0.385\nN2022-002,0.41\n"
    );
}

/// A header of the fixture's CSV with one cell changed, as bytes.
fn report_with(header: &[&str], rows: &[&[&str]]) -> Vec<u8> {
    let mut text = header.join(",");
    text.push('\n');
    for row in rows {
        text.push_str(&row.join(","));
        text.push('\n');
    }
    text.into_bytes()
}

const HEADER: [&str; 17] = [
    "集群编号",
    "报告年度",
    "总产值（亿元）",
    "主导产业产值（万元）",
    "中小企业产值（亿元）",
    "企业数",
    "中小企业数",
    "规模以上企业数",
    "从业人员数（万人）",
    "中小企业研发经费（亿元）",
    "出口额（亿元）",
    "工业互联网平台普及率（%）",
    "万元产值综合能耗",
    "是否县域支柱产业",
    "是否获国家级平台服务",
    "是否建立集群促进机制",
    "是否建立维权机制",
];

const ROW: [&str; 17] = [
    "N2022-001",
    "2026",
    "123.45",
    "1000000",
    "98.7",
    "300",
    "290",
    "120",
    "2.8",
    "1.5",
    "33.3",
    "35.2",
    "0.06",
    "是",
    "否",
    "是",
    "否",
];

fn with(values: &[(usize, &'static str)], of: [&'static str; 17]) -> [&'static str; 17] {
    let mut changed = of;
    for (at, value) in values {
        changed[*at] = value;
    }
    changed
}

#[test]
fn files_that_would_load_wrong_are_refused_located_in_both_languages() {
    let fx = Fixture::new();
    // A bare money header: the unit is not guessed.
    let bare = with(&[(2, "总产值")], HEADER);
    let bare = report_with(&bare, &[&ROW]);
    fx.rejects(
        "bare.csv",
        &bare,
        "cluster_reports",
        &[
            "bare.csv:1: column '总产值': money needs its unit",
            "'总产值 (100 million yuan)'",
            "--unit total_output_bn_cny=UNIT",
        ],
    );
    fx.rejects_with(
        "bare_zh.csv",
        &bare,
        "cluster_reports",
        &["--lang", "zh"],
        &[
            "bare_zh.csv:1: 列 '总产值'：金额须写明单位",
            "'总产值（亿元）'",
        ],
    );
    // --unit names it, and the file loads.
    let path = fx.file("bare_with_unit.csv", &bare);
    let out = fx.load(
        &path,
        "cluster_reports",
        &["--unit", "total_output_bn_cny=亿元"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let total = fx.query(
        "select total_output_bn_cny from cluster_reports where cluster_id = 'N2022-001' and report_year = 2026",
    );
    assert_eq!(total.stdout, "total_output_bn_cny\n12.345\n");

    let fx = Fixture::new();
    // A unit that does not fit its column.
    let wrong = report_with(&with(&[(5, "企业数（亿元）")], HEADER), &[&ROW]);
    fx.rejects(
        "unfit.csv",
        &wrong,
        "cluster_reports",
        &["unfit.csv:1: column '企业数（亿元）': '亿元' does not fit enterprise_count"],
    );
    fx.rejects_with(
        "unfit_zh.csv",
        &wrong,
        "cluster_reports",
        &["--lang", "zh"],
        &["'亿元' 不适用于 enterprise_count"],
    );
    // A share over 100 %.
    let over = report_with(&HEADER, &[&with(&[(11, "135%")], ROW)]);
    fx.rejects(
        "over.csv",
        &over,
        "cluster_reports",
        &["over.csv:2: breaks the rule (industrial_internet_rate BETWEEN 0 AND 1): industrial_internet_rate = 1.35"],
    );
    fx.rejects_with(
        "over_zh.csv",
        &over,
        "cluster_reports",
        &["--lang", "zh"],
        &["over_zh.csv:2: 违反规则 (industrial_internet_rate BETWEEN 0 AND 1)：industrial_internet_rate = 1.35"],
    );
    // 是 where a number belongs.
    let yes = report_with(&HEADER, &[&with(&[(9, "是")], ROW)]);
    fx.rejects(
        "yes.csv",
        &yes,
        "cluster_reports",
        &["yes.csv:2: column 'sme_rd_bn_cny': '是' is not a DOUBLE"],
    );
    fx.rejects_with(
        "yes_zh.csv",
        &yes,
        "cluster_reports",
        &["--lang", "zh"],
        &["yes_zh.csv:2: 列 'sme_rd_bn_cny'：'是' 不是 DOUBLE"],
    );
    // A 万元 header on values that, converted, break a rule: 2,000,000 万元
    // is 20 bn, above the total of 12.345 bn.
    let over_total = report_with(&HEADER, &[&with(&[(3, "\"2,000,000\"")], ROW)]);
    fx.rejects(
        "over_total.csv",
        &over_total,
        "cluster_reports",
        &["over_total.csv:2: breaks the rule (leading_output_bn_cny <= total_output_bn_cny): total_output_bn_cny = 12.345 (written '123.45'), leading_output_bn_cny = 20.0 (written '2,000,000')"],
    );
    fx.rejects_with(
        "over_total_zh.csv",
        &over_total,
        "cluster_reports",
        &["--lang", "zh"],
        &["over_total_zh.csv:2: 违反规则 (leading_output_bn_cny <= total_output_bn_cny)：total_output_bn_cny = 12.345 (原文为 '123.45'), leading_output_bn_cny = 20.0 (原文为 '2,000,000')"],
    );
    // A header that names nothing gets the closest title.
    let unknown = report_with(&with(&[(2, "总产出（亿元）")], HEADER), &[&ROW]);
    fx.rejects(
        "unknown.csv",
        &unknown,
        "cluster_reports",
        &["unknown.csv:1: column '总产出（亿元）': names no column of cluster_reports: did you mean '总产值' (total_output_bn_cny)?"],
    );
    // --map reads it, and its unit still converts.
    let path = fx.file("mapped.csv", &unknown);
    let out = fx.load(
        &path,
        "cluster_reports",
        &["--map", "总产出=total_output_bn_cny"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("总产出（亿元） → total_output_bn_cny ÷ 10"),
        "{}",
        out.stderr
    );
}

/// A unit written after the number is taken off only whole: a cell
/// `5100 million yuan` under `(100 million yuan)` is not 5 of them.
#[test]
fn a_units_digits_are_never_taken_from_the_number() {
    let fx = Fixture::new();
    let header = "cluster_id,report_year,Total output (100 million yuan),leading_output_bn_cny,sme_output_bn_cny,\
        enterprise_count,sme_count,above_scale_count,employees,sme_rd_bn_cny,export_bn_cny,\
        industrial_internet_rate,energy_intensity,is_county_pillar,served_by_national_platform,\
        has_promotion_mechanism,has_rights_protection";
    let row = |cluster: &str, total: &str| {
        format!("{cluster},2030,{total},1,1,10,5,5,100,0.1,0.1,0.5,0.1,true,true,true,true")
    };
    let refused = format!("{header}\n{}\n", row("N2022-001", "5100 million yuan"));
    fx.rejects(
        "digits.csv",
        refused.as_bytes(),
        "cluster_reports",
        &["digits.csv:2: column 'total_output_bn_cny': '5100 million yuan' is not a DOUBLE"],
    );
    let good = format!(
        "{header}\n{}\n{}\n",
        row("N2022-002", "51 100 million yuan"),
        row("N2022-003", "\u{3000}５１亿元 ")
    );
    let path = fx.file("spaced.csv", good.as_bytes());
    let out = fx.load(&path, "cluster_reports", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let loaded = fx.query(
        "select cluster_id, total_output_bn_cny from cluster_reports where report_year = 2030 order by 1",
    );
    assert_eq!(
        loaded.stdout,
        "cluster_id,total_output_bn_cny\nN2022-002,5.1\nN2022-003,5.1\n"
    );
    // A --map or --unit that names nothing in the file is a typo.
    let out = fx.load(
        &path,
        "cluster_reports",
        &["--map", "产值=total_output_bn_cny"],
    );
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("--map '产值=…': the file has no header '产值'"),
        "{}",
        out.stderr
    );
}

/// `--labels` headings load back unchanged: export to a workbook, edit,
/// load.
#[test]
fn labelled_output_loads_back_as_it_was() {
    let fx = Fixture::new();
    let db = fx.db.to_str().expect("path");
    for (lang, year, heading) in [
        ("zh", 2034, "总产值（十亿元）"),
        ("en", 2035, "Total output (bn yuan)"),
    ] {
        let exported = fx.dir.path().join(format!("labelled_{lang}.xlsx"));
        let out = common::run(common::clusterql().args([
            "--db",
            db,
            "--lang",
            lang,
            "--labels",
            "-o",
            exported.to_str().expect("path"),
            "-c",
            &format!(
                "select * replace ({year} as report_year) from cluster_reports \
                 where report_year = 2024 and cluster_id = 'N2022-001'"
            ),
        ]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        let headers = common::run(common::clusterql().args([
            "--empty",
            "--format",
            "csv",
            "-c",
            &format!("select * from read_xlsx('{}') limit 0", exported.display()),
        ]));
        assert!(headers.stdout.contains(heading), "{}", headers.stdout);
        let out = fx.load(&exported, "cluster_reports", &[]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let differing = fx.query(&format!(
            "select count(*) as n from (select * exclude (report_year) from cluster_reports where report_year = {year} \
             except select * exclude (report_year) from cluster_reports where report_year = 2024 and cluster_id = 'N2022-001')"
        ));
        assert_eq!(differing.stdout, "n\n0\n", "{}", differing.stderr);
        let loaded = fx.query(&format!(
            "select count(*) as n from cluster_reports where report_year = {year}"
        ));
        assert_eq!(loaded.stdout, "n\n1\n");
    }
}

//! Unified social credit codes against real ones and against SQL: the
//! codes published by their holders pass the check, and the view
//! library's macros `credit_code_valid` and `credit_code_county`, run in
//! DuckDB, answer as `clusterql::credit_code` does on the same codes, the
//! generator's made ones and one-character changes of them among them.

use clusterql::credit_code::{
    ALPHABET, check_character, code_value, county_code, expected_last, is_valid,
    organization_check, validate,
};
use clusterql::engine::{Engine, EngineOptions};
use clusterql::generate::credit_codes::{BODIES, make};
use clusterql::library::VIEW_FILES;

/// Installs the two macros from the view library as it ships them (the
/// rest of the library needs the tables, which this database has not).
fn install_credit_code_macros(engine: &Engine) {
    let mut installed = Vec::new();
    for (file, sql) in VIEW_FILES {
        if file.contains("_credit_code_") {
            engine.execute_batch(sql).expect("a credit code macro");
            installed.push(*file);
        }
    }
    assert_eq!(
        installed,
        ["24_credit_code_valid.sql", "25_credit_code_county.sql"]
    );
}

// moved from src/credit_code.rs
/// Codes printed in the annual reports and filings of listed
/// companies (and Huawei's), with their holders.
const PUBLISHED: &[(&str, &str)] = &[
    ("91440300192317458F", "比亚迪股份有限公司 (BYD, 002594)"),
    (
        "91440400192548256N",
        "珠海格力电器股份有限公司 (Gree, 000651)",
    ),
    ("91440606722473344C", "美的集团股份有限公司 (Midea, 000333)"),
    (
        "91350900587527783P",
        "宁德时代新能源科技股份有限公司 (CATL, 300750)",
    ),
    ("91440300192181490G", "万科企业股份有限公司 (Vanke, 000002)"),
    (
        "91370200264574251E",
        "海尔智家股份有限公司 (Haier Smart Home, 600690)",
    ),
    (
        "91520000214434146R",
        "中航重机股份有限公司 (AVIC Heavy Machinery, 600765)",
    ),
    (
        "914403001922038216",
        "华为技术有限公司 (Huawei Technologies)",
    ),
    // Organization codes issued with the credit code, after 2015.
    ("91340111MA2RAD3M4R", "蔚来控股有限公司 (NIO Holding)"),
    (
        "92141127MA0KD1Y64A",
        "an individual business (个体工商户) of 岚县, Shanxi",
    ),
];

#[test]
fn published_codes_are_valid() {
    for (code, holder) in PUBLISHED {
        assert_eq!(validate(code), Ok(()), "{code} of {holder}");
        assert!(is_valid(code), "{code} of {holder}");
        assert_eq!(expected_last(code), code.chars().last(), "{code}");
        assert_eq!(check_character(&code[..17]), code.chars().last(), "{code}");
        assert_eq!(
            organization_check(&code[8..16]),
            code.chars().nth(16),
            "{code}"
        );
        assert_eq!(county_code(code), Some(&code[2..8]), "{code}");
    }
    assert_eq!(county_code("91350900587527783P"), Some("350900"));
    assert_eq!(county_code("92141127MA0KD1Y64A"), Some("141127"));
}

// moved from src/credit_code.rs
#[test]
fn the_sql_macros_agree() {
    let engine = Engine::open(&EngineOptions::default()).expect("an in-memory database");
    install_credit_code_macros(&engine);
    let connection = engine.connection();
    connection
        .execute_batch("CREATE TABLE codes (code VARCHAR)")
        .expect("a table");
    let mut codes: Vec<String> = PUBLISHED.iter().map(|(code, _)| code.to_string()).collect();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..300 {
        // xorshift: a fixed series of sequence numbers and counties.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let county = format!("{:06}", state % 1_000_000);
        let code = make('9', '1', &county, state % BODIES);
        // The same code with one character replaced by another of
        // the alphabet.
        let mut changed = code.clone().into_bytes();
        let position = (state >> 40) as usize % 18;
        let value =
            usize::from(code_value(changed[position]).expect("a character of the alphabet"));
        let step = 1 + (state >> 50) as usize % 30;
        changed[position] = ALPHABET[(value + step) % 31];
        codes.push(code);
        codes.push(String::from_utf8(changed).expect("ASCII"));
    }
    codes.extend(
        [
            "",
            "91440300192317458f",
            "91440300192317458FF",
            "914403O0192317458F",
            "9144A300192317458F",
            "91350203M0001QKT19",
        ]
        .map(String::from),
    );
    let mut insert = connection
        .prepare("INSERT INTO codes VALUES (?)")
        .expect("an insert");
    for code in &codes {
        insert.execute(duckdb::params![code]).expect("a row");
    }
    insert
        .execute(duckdb::params![None::<String>])
        .expect("NULL");
    let mut query = connection
        .prepare("SELECT code, credit_code_valid(code), credit_code_county(code) FROM codes")
        .expect("a query");
    let rows: Vec<(Option<String>, Option<bool>, Option<String>)> = query
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("values");
    assert_eq!(rows.len(), codes.len() + 1);
    let mut valid = 0;
    for (code, sql_valid, sql_county) in rows {
        let Some(code) = code else {
            assert_eq!((sql_valid, sql_county), (None, None));
            continue;
        };
        assert_eq!(sql_valid, Some(is_valid(&code)), "{code}");
        assert_eq!(sql_county.as_deref(), county_code(&code), "{code}");
        valid += usize::from(is_valid(&code));
    }
    assert_eq!(valid, PUBLISHED.len() + 300);
}

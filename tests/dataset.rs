//! The bundled dataset against the briefing, with SQL written on the base
//! tables (not through the view library), and against the realism rules.

mod common;

use clusterql::engine::{Engine, EngineOptions};
use clusterql::open;

fn bundled() -> Engine {
    open::open_configured(&EngineOptions::default(), false, &[]).expect("bundled data opens")
}

fn number(engine: &Engine, sql: &str) -> f64 {
    engine
        .connection()
        .query_row(sql, [], |row| row.get::<_, f64>(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

const BATCH_2022: &str =
    "(SELECT cluster_id FROM clusters WHERE level = 'national' AND batch_year = 2022)";

/// The first batch's roster in report `year`: who belongs, and the highest
/// tier each member had been awarded by then (1 champion … 4 innovative).
fn members_and_tiers(year: i32) -> String {
    format!(
        "WITH members AS (
           SELECT * FROM enterprises WHERE cluster_id IN {BATCH_2022}
             AND joined_year <= {year} AND (left_year IS NULL OR {year} < left_year)),
         top AS (
           SELECT enterprise_id, min(CASE tier WHEN 'manufacturing_champion' THEN 1 WHEN 'little_giant' THEN 2
                                               WHEN 'specialized_sme' THEN 3 ELSE 4 END) AS rank
           FROM enterprise_honors WHERE awarded_year <= {year} GROUP BY ALL)
         SELECT m.*, t.rank FROM members AS m LEFT JOIN top AS t USING (enterprise_id)"
    )
}

fn tier_counts(db: &Engine, year: i32) -> [f64; 4] {
    let roster = members_and_tiers(year);
    std::array::from_fn(|t| {
        number(
            db,
            &format!(
                "SELECT count(*)::DOUBLE FROM ({roster}) WHERE rank = {}",
                t + 1
            ),
        )
    })
}

#[test]
fn claims_c01_to_c08_hold_on_the_base_tables() {
    let db = bundled();
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM clusters WHERE level = 'national' AND batch_year = 2022"
        ),
        100.0
    );
    let smes = number(
        &db,
        &format!(
            "SELECT sum(sme_count)::DOUBLE FROM cluster_reports WHERE report_year = 2022 AND cluster_id IN {BATCH_2022}"
        ),
    );
    // 2.8万多家: 28,000-odd, not the English transcript's 280,000.
    assert!((28_000.0..29_000.0).contains(&smes), "C02: {smes}");
    let roster = members_and_tiers(2022);
    let roster_smes = number(
        &db,
        &format!("SELECT count(*)::DOUBLE FROM ({roster}) WHERE is_sme"),
    );
    assert_eq!(roster_smes, smes, "the 2022 reports count the 2022 roster");
    let output = number(
        &db,
        &format!(
            "SELECT sum(total_output_bn_cny) FROM cluster_reports WHERE report_year = 2022 AND cluster_id IN {BATCH_2022}"
        ),
    );
    assert!(output > 1_800.0, "C03: {output}");
    let [champions, giants, specialized, innovative] = tier_counts(&db, 2022);
    assert_eq!(champions, 55.0, "C04");
    assert_eq!(giants, 294.0, "C05");
    assert_eq!(specialized, 1_487.0, "C06");
    assert!((innovative - 5_000.0).abs() <= 250.0, "C07: {innovative}");
    let quality = champions + giants + specialized + innovative;
    let enterprises = number(&db, &format!("SELECT count(*)::DOUBLE FROM ({roster})"));
    // C08 read literally: over all the clusters' enterprises.
    assert!(
        quality / enterprises > 0.20,
        "C08: {}",
        quality / enterprises
    );
}

#[test]
fn the_june_2023_update_holds_on_the_base_tables() {
    let db = bundled();
    let sum = |column: &str, year: i32| {
        number(
            &db,
            &format!(
                "SELECT sum({column})::DOUBLE FROM cluster_reports WHERE report_year = {year} AND cluster_id IN {BATCH_2022}"
            ),
        )
    };
    let smes = sum("sme_count", 2023);
    assert!((31_000.0..32_000.0).contains(&smes), "J01: {smes}");
    assert!(sum("total_output_bn_cny", 2023) > 2_500.0, "J02");
    let [champions, giants, specialized, innovative] = tier_counts(&db, 2023);
    assert_eq!(champions, 73.0, "J03");
    assert_eq!(giants, 474.0, "J04");
    let quality = champions + giants + specialized + innovative;
    let share = quality / sum("enterprise_count", 2023);
    assert!((share - 0.248).abs() <= 0.003, "J05: {share}");
    let growth =
        (sum("total_output_bn_cny", 2023) / sum("total_output_bn_cny", 2020)).powf(1.0 / 3.0) - 1.0;
    assert!((growth - 0.192).abs() <= 0.0005, "J06: {growth}");
}

#[test]
fn claims_c09_to_c16_hold_on_the_base_tables() {
    let db = bundled();
    let links = number(
        &db,
        &format!(
            "SELECT count(DISTINCT link)::DOUBLE FROM chain_links WHERE cluster_id IN {BATCH_2022} AND link IN \
         ('high-performance materials', 'smart chips', 'precision instruments', 'propulsion systems for new energy vehicles', 'industrial robots')"
        ),
    );
    assert_eq!(links, 5.0, "C09");
    let share = |flag: &str| {
        number(
            &db,
            &format!(
                "SELECT avg({flag}::INTEGER) FROM cluster_reports WHERE report_year = 2022 AND cluster_id IN {BATCH_2022}"
            ),
        )
    };
    assert_eq!(share("is_county_pillar"), 1.0, "C10");
    let leading = number(
        &db,
        &format!(
            "SELECT sum(leading_output_bn_cny) / sum(total_output_bn_cny) FROM cluster_reports WHERE report_year = 2022 AND cluster_id IN {BATCH_2022}"
        ),
    );
    assert!((leading - 0.87).abs() <= 0.005, "C11: {leading}");
    assert!(share("served_by_national_platform") > 0.70, "C12");
    let promotion = share("has_promotion_mechanism");
    assert!(
        (0.85..0.90).contains(&promotion) || promotion == 0.90,
        "C13 nearly 90 %: {promotion}"
    );
    assert!(share("has_rights_protection") > 0.90, "C14");
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM clusters WHERE level = 'national' AND batch_year = 2023"
        ),
        100.0,
        "C15"
    );
    let one_county = number(
        &db,
        &format!(
            "SELECT avg((county IS NOT NULL AND regexp_full_match(county_code, '[0-9]{{6}}'))::INTEGER) FROM clusters WHERE cluster_id IN {BATCH_2022}"
        ),
    );
    assert_eq!(one_county, 1.0, "C16");
}

#[test]
fn provinces_follow_the_known_counts_and_quotas() {
    let db = bundled();
    let count = |batch: i32, province: &str| {
        number(
            &db,
            &format!(
                "SELECT count(*)::DOUBLE FROM clusters WHERE level = 'national' AND batch_year = {batch} AND province = '{province}'"
            ),
        )
    };
    for (province, expected) in [
        ("Guangdong", 7.0),
        ("Shandong", 7.0),
        ("Shanghai", 5.0),
        ("Jiangsu", 5.0),
        ("Fujian", 5.0),
        ("Jiangxi", 5.0),
        ("Sichuan", 5.0),
        ("Guizhou", 4.0),
        ("Henan", 4.0),
        ("Guangxi", 4.0),
        ("Shaanxi", 4.0),
        ("Jilin", 1.0),
    ] {
        assert_eq!(count(2022, province), expected, "2022 {province}");
    }
    for (province, expected) in [
        ("Beijing", 6.0),
        ("Hebei", 6.0),
        ("Jiangsu", 6.0),
        ("Anhui", 6.0),
        ("Fujian", 6.0),
        ("Guangdong", 7.0),
        ("Jilin", 0.0),
        // "四川四个上榜集群之一" (official_clusters.md).
        ("Sichuan", 4.0),
        // Henan's 9 after 2024, less its 4 of 2022 and 3 of 2024.
        ("Henan", 2.0),
    ] {
        assert_eq!(count(2023, province), expected, "2023 {province}");
    }
    let total = |province: &str, last_batch: i32| {
        (2022..=last_batch)
            .map(|batch| count(batch, province))
            .sum::<f64>()
    };
    // Chongqing: 13 up to June 2025, 3 of them in 2024; Inner Mongolia: 1
    // before the 2024 list, 3 by November 2025, one of them 青山区 (2024).
    assert_eq!(total("Chongqing", 2024), 13.0);
    assert_eq!(count(2024, "Chongqing"), 3.0);
    assert_eq!(total("Inner Mongolia", 2023), 1.0);
    assert_eq!(total("Inner Mongolia", 2025), 3.0);
    assert_eq!(total("Henan", 2024), 9.0);
    // The XPCC's cluster of 2022 (阿拉尔市) counts under Xinjiang.
    assert!(count(2022, "Xinjiang") >= 1.0);
    // 26 provinces in the 2022 list, ten of them with five.
    assert_eq!(
        number(
            &db,
            "SELECT count(DISTINCT province)::DOUBLE FROM clusters WHERE level = 'national' AND batch_year = 2022"
        ),
        26.0
    );
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM (SELECT province FROM clusters WHERE level = 'national' \
             AND batch_year = 2022 GROUP BY ALL HAVING count(*) = 5)"
        ),
        10.0
    );
    assert_eq!(
        number(
            &db,
            "SELECT max(n)::DOUBLE FROM (SELECT count(*) n FROM clusters WHERE level = 'national' GROUP BY batch_year, province)"
        ) <= 8.0,
        true
    );
    assert!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM clusters WHERE level = 'provincial'"
        ) >= 20.0
    );
}

#[test]
fn places_and_codes_are_consistent() {
    let db = bundled();
    // One two-digit prefix per province, and no two provinces share one.
    assert_eq!(
        number(
            &db,
            "SELECT max(n)::DOUBLE FROM (SELECT count(DISTINCT left(county_code, 2)) n FROM clusters GROUP BY province)"
        ),
        1.0
    );
    assert_eq!(
        number(
            &db,
            "SELECT max(n)::DOUBLE FROM (SELECT count(DISTINCT province) n FROM clusters GROUP BY left(county_code, 2))"
        ),
        1.0
    );
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM clusters WHERE province = 'Guangdong' AND left(county_code, 2) <> '44'"
        ),
        0.0
    );
    assert_eq!(
        number(&db, "SELECT count(DISTINCT region)::DOUBLE FROM clusters"),
        4.0
    );
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM clusters WHERE province = 'Jilin' AND region <> 'northeast'"
        ),
        0.0
    );
    // Every cluster of the official list, with its own name, and no other.
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM clusters WHERE name_source LIKE 'public report%'"
        ),
        number(
            &db,
            &format!(
                "SELECT count(*)::DOUBLE FROM read_csv('{}')",
                common::data_dir().join("official_clusters.csv").display()
            )
        )
    );
    // Four national batches of 100.
    let batches: String = db
        .connection()
        .query_row(
            "SELECT string_agg(batch_year || ':' || n, ' ' ORDER BY batch_year) FROM \
             (SELECT batch_year, count(*) AS n FROM clusters WHERE level = 'national' GROUP BY ALL)",
            [],
            |row| row.get(0),
        )
        .expect("batches");
    assert_eq!(batches, "2022:100 2023:100 2024:100 2025:100");
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM clusters WHERE name = '天津市滨海新区车规级芯片产业集群' AND batch_year = 2022"
        ),
        1.0
    );
    // No real cluster is marked revoked.
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM clusters WHERE status = 'revoked' AND name_source <> 'synthetic'"
        ),
        0.0
    );
}

#[test]
fn every_cluster_sits_in_a_real_county() {
    let db = bundled();
    assert_eq!(number(&db, "SELECT count(*)::DOUBLE FROM counties"), 2978.0);
    // Every code is a county's, and the county is that county's name.
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM clusters AS c LEFT JOIN counties AS k USING (county_code) \
             WHERE k.county IS DISTINCT FROM c.county OR k.province_zh <> c.province_zh"
        ),
        0.0
    );
    // Invented clusters say so in both languages; no invented place names.
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM clusters WHERE name LIKE '%合成区%' \
             OR (name_source = 'synthetic') <> (name LIKE '%（虚构）' AND name_en LIKE '%(invented)')"
        ),
        0.0
    );
    // No county holds two clusters of one industry.
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM (SELECT county_code, leading_industry FROM clusters \
             GROUP BY ALL HAVING count(*) > 1)"
        ),
        0.0
    );
}

/// The official list as DuckDB reads it, joined to the bundled clusters by
/// name and batch, with the county each sits in. `division_zh` is the
/// province of the division codes: the XPCC's cities are Xinjiang's.
fn official_joined() -> String {
    let path = common::data_dir().join("official_clusters.csv");
    format!(
        "(SELECT o.*, c.cluster_id, c.county_code, c.name_source, k.county AS county_name,
                 k.province_zh AS county_province,
                 CASE o.province_zh WHEN '新疆生产建设兵团' THEN '新疆维吾尔自治区' ELSE o.province_zh END AS division_zh
          FROM read_csv('{}') AS o
          LEFT JOIN clusters AS c ON c.name = o.cluster_name_zh AND c.batch_year = o.batch_year
          LEFT JOIN counties AS k USING (county_code))",
        path.display()
    )
}

/// Every real cluster of the four batches is in the data, in a county of its
/// province whose name its locality carries.
#[test]
fn every_real_cluster_is_in_the_county_its_locality_names() {
    let db = bundled();
    let official = official_joined();
    assert_eq!(
        number(
            &db,
            &format!("SELECT count(*)::DOUBLE FROM {official} WHERE cluster_id IS NULL")
        ),
        0.0
    );
    assert_eq!(
        number(
            &db,
            &format!(
                "SELECT count(*)::DOUBLE FROM {official} \
                 WHERE county_province <> division_zh OR strpos(locality_zh, county_name) = 0"
            )
        ),
        0.0
    );
    // Each under its own name once, in its own batch: no two rows of the
    // list met one cluster.
    assert_eq!(
        number(
            &db,
            &format!(
                "SELECT count(DISTINCT cluster_id)::DOUBLE FROM {official} WHERE cluster_id IS NOT NULL"
            )
        ),
        number(&db, &format!("SELECT count(*)::DOUBLE FROM {official}"))
    );
}

/// The rows whose source leaves a doubt say which in `name_source`, as
/// official_clusters.md describes them; a firm row says only where its name
/// comes from.
#[test]
fn flagged_real_clusters_say_so() {
    let db = bundled();
    let official = official_joined();
    let source = |locality: &str, batch: i32| -> String {
        db.connection()
            .query_row(
                &format!(
                    "SELECT name_source FROM {official} WHERE locality_zh = ? AND batch_year = ?"
                ),
                duckdb::params![locality, batch],
                |row| row.get(0),
            )
            .unwrap_or_else(|e| panic!("{locality} {batch}: {e}"))
    };
    for (locality, batch, expected) in [
        (
            "滕州市",
            2022,
            "public report, name rebuilt, batch year inferred",
        ),
        ("仁怀市", 2022, "public report, name rebuilt, unverified"),
        ("无为市", 2023, "public report, name rebuilt"),
        ("东阳市", 2022, "public report, batch year inferred"),
        ("绍兴市上虞区", 2022, "public report, public notice only"),
        ("肥城市", 2023, "public report, public notice only"),
        (
            "泰兴市",
            2025,
            "public report, batch year inferred, unverified",
        ),
        ("祁县", 2022, "public report"),
        ("阿拉尔市", 2022, "public report"),
    ] {
        assert_eq!(source(locality, batch), expected, "{locality} {batch}");
    }
    // Every real cluster's source begins alike, so one LIKE finds them all.
    assert_eq!(
        number(
            &db,
            &format!(
                "SELECT count(*)::DOUBLE FROM {official} WHERE name_source NOT LIKE 'public report%'"
            )
        ),
        0.0
    );
}

/// One real cluster a province, in the county the national division codes
/// (GB/T 2260, NBS 2023) give its locality: looked up by hand, not by
/// clusterql's own matching.
#[test]
fn real_clusters_sit_in_their_real_counties() {
    let db = bundled();
    let official = official_joined();
    let expected = [
        ("北京市", "北京市昌平区", "110114"),
        ("北京市", "北京市顺义区", "110113"),
        ("北京市", "北京市海淀区", "110108"),
        ("天津市", "天津市西青区", "120111"),
        ("天津市", "天津市宝坻区", "120115"),
        ("天津市", "天津市滨海新区", "120116"),
        ("河北省", "南皮县", "130927"),
        ("河北省", "清河县", "130534"),
        ("河北省", "平乡县", "130532"),
        ("山西省", "定襄县", "140921"),
        ("山西省", "祁县", "140727"),
        // 青山区 is in Baotou and in Wuhan.
        ("内蒙古自治区", "包头市青山区", "150204"),
        ("辽宁省", "锦州市太和区", "210711"),
        ("吉林省", "敦化市", "222403"),
        ("黑龙江省", "哈尔滨市平房区", "230108"),
        ("上海市", "上海市闵行区", "310112"),
        ("上海市", "上海市宝山区", "310113"),
        ("江苏省", "苏州市吴江区", "320509"),
        ("江苏省", "扬州市邗江区", "321003"),
        ("江苏省", "泰兴市", "321283"),
        ("浙江省", "余姚市", "330281"),
        ("浙江省", "绍兴市上虞区", "330604"),
        ("浙江省", "东阳市", "330783"),
        ("安徽省", "天长市", "341181"),
        ("安徽省", "无为市", "340281"),
        ("安徽省", "亳州市谯城区", "341602"),
        ("福建省", "南安市", "350583"),
        ("福建省", "德化县", "350526"),
        ("江西省", "吉安县", "360821"),
        ("江西省", "浮梁县", "360222"),
        ("山东省", "滕州市", "370481"),
        ("山东省", "博兴县", "371625"),
        ("山东省", "肥城市", "370983"),
        ("河南省", "信阳市平桥区", "411503"),
        ("河南省", "中牟县", "410122"),
        ("湖北省", "荆门市掇刀区", "420804"),
        ("广东省", "广州市海珠区", "440105"),
        ("广东省", "四会市", "441284"),
        // 龙华区 is in Shenzhen and in Haikou.
        ("广东省", "深圳市龙华区", "440309"),
        ("广东省", "东莞市万江街道", "441900"),
        ("广西壮族自治区", "南宁市良庆区", "450108"),
        ("广西壮族自治区", "贵港市覃塘区", "450804"),
        ("重庆市", "忠县", "500233"),
        ("四川省", "崇州市", "510184"),
        ("四川省", "成都市新都区", "510114"),
        // 白云区 is in Guiyang and in Guangzhou.
        ("贵州省", "贵阳市白云区", "520113"),
        ("贵州省", "仁怀市", "520382"),
        ("贵州省", "正安县", "520324"),
        ("云南省", "文山市", "532601"),
        ("陕西省", "宝鸡市金台区", "610303"),
        ("陕西省", "富平县", "610528"),
        // The XPCC's city, a county-level unit of Xinjiang's codes.
        ("新疆生产建设兵团", "阿拉尔市", "659002"),
    ];
    for (province, locality, code) in expected {
        let codes: Vec<String> = db
            .connection()
            .prepare(&format!(
                "SELECT DISTINCT county_code FROM {official} WHERE province_zh = ? AND locality_zh = ?"
            ))
            .and_then(|mut statement| {
                statement
                    .query_map([province, locality], |row| row.get(0))?
                    .collect()
            })
            .unwrap_or_else(|e| panic!("{province} {locality}: {e}"));
        assert_eq!(codes, [code], "{province} {locality}");
    }
    // Every province with a real cluster is in the table above.
    let provinces = number(
        &db,
        &format!("SELECT count(DISTINCT province_zh)::DOUBLE FROM {official}"),
    );
    let listed: std::collections::HashSet<&str> = expected.iter().map(|row| row.0).collect();
    assert_eq!(provinces, listed.len() as f64);
}

#[test]
fn a_cluster_in_no_known_county_is_refused_located() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("c.duckdb");
    let file = dir.path().join("clusters.csv");
    let mut csv =
        std::fs::read_to_string(common::data_dir().join("clusters.csv")).expect("clusters");
    let rows = csv.lines().count();
    csv.push_str("P2024-990,示例集群,Example cluster,provincial,2024,Zhejiang,浙江省,east,示例县,330999,bearings,equipment,10.0,2024-03-01,2027-02-28,active,synthetic\n");
    std::fs::write(&file, csv).expect("written");
    let out = common::run(
        common::clusterql()
            .arg("--db")
            .arg(&db)
            .args(["load", "--table", "clusters", "--replace"])
            .arg(&file),
    );
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(":{}: ", rows + 1))
            && out.stderr.contains("330999")
            && out.stderr.contains("counties"),
        "{}",
        out.stderr
    );
    let kept = common::run(common::clusterql().arg("--db").arg(&db).args([
        "--format",
        "csv",
        "-c",
        "select count(*) from clusters",
    ]));
    assert_eq!(kept.stdout, format!("count_star()\n{}\n", rows - 1));
}

#[test]
fn the_data_look_like_data() {
    let db = bundled();
    // Skewed sizes: the largest cluster far above the median.
    let skew = number(
        &db,
        "SELECT max(total_output_bn_cny) / median(total_output_bn_cny) FROM cluster_reports WHERE report_year = 2022",
    );
    assert!(skew > 3.0, "output skew {skew}");
    // Reports for 2019-2025 for every cluster, with plausible growth.
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM (SELECT cluster_id FROM cluster_reports GROUP BY cluster_id HAVING count(*) <> 7 OR min(report_year) <> 2019 OR max(report_year) <> 2025)"
        ),
        0.0
    );
    let growth = number(
        &db,
        "SELECT median(g) FROM (SELECT pow(max(total_output_bn_cny) FILTER (WHERE report_year = 2025) / max(total_output_bn_cny) FILTER (WHERE report_year = 2019), 1 / 6) - 1 AS g FROM cluster_reports GROUP BY cluster_id)",
    );
    assert!((0.05..0.2).contains(&growth), "median growth {growth}");
    // Sizes fit the national standard's classes.
    let misfits = number(
        &db,
        "SELECT count(*)::DOUBLE FROM enterprises WHERE NOT CASE size_class \
        WHEN 'large' THEN employees >= 1000 AND revenue_mn_cny >= 400 \
        WHEN 'medium' THEN employees >= 300 AND revenue_mn_cny >= 20 AND NOT (employees >= 1000 AND revenue_mn_cny >= 400) \
        WHEN 'small' THEN employees >= 20 AND revenue_mn_cny >= 3 AND NOT (employees >= 300 AND revenue_mn_cny >= 20) \
        ELSE NOT (employees >= 20 AND revenue_mn_cny >= 3) END",
    );
    assert_eq!(misfits, 0.0);
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM enterprises WHERE above_scale <> (revenue_mn_cny >= 20)"
        ),
        0.0
    );
    // Tiers sit in above-scale SMEs.
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM enterprise_honors JOIN enterprises USING (enterprise_id) WHERE NOT above_scale OR NOT is_sme"
        ),
        0.0
    );
    // A panel: enterprises join and leave, founded before they join.
    for (what, sql) in [
        (
            "leavers",
            "SELECT count(*)::DOUBLE FROM enterprises WHERE left_year IS NOT NULL",
        ),
        (
            "joiners after 2019",
            "SELECT count(*)::DOUBLE FROM enterprises WHERE joined_year > 2019",
        ),
    ] {
        assert!(number(&db, sql) > 1_000.0, "{what}");
    }
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM enterprises WHERE founded_year > joined_year"
        ),
        0.0
    );
    // Every year's report counts the roster of that year.
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM cluster_reports AS r WHERE enterprise_count <> (
               SELECT count(*) FROM enterprises AS e WHERE e.cluster_id = r.cluster_id
                 AND e.joined_year <= r.report_year AND (e.left_year IS NULL OR r.report_year < e.left_year))"
        ),
        0.0
    );
    // Sectors fit industries: every chip cluster is in electronics.
    assert_eq!(
        number(
            &db,
            "SELECT count(*)::DOUBLE FROM clusters WHERE leading_industry LIKE '%chip%' AND sector <> 'electronics'"
        ),
        0.0
    );
}

#[test]
fn regenerating_reproduces_the_bundled_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = common::run(common::clusterql().args([
        "-q",
        "generate",
        "--out",
        dir.path().to_str().expect("path"),
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for table in [
        "clusters",
        "cluster_reports",
        "chain_links",
        "briefing_claims",
        "recognition_criteria",
    ] {
        let fresh =
            std::fs::read_to_string(dir.path().join(format!("{table}.csv"))).expect("generated");
        let bundled = std::fs::read_to_string(data.join(format!("{table}.csv"))).expect("bundled");
        assert!(fresh == bundled, "{table}.csv differs from data/");
    }
    let db = bundled();
    for table in ["enterprises", "enterprise_honors"] {
        let fresh = dir.path().join(format!("{table}.parquet"));
        let differing = number(
            &db,
            &format!(
                "SELECT count(*)::DOUBLE FROM ((FROM read_parquet('{f}') EXCEPT ALL FROM {table}) UNION ALL (FROM {table} EXCEPT ALL FROM read_parquet('{f}')))",
                f = fresh.display()
            ),
        );
        assert_eq!(differing, 0.0, "{table} differs from data/");
    }
}

#[test]
fn the_prebuilt_catalogue_is_built_once_and_a_broken_cache_falls_back() {
    let cache = tempfile::tempdir().expect("temp dir");
    let holds = |cache_home: &std::path::Path| {
        let out = common::run(common::clusterql().env("XDG_CACHE_HOME", cache_home).args([
            "--format",
            "csv",
            "-c",
            "select count(*) as n from claims_checked where verdict = 'holds'",
        ]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    };
    let files = || {
        std::fs::read_dir(cache.path().join("clusterql"))
            .map(|d| d.count())
            .unwrap_or(0)
    };
    let all_hold = format!("n\n{}\n", common::checked_claims());
    assert_eq!(holds(cache.path()), all_hold);
    assert_eq!(files(), 1, "the first start builds the catalogue file");
    assert_eq!(holds(cache.path()), all_hold);
    assert_eq!(files(), 1, "later starts reuse it");
    // A cache location that cannot be a folder: the session builds in memory.
    let not_a_folder = cache.path().join("plain-file");
    std::fs::write(&not_a_folder, "x").expect("write");
    assert_eq!(holds(&not_a_folder), all_hold);
}

/// The cached catalogue is keyed by the binary that built it: a binary
/// rebuilt at its path (here the same bytes with a new time) builds its
/// catalogue again and removes the one it replaces, which no binary there
/// will look for again; a binary at another path keeps a catalogue of its
/// own.
#[test]
fn a_rebuilt_binary_builds_its_catalogue_again_in_place_of_the_old() {
    let cache = tempfile::tempdir().expect("temp dir");
    let bin = tempfile::tempdir().expect("temp dir");
    let binary = bin.path().join("clusterql");
    std::fs::copy(env!("CARGO_BIN_EXE_clusterql"), &binary).expect("copy");
    let files = || {
        let mut names: Vec<String> = std::fs::read_dir(cache.path().join("clusterql"))
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    let start = |binary: &std::path::Path| {
        let out = common::run(
            assert_cmd::Command::new(binary)
                .env_remove("COLUMNS")
                .env("CLUSTERQL_LANG", "en")
                .env("HOME", std::env::temp_dir())
                .env("XDG_CACHE_HOME", cache.path())
                .args(["--format", "csv", "-c", "select count(*) from clusters"]),
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
    };
    start(&binary);
    let first = files();
    assert_eq!(first.len(), 1, "{first:?}");
    start(&binary);
    assert_eq!(files(), first, "the same binary reuses its catalogue");

    let modified = std::fs::metadata(&binary)
        .and_then(|m| m.modified())
        .expect("time");
    std::fs::File::options()
        .write(true)
        .open(&binary)
        .and_then(|file| file.set_modified(modified - std::time::Duration::from_secs(60)))
        .expect("set the time");
    start(&binary);
    let rebuilt = files();
    assert_eq!(rebuilt.len(), 1, "{rebuilt:?}");
    assert_ne!(rebuilt, first, "a rebuilt binary builds its own");

    let elsewhere = bin.path().join("clusterql-copy");
    std::fs::copy(&binary, &elsewhere).expect("copy");
    start(&elsewhere);
    let both = files();
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(both.contains(&rebuilt[0]), "{both:?}");
}

/// `--empty` and a new database file copy a prebuilt catalogue of the
/// empty tables and the library: the same tables, constraints, views and
/// comments as building them, and a broken cache falls back to building.
#[test]
fn an_empty_start_copies_a_prebuilt_catalogue_or_builds_one() {
    let cache = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    let shape = "select (select count(*) from duckdb_tables()) as tables, \
                 (select count(*) from duckdb_constraints()) as constraints, \
                 (select count(*) from duckdb_views() where not internal) as views, \
                 (select count(*) from duckdb_columns() where comment is not null) as comments, \
                 (select count(*) from claims_checked) as claims, \
                 (select count(*) from briefing_headline(2022)) as headline";
    let described = |cache_home: &std::path::Path, database: Option<&std::path::Path>| {
        let mut command = common::clusterql();
        command
            .env("XDG_CACHE_HOME", cache_home)
            .args(["--empty", "--format", "csv"]);
        if let Some(database) = database {
            command.arg(database);
        }
        let out = common::run(command.args(["-c", shape]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    };
    let empty_files = || {
        std::fs::read_dir(cache.path().join("clusterql"))
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .filter(|e| e.file_name().to_string_lossy().starts_with("empty-"))
                    .count()
            })
            .unwrap_or(0)
    };
    // Built in place, with no cache to use.
    let not_a_folder = cache.path().join("plain-file");
    std::fs::write(&not_a_folder, "x").expect("write");
    let built = described(&not_a_folder, None);
    assert!(
        built.lines().nth(1).is_some_and(|l| !l.starts_with("0,")),
        "{built}"
    );
    assert_eq!(described(cache.path(), None), built);
    assert_eq!(
        empty_files(),
        1,
        "the first empty start builds the catalogue file"
    );
    assert_eq!(described(cache.path(), None), built);
    assert_eq!(empty_files(), 1, "later starts reuse it");
    let file = dir.path().join("new.duckdb");
    assert_eq!(described(cache.path(), Some(&file)), built);
    // The copy is the database's own: it loads and keeps what it loaded.
    let out = common::run(
        common::clusterql()
            .env("XDG_CACHE_HOME", cache.path())
            .arg(&file)
            .args(["-q", "load"])
            .arg(common::data_dir().join("clusters.csv"))
            .args(["--table", "clusters"]),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = common::run(common::clusterql().arg(&file).args([
        "--format",
        "csv",
        "-c",
        "select count(*) > 0 as loaded from clusters",
    ]));
    assert_eq!(out.stdout, "loaded\ntrue\n", "{}", out.stderr);
}

/// Every generated enterprise id is a unified social credit code that
/// passes both of GB 32100's checks, registered in its cluster's county,
/// and no two enterprises share one.
#[test]
fn enterprise_ids_are_credit_codes_of_their_clusters_county() {
    let db = bundled();
    let mut statement = db
        .connection()
        .prepare(
            "SELECT e.enterprise_id, c.county_code FROM enterprises AS e \
             JOIN clusters AS c USING (cluster_id)",
        )
        .expect("prepared");
    let rows: Vec<(String, String)> = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .and_then(|rows| rows.collect())
        .expect("the roster");
    assert!(rows.len() > 100_000, "{} rows", rows.len());
    let mut seen = std::collections::HashSet::new();
    for (id, county) in &rows {
        assert_eq!(clusterql::credit_code::validate(id), Ok(()), "{id}");
        assert_eq!(
            clusterql::credit_code::county_code(id),
            Some(county.as_str()),
            "{id}"
        );
        assert!(seen.insert(id.clone()), "{id} twice");
    }
}

//! The recognition panel through the real binary, on a hand-made fixture:
//! `tests/fixtures/panel/clusters.sql` fills an empty database (its comments
//! work every answer out by hand) and `recognition_panel` and
//! `recognition_event_study` are queried as a researcher would, CSV out.
//! Beyond `tests/slt/fixture_recognition_panel.slt`, the fixture has two
//! clusters a batch (growth is averaged per cluster, not taken of the
//! means), a missing report year, a year without output, an enterprise that
//! leaves its roster, one honored before it joined, and all four tiers.

mod common;

use common::{clusterql, clusterql_empty, run};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/panel/clusters.sql"
);

/// The fixture run on an empty in-memory database, then `sql`; CSV out.
fn on_fixture(sql: &str) -> String {
    let out = run(clusterql_empty().args(["--format", "csv", "-f", FIXTURE, "-c", sql]));
    assert_eq!(out.code, 0, "{sql}: {}", out.stderr);
    out.stdout
}

#[test]
fn the_panel_has_a_row_per_national_cluster_and_report_year() {
    let sql = "SELECT cluster_id, report_year, province, sector, batch_year, \
               years_since_recognition, recognized, status, round(log_output, 6) AS log_output, \
               round(leading_output_share, 4) AS leading_output_share, sme_count, \
               innovative_smes, specialized_smes, little_giants, manufacturing_champions, \
               quality_smes \
               FROM recognition_panel ORDER BY cluster_id, report_year";
    assert_eq!(
        on_fixture(sql),
        concat!(
            "cluster_id,report_year,province,sector,batch_year,years_since_recognition,recognized,status,log_output,leading_output_share,sme_count,innovative_smes,specialized_smes,little_giants,manufacturing_champions,quality_smes\n",
            "N2022-001,2021,Zhejiang,equipment,2022,-1,false,active,2.302585,0.8,40,0,1,0,1,2\n",
            "N2022-001,2022,Zhejiang,equipment,2022,0,true,active,2.484907,0.75,44,0,1,0,1,2\n",
            "N2022-001,2023,Zhejiang,equipment,2022,1,true,active,2.70805,0.8,50,1,1,1,0,3\n",
            "N2022-002,2021,Jiangsu,electronics,2022,-1,false,revoked,2.995732,0.5,80,1,0,0,0,1\n",
            "N2022-002,2022,Jiangsu,electronics,2022,0,true,revoked,3.401197,0.5,90,1,0,0,0,1\n",
            "N2022-002,2023,Jiangsu,electronics,2022,1,true,revoked,3.401197,0.8,90,1,0,0,0,1\n",
            "N2024-001,2022,Henan,food,2024,-2,false,active,1.386294,0.75,20,0,0,0,0,0\n",
            "N2024-001,2024,Henan,food,2024,0,true,active,1.791759,0.9,24,0,0,0,0,0\n",
            "N2024-002,2022,Guangdong,textiles,2024,-2,false,active,,,5,0,0,0,0,0\n",
            "N2024-002,2023,Guangdong,textiles,2024,-1,false,active,0.693147,0.5,8,0,0,0,0,0\n",
            "N2024-002,2024,Guangdong,textiles,2024,0,true,active,1.098612,1.0,10,0,0,0,0,0\n",
        )
    );
}

/// The 2024 batch seen in its 2022 reports: two years before recognition.
#[test]
fn a_cluster_recognized_in_2024_is_minus_two_years_from_it_in_2022() {
    let sql = "SELECT cluster_id, report_year, batch_year, years_since_recognition, recognized \
               FROM recognition_panel WHERE years_since_recognition < -1 ORDER BY cluster_id";
    assert_eq!(
        on_fixture(sql),
        concat!(
            "cluster_id,report_year,batch_year,years_since_recognition,recognized\n",
            "N2024-001,2022,2024,-2,false\n",
            "N2024-002,2022,2024,-2,false\n",
        )
    );
}

#[test]
fn provincial_clusters_stay_out_of_the_panel() {
    let sql = "SELECT count(*) AS panel_rows, count(DISTINCT cluster_id) AS clusters, \
               count(*) FILTER (WHERE cluster_id LIKE 'P%') AS provincial \
               FROM recognition_panel";
    assert_eq!(on_fixture(sql), "panel_rows,clusters,provincial\n11,4,0\n");
}

/// Means over the batch's clusters, and growth taken per cluster from its
/// own report of the year before, then averaged: none across a missing
/// year or from zero.
#[test]
fn the_event_study_averages_each_clusters_own_growth() {
    let sql = "SELECT outcome, batch_year, years_since_recognition, report_year, clusters, \
               round(mean_value, 4) AS mean_value, round(mean_growth, 4) AS mean_growth \
               FROM recognition_event_study \
               WHERE outcome IN ('total_output_bn_cny', 'quality_smes') \
                  OR (outcome = 'leading_output_share' AND batch_year = 2024) \
               ORDER BY outcome, batch_year, years_since_recognition";
    assert_eq!(
        on_fixture(sql),
        concat!(
            "outcome,batch_year,years_since_recognition,report_year,clusters,mean_value,mean_growth\n",
            "leading_output_share,2024,-2,2022,1,0.75,\n",
            "leading_output_share,2024,-1,2023,1,0.5,\n",
            "leading_output_share,2024,0,2024,2,0.95,1.0\n",
            "quality_smes,2022,-1,2021,2,1.5,\n",
            "quality_smes,2022,0,2022,2,1.5,0.0\n",
            "quality_smes,2022,1,2023,2,2.0,0.25\n",
            "quality_smes,2024,-2,2022,2,0.0,\n",
            "quality_smes,2024,-1,2023,1,0.0,\n",
            "quality_smes,2024,0,2024,2,0.0,\n",
            "total_output_bn_cny,2022,-1,2021,2,15.0,\n",
            "total_output_bn_cny,2022,0,2022,2,21.0,0.35\n",
            "total_output_bn_cny,2022,1,2023,2,22.5,0.125\n",
            "total_output_bn_cny,2024,-2,2022,2,2.0,\n",
            "total_output_bn_cny,2024,-1,2023,1,2.0,\n",
            "total_output_bn_cny,2024,0,2024,2,4.5,0.5\n",
        )
    );
}

/// Seven outcomes, each in the six (batch, years since) cells of the
/// fixture; every panel row counts once an outcome, but a share of no
/// output is no value.
#[test]
fn the_event_study_has_every_outcome_for_every_batch_year() {
    let sql = "SELECT outcome, count(*) AS n, sum(clusters) AS counted \
               FROM recognition_event_study GROUP BY outcome ORDER BY outcome";
    assert_eq!(
        on_fixture(sql),
        concat!(
            "outcome,n,counted\n",
            "export_bn_cny,6,11\n",
            "industrial_internet_rate,6,11\n",
            "leading_output_share,6,10\n",
            "quality_smes,6,11\n",
            "sme_count,6,11\n",
            "sme_rd_bn_cny,6,11\n",
            "total_output_bn_cny,6,11\n",
        )
    );
}

/// The panel's own columns carry the dictionary's titles in both languages.
#[test]
fn the_panels_columns_have_titles_in_both_languages() {
    let sql = "select years_since_recognition, recognized, log_output, mean_growth \
               from recognition_panel join recognition_event_study \
               using (batch_year, years_since_recognition) limit 1";
    for (lang, titles) in [
        (
            "zh",
            ["距认定年数", "是否已获认定", "产值对数", "平均同比增速"],
        ),
        (
            "en",
            [
                "Years since recognition",
                "Recognized",
                "Log of output",
                "Mean year-on-year growth",
            ],
        ),
    ] {
        let out = run(clusterql().args([
            "--lang", lang, "--labels", "--format", "markdown", "-c", sql,
        ]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        for title in titles {
            assert!(
                out.stdout.contains(title),
                "{lang}: {title} in {}",
                out.stdout
            );
        }
    }
}

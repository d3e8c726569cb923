//! `clusterql report`: the page and its figures parsed as XML, every mark
//! compared with the query printed under its figure, no outside resource,
//! each language in its own words, and a database of a user's own rows.

mod common;

use common::{clusterql, run};

struct Built {
    _dir: tempfile::TempDir,
    html: String,
    figures: Vec<(String, String)>,
}

fn report(lang: &str, extra: &[&str]) -> Built {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("report.html");
    let figures = dir.path().join("figures");
    let mut command = clusterql();
    command.args(["--lang", lang]).args(extra).args([
        "report",
        "-o",
        page.to_str().expect("path"),
        "--figures",
        figures.to_str().expect("path"),
    ]);
    let out = run(&mut command);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    let html = std::fs::read_to_string(&page).expect("the page");
    let mut svgs = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&figures) {
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).expect("a figure");
            svgs.push((entry.file_name().to_string_lossy().into_owned(), text));
        }
    }
    Built {
        _dir: dir,
        html,
        figures: svgs,
    }
}

/// The rows of a query, as the CLI prints them in csv.
fn query(extra: &[&str], sql: &str) -> Vec<Vec<String>> {
    let mut command = clusterql();
    command.args(extra).args(["--format", "csv", "-c", sql]);
    let out = run(&mut command);
    assert_eq!(out.code, 0, "{sql}: {}", out.stderr);
    out.stdout
        .lines()
        .skip(1)
        .map(|line| line.split(',').map(str::to_string).collect())
        .collect()
}

/// The page as XML; its `<!DOCTYPE html>` is the only DTD it has.
fn parse(text: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options)
}

fn number(text: &str) -> f64 {
    text.parse()
        .unwrap_or_else(|_| panic!("not a number: {text:?}"))
}

fn code_under(node: roxmltree::Node) -> String {
    node.descendants()
        .find(|n| n.has_tag_name("code"))
        .and_then(|n| n.text())
        .expect("the query under the figure")
        .to_string()
}

/// Every bar, tile and card equals its row of the query printed with it.
fn marks_equal_their_queries(html: &str, extra: &[&str]) -> usize {
    let document = parse(html).expect("the page is well-formed XML");
    let mut checked = 0;
    for figure in document.descendants().filter(|n| n.has_tag_name("figure")) {
        let sql = code_under(figure);
        let marks: Vec<roxmltree::Node> = figure
            .descendants()
            .filter(|n| n.has_tag_name("g") && n.attribute("data-value").is_some())
            .collect();
        let rows = query(extra, &sql);
        let id = figure.attribute("id").unwrap_or_default();
        if rows.is_empty() {
            assert!(marks.is_empty(), "{id}: marks without rows");
            continue;
        }
        if figure.attribute("data-chart") == Some("TileMap") {
            for row in &rows {
                let tile = marks
                    .iter()
                    .find(|m| m.attribute("data-label") == Some(row[0].as_str()))
                    .unwrap_or_else(|| panic!("{id}: no tile for {}", row[0]));
                assert_eq!(
                    number(tile.attribute("data-value").unwrap_or("")),
                    number(&row[1])
                );
                checked += 1;
            }
            continue;
        }
        assert_eq!(marks.len(), rows.len(), "{id}: one mark a row");
        for (mark, row) in marks.iter().zip(&rows) {
            assert_eq!(mark.attribute("data-label"), Some(row[0].as_str()), "{id}");
            let value = row.last().expect("a value");
            assert_eq!(
                number(mark.attribute("data-value").unwrap_or("")),
                number(value),
                "{id}: {}",
                row[0]
            );
            if row.len() == 3 {
                assert_eq!(mark.attribute("data-series"), Some(row[1].as_str()), "{id}");
            }
            checked += 1;
        }
    }
    // The batches compared, cell by cell.
    if let Some(table) = document
        .descendants()
        .find(|n| n.has_tag_name("table") && n.attribute("data-view") == Some("batches_compared"))
    {
        let section = table
            .ancestors()
            .find(|n| n.has_tag_name("section"))
            .expect("its section");
        let rows = query(extra, &code_under(section));
        let shown: Vec<roxmltree::Node> = table
            .descendants()
            .filter(|n| n.has_tag_name("tr") && n.attribute("data-metric").is_some())
            .collect();
        assert_eq!(shown.len(), rows.len());
        for (tr, row) in shown.iter().zip(&rows) {
            assert_eq!(tr.attribute("data-metric"), Some(row[0].as_str()));
            let cells: Vec<&str> = tr
                .children()
                .filter_map(|n| n.attribute("data-value"))
                .collect();
            // Every batch's column is shown: the four batches and the reviewed 2022 one.
            assert_eq!(cells.len(), row.len() - 1, "{}", row[0]);
            for (cell, value) in cells.iter().zip(&row[1..]) {
                match (cell.is_empty(), value.is_empty()) {
                    (true, true) => {}
                    _ => assert_eq!(number(cell), number(value), "{}", row[0]),
                }
                checked += 1;
            }
        }
    }
    // The headline cards.
    if let Some(cards) = document
        .descendants()
        .find(|n| n.attribute("data-view") == Some("batch_headline"))
    {
        let section = cards.parent().expect("the headline section");
        let rows = query(extra, &code_under(section));
        let shown: Vec<(String, f64)> = cards
            .children()
            .filter(|n| n.attribute("data-metric").is_some())
            .map(|n| {
                (
                    n.attribute("data-metric").unwrap_or_default().to_string(),
                    number(n.attribute("data-value").unwrap_or_default()),
                )
            })
            .collect();
        let expected: Vec<(String, f64)> = rows
            .iter()
            .map(|row| (row[0].clone(), number(&row[1])))
            .collect();
        assert_eq!(shown, expected);
        checked += shown.len();
    }
    checked
}

fn no_outside_resource(html: &str) {
    let document = parse(html).expect("well-formed");
    for node in document.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(
            !["script", "link", "iframe", "object", "embed", "img"].contains(&tag),
            "<{tag}>"
        );
        for attribute in node.attributes() {
            if ["src", "href"].contains(&attribute.name()) {
                panic!("<{tag} {}={}>", attribute.name(), attribute.value());
            }
        }
    }
    assert!(
        html.contains("default-src 'none'"),
        "the page forbids outside resources"
    );
    assert!(!html.contains("url("), "no CSS fetches");
}

#[test]
fn the_english_page_and_its_figures_equal_the_views() {
    let built = report("en", &[]);
    no_outside_resource(&built.html);
    let checked = marks_equal_their_queries(&built.html, &[]);
    assert!(checked > 60, "only {checked} marks checked");
    for words in [
        "Headline",
        "The claims, published against computed",
        "National clusters per province",
        "From quality_pyramid:",
        "Little giants",
    ] {
        assert!(built.html.contains(words), "{words} missing");
    }
    assert!(built.html.contains("lang=\"en\""));
    assert!(!built.html.contains("主要数据"));
    // Each figure stands alone as an SVG file, with marks in it.
    assert_eq!(
        built.figures.len(),
        9,
        "{:?}",
        built.figures.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (name, svg) in &built.figures {
        let document = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: {e}"));
        let root = document.root_element();
        assert_eq!(root.tag_name().name(), "svg", "{name}");
        assert!(root.attribute("viewBox").is_some(), "{name}");
        assert!(
            root.descendants().any(|n| n.has_tag_name("rect")),
            "{name} is empty"
        );
    }
}

#[test]
fn the_chinese_page_speaks_chinese() {
    let built = report("zh", &[]);
    no_outside_resource(&built.html);
    marks_equal_their_queries(&built.html, &[]);
    for words in [
        "主要数据",
        "公布的说法与计算值对照",
        "各省国家级集群数",
        "来自 quality_pyramid：",
        "专精特新“小巨人”企业",
        "浙江",
        "✓ 成立",
        "首批集群拥有的中小企业为两万八千余家",
    ] {
        assert!(built.html.contains(words), "{words} missing");
    }
    assert!(built.html.contains("lang=\"zh-CN\""));
    assert!(!built.html.contains("Headline"));
}

#[test]
fn a_database_of_the_users_own_rows_gets_what_it_can_show() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("own.duckdb");
    let db = db.to_str().expect("path");
    let csv = dir.path().join("clusters.csv");
    // Two clusters of the user's own, written out by DuckDB.
    let copy = format!(
        "COPY (SELECT * FROM clusters WHERE cluster_id IN ('N2022-001', 'N2022-050')) TO '{}' (HEADER)",
        csv.display()
    );
    let mut export = clusterql();
    export.args(["-c", &copy]);
    assert_eq!(run(&mut export).code, 0);
    let mut load = clusterql();
    load.args([
        "--empty",
        "--db",
        db,
        "load",
        csv.to_str().expect("path"),
        "--table",
        "clusters",
    ]);
    let loaded = run(&mut load);
    assert_eq!(loaded.code, 0, "{}", loaded.stderr);
    let built = report("en", &["--db", db]);
    no_outside_resource(&built.html);
    marks_equal_their_queries(&built.html, &["--db", db]);
    // The provinces it has are drawn; what needs reports or a roster says
    // it cannot be shown, and no empty chart is drawn.
    let document = parse(&built.html).expect("well-formed");
    let figure = |id: &str| {
        document
            .descendants()
            .find(|n| n.attribute("id") == Some(id))
            .unwrap_or_else(|| panic!("no {id}"))
    };
    assert!(
        figure("clusters-by-province")
            .descendants()
            .any(|n| n.has_tag_name("svg"))
    );
    let pyramid = figure("quality-pyramid");
    assert!(!pyramid.descendants().any(|n| n.has_tag_name("svg")));
    assert!(
        pyramid
            .descendants()
            .any(|n| n.attribute("class") == Some("empty"))
    );
    // The headline shows the one figure the clusters table gives.
    assert!(
        built
            .html
            .contains("data-metric=\"clusters\" data-value=\"2\"")
    );
    assert!(!built.html.contains("data-metric=\"smes\""));
    assert!(
        built
            .figures
            .iter()
            .all(|(name, _)| name.starts_with("clusters-"))
    );
}

#[test]
fn an_empty_database_says_what_it_cannot_show() {
    let mut command = clusterql();
    command.args(["--empty", "report"]);
    let out = run(&mut command);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("the headline cannot be shown"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("<svg"), "no empty charts");
    let document = parse(&out.stdout).expect("well-formed");
    let figures: Vec<roxmltree::Node> = document
        .descendants()
        .filter(|n| n.has_tag_name("figure"))
        .collect();
    assert_eq!(figures.len(), 9);
    for figure in figures {
        assert!(
            figure
                .descendants()
                .any(|n| n.attribute("class") == Some("empty")),
            "{:?} does not say why it is empty",
            figure.attribute("id")
        );
    }
}

#[test]
fn bars_in_the_terminal_equal_the_query() {
    let sql = "select province, count(*) as clusters, 'x' as other from clusters where level = 'national' group by province order by clusters desc, province limit 5";
    let mut command = clusterql();
    command.args(["--format", "bar", "-c", sql]);
    let out = run(&mut command);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("left out: other"), "{}", out.stderr);
    let rows = query(&[], sql);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), rows.len());
    for (line, row) in lines.iter().zip(&rows) {
        assert!(line.starts_with(&row[0]), "{line}");
        assert!(line.ends_with(&format!(" {}", row[1])), "{line}");
    }
    // The longest bar belongs to the largest value.
    let blocks = |line: &str| line.chars().filter(|c| *c == '█').count();
    assert!(blocks(lines[0]) >= blocks(lines[4]));
    let mut ascii = clusterql();
    ascii.args(["--format", "bar", "--ascii", "-c", sql]);
    let out = run(&mut ascii);
    assert!(
        out.stdout.contains('#') && !out.stdout.contains('█'),
        "{}",
        out.stdout
    );
}

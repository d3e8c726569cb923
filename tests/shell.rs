//! The interactive shell driven through a real pseudo-terminal.
//!
//! The line editor discards what is typed ahead while it sets the terminal
//! up, so the helpers wait for each prompt before typing, as a person does.

mod common;

use std::time::Duration;

use rexpect::session::{PtySession, spawn_command};
use unicode_width::UnicodeWidthStr;

const TIMEOUT_MS: u64 = 60_000;
const PROMPT: &str = "clusterql> ";
/// What the editor writes when it accepts a line (bracketed paste off).
const ACCEPTED: &str = "\x1b[?2004l";

struct Shell {
    session: PtySession,
}

impl Shell {
    fn start(home: &std::path::Path, args: &[&str]) -> Shell {
        Shell::start_with(home, args, &[])
    }

    fn start_with(home: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Shell {
        let mut command = common::clusterql_process();
        command
            .args(args)
            .env("HOME", home)
            .env("XDG_STATE_HOME", home.join("state"))
            .env("COLUMNS", "80")
            .env("TERM", "xterm");
        command.envs(env.iter().copied());
        let session = spawn_command(command, Some(TIMEOUT_MS)).expect("the shell starts in a pty");
        let mut shell = Shell { session };
        shell.expect(PROMPT);
        shell.settle();
        shell
    }

    /// Gives the editor a moment to put the terminal in raw mode.
    fn settle(&self) {
        std::thread::sleep(Duration::from_millis(300));
    }

    fn send(&mut self, text: &str) {
        self.session.send(text).expect("send");
        self.session.flush().expect("flush");
    }

    /// Types a line, and returns everything printed until the next prompt.
    fn run(&mut self, line: &str) -> String {
        self.send(line);
        self.send("\r");
        self.expect(ACCEPTED);
        let output = self.expect(PROMPT);
        self.settle();
        output
    }

    fn expect(&mut self, text: &str) -> String {
        // The reader sees each byte as one character (see `utf8`).
        let as_read: String = text.bytes().map(char::from).collect();
        match self.session.exp_string(&as_read) {
            Ok(before) => utf8(&before),
            Err(error) => panic!("expected {text:?}: {error}"),
        }
    }

    /// Starts a query that runs for minutes, presses Ctrl-C, and waits for
    /// `message` and the next prompt.
    fn cancel_a_long_query(&mut self, message: &str) {
        self.send("select count(*) from range(10000000000) a, range(10) b;\r");
        self.expect(ACCEPTED);
        std::thread::sleep(Duration::from_millis(1500));
        self.session.send_control('c').expect("ctrl-c");
        self.expect(message);
        self.expect(PROMPT);
        self.settle();
    }

    fn quit(mut self) {
        self.send(".quit\r");
        self.session.exp_eof().expect("the shell exits");
    }
}

/// The pty reader hands over each byte as one character; put the UTF-8
/// sequences back together.
fn utf8(text: &str) -> String {
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp home")
}

#[test]
fn a_multi_line_query_shows_the_continuation_prompt() {
    let home = home();
    let mut shell = Shell::start(home.path(), &["--empty"]);
    shell.send("select 40 +\r");
    shell.expect("...> ");
    shell.settle();
    let output = shell.run("2 as answer;");
    assert!(output.contains("42"), "{output}");
    shell.quit();
}

#[test]
fn tab_completes_a_view_name_and_a_column() {
    let home = home();
    let mut shell = Shell::start(home.path(), &[]);
    shell.send("select report_year from quality_sha");
    shell.send("\t");
    std::thread::sleep(Duration::from_millis(300));
    let output = shell.run(" where report_year = 2022;");
    assert!(output.contains("2022"), "{output}");
    // A column: the common prefix of leading_industry and leading_industry_share.
    shell.send("select leading_indus");
    shell.send("\t");
    std::thread::sleep(Duration::from_millis(300));
    let output = shell.run(" from clusters where cluster_id = 'N2022-001';");
    assert!(output.contains("1 row"), "{output}");
    shell.quit();
}

#[test]
fn ctrl_c_cancels_a_query_and_the_shell_goes_on() {
    let home = home();
    let mut shell = Shell::start(home.path(), &["--empty"]);
    shell.run("create table kept as select 1 as a;");
    shell.cancel_a_long_query("interrupted");
    let output = shell.run("select a * 6 * 7 as x from kept;");
    assert!(output.contains("42"), "{output}");
    shell.quit();
}

#[test]
fn a_parenthesised_query_shows_its_count_column() {
    let home = home();
    let mut shell = Shell::start(home.path(), &["--empty"]);
    shell.run(".mode csv");
    let output = shell.run(r#"(SELECT 1::BIGINT AS "Count");"#);
    assert!(output.contains("Count\r\n1"), "{output}");
    let output = shell.run(r#"(SELECT true AS "Success");"#);
    assert!(output.contains("Success\r\ntrue"), "{output}");
    let output = shell.run(r#"WITH t AS (SELECT 2::BIGINT AS "Count") SELECT * FROM t;"#);
    assert!(output.contains("Count\r\n2"), "{output}");
    shell.quit();
}

#[test]
fn mode_csv_then_a_query() {
    let home = home();
    let mut shell = Shell::start(home.path(), &["--empty"]);
    shell.run(".mode csv");
    let output = shell.run("select 1 as a, 'x y' as b;");
    assert!(output.contains("a,b\r\n1,x y"), "{output}");
    shell.quit();
}

#[test]
fn read_runs_a_file_and_timer_reports() {
    let home = home();
    let script = home.path().join("q.sql");
    std::fs::write(&script, "select 'from the file' as origin;\n").expect("write");
    let mut shell = Shell::start(home.path(), &["--empty"]);
    shell.run(".timer on");
    let output = shell.run(&format!(".read {}", script.display()));
    assert!(output.contains("from the file"), "{output}");
    assert!(output.contains("run time: "), "{output}");
    shell.quit();
}

#[test]
fn history_is_kept_across_runs() {
    let home = home();
    let mut first = Shell::start(home.path(), &["--empty"]);
    let output = first.run("select 123456 + 1 as remembered;");
    assert!(output.contains("123457"), "{output}");
    first.quit();
    let mut second = Shell::start(home.path(), &["--empty"]);
    // The newest entry is the .quit that ended the first run.
    second.send("\x1b[A");
    std::thread::sleep(Duration::from_millis(200));
    second.send("\x1b[A");
    std::thread::sleep(Duration::from_millis(300));
    let output = second.run("");
    assert!(output.contains("123457"), "{output}");
    second.quit();
}

#[test]
fn a_wide_result_fits_an_80_column_terminal() {
    let home = home();
    let mut shell = Shell::start(home.path(), &[]);
    let screen = shell.run("select * from cluster_profile limit 3;");
    let table: Vec<&str> = screen
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| l.contains('│'))
        .collect();
    assert!(!table.is_empty(), "{screen}");
    for line in table {
        assert!(line.width() <= 80, "line wider than 80 columns: {line}");
    }
    assert!(screen.contains("hidden"), "{screen}");
    shell.quit();
}

#[test]
fn pager_on_sends_results_through_the_pager() {
    let home = home();
    let mut shell = Shell::start_with(home.path(), &["--empty"], &[("PAGER", "sed s/^/paged:/")]);
    shell.run(".pager on");
    let output = shell.run("select 'through the pager' as x;");
    assert!(output.contains("paged:│ through the pager │"), "{output}");
    shell.run(".pager off");
    let output = shell.run("select 'straight' as x;");
    assert!(
        output.contains("│ straight │") && !output.contains("paged:"),
        "{output}"
    );
    shell.quit();
}

#[test]
fn load_in_the_shell_adds_rows_the_views_see() {
    let home = home();
    let db = home.path().join("s.duckdb");
    let csv = home.path().join("links.csv");
    std::fs::write(&csv, "cluster_id,link\nN2022-001,shell-loaded link\n").expect("write csv");
    let mut shell = Shell::start(home.path(), &[db.to_str().expect("path")]);
    shell.run(&format!(".load {} chain_links", csv.display()));
    let output =
        shell.run("select clusters from chain_link_suppliers where link = 'shell-loaded link';");
    assert!(output.contains("1 row"), "{output}");
    shell.quit();
}

#[test]
fn output_collects_every_result_and_once_takes_one() {
    let home = home();
    let collected = home.path().join("all.csv");
    let single = home.path().join("one.csv");
    let mut shell = Shell::start(home.path(), &["--empty"]);
    shell.run(".mode csv");
    shell.run(&format!(".output {}", collected.display()));
    shell.run("select 1 as first;");
    shell.run("select 2 as second;");
    shell.run(".output");
    let on_screen = shell.run("select 3 as third;");
    assert!(on_screen.contains("third\r\n3"), "{on_screen}");
    shell.run(&format!(".once {}", single.display()));
    shell.run("select 4 as fourth;");
    let after_once = shell.run("select 5 as fifth;");
    assert!(after_once.contains("fifth\r\n5"), "{after_once}");
    shell.quit();
    assert_eq!(
        std::fs::read_to_string(&collected).expect("written"),
        "first\n1\nsecond\n2\n"
    );
    assert_eq!(
        std::fs::read_to_string(&single).expect("written"),
        "fourth\n4\n"
    );
}

/// A Chinese desktop's environment; empty variables count as unset.
const CHINESE_LOCALE: &[(&str, &str)] = &[
    ("CLUSTERQL_LANG", ""),
    ("LC_ALL", ""),
    ("LC_MESSAGES", ""),
    ("LANGUAGE", ""),
    ("LANG", "zh_CN.UTF-8"),
];

#[test]
fn the_shell_speaks_chinese_under_a_chinese_locale() {
    let home = home();
    let mut shell = Shell::start_with(home.path(), &[], CHINESE_LOCALE);
    let help = shell.run(".help");
    assert!(
        help.contains(".describe NAME") && help.contains("本列表"),
        "{help}"
    );
    let output = shell.run("select name, province from clusters order by cluster_id limit 3;");
    assert!(output.contains("共 3 行"), "{output}");
    // Chinese cells keep the table's lines the same display width.
    let table: Vec<&str> = output
        .lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| line.starts_with(['┌', '│', '╞', '└']))
        .collect();
    assert!(table.len() >= 6, "{output}");
    let width = table[0].width();
    assert!(table.iter().all(|line| line.width() == width), "{output}");
    let described = shell.run(".describe quality_pyramid");
    assert!(described.contains("金字塔底层"), "{described}");
    let unknown = shell.run(".tabels");
    assert!(unknown.contains("是不是要用 .tables"), "{unknown}");
    shell.cancel_a_long_query("已中断");
    shell.quit();
}

#[test]
fn lang_en_overrides_a_chinese_locale_in_the_shell() {
    let home = home();
    let mut shell = Shell::start_with(home.path(), &["--lang", "en", "--empty"], CHINESE_LOCALE);
    let help = shell.run(".help");
    assert!(help.contains("this list"), "{help}");
    let output = shell.run("select '浙江' as province, 1 as n;");
    assert!(output.contains("1 row"), "{output}");
    shell.run(".mode bar");
    let bars = shell.run("select * from (values ('浙江', 4), ('Hebei', 2)) t(p, n);");
    assert!(
        bars.contains("浙江  █") && bars.contains("Hebei █"),
        "{bars}"
    );
    shell.run(".mode table");
    shell.cancel_a_long_query("interrupted");
    shell.quit();
}

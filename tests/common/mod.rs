//! Helpers shared by the integration tests: the real binary, run as a
//! process, as a user would.
#![allow(dead_code)]

use assert_cmd::Command;

pub mod load_fixture;

/// The clusterql binary built by this test run.
pub fn clusterql() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_clusterql"));
    // Keep the user's own start-up file and terminal out of the tests.
    command
        .env_remove("COLUMNS")
        .env("CLUSTERQL_LANG", "en")
        .env("HOME", std::env::temp_dir());
    command
}

/// The binary as a plain process, for pipes, signals and pseudo-terminals;
/// it speaks English, as the tests' words are English.
pub fn clusterql_process() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_clusterql"));
    command.env("CLUSTERQL_LANG", "en");
    command
}

/// The binary on an empty in-memory database.
pub fn clusterql_empty() -> Command {
    let mut command = clusterql();
    command.arg("--empty");
    command
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the command to its end and collects everything it said.
pub fn run(command: &mut Command) -> Output {
    let output = command.output().expect("the clusterql binary runs");
    Output {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// How many of the bundled claims `check` judges (every one but the
/// errata), as the data says.
pub fn checked_claims() -> usize {
    let out = run(clusterql().args([
        "--format",
        "csv",
        "-c",
        "select count(*) from briefing_claims where not erratum",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
        .lines()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("a count")
}

/// The bundled data folder the binary reads (the only folder the sandbox
/// leaves readable).
pub fn data_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// `bytes` converted from one encoding to another by another program
/// (iconv), as files in those encodings are made outside clusterql.
pub fn iconv(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let mut child = std::process::Command::new("iconv")
        .args(["-f", from, "-t", to])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("iconv runs");
    std::io::Write::write_all(child.stdin.as_mut().expect("stdin"), bytes).expect("iconv reads");
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("iconv ends");
    assert!(out.status.success(), "iconv converts");
    out.stdout
}

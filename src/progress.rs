//! The progress bar of a long query: after about two seconds, on stderr,
//! and only when stderr is a terminal (never in a pipe or a log file).

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use duckdb::ProgressHandle;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a query runs before its bar appears.
const DELAY: Duration = Duration::from_secs(2);
const TICK: Duration = Duration::from_millis(100);

/// Watches one query; dropping it removes the bar.
pub struct Watch {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// Starts watching the query about to run, if stderr is a terminal.
pub fn watch(handle: Option<ProgressHandle>) -> Option<Watch> {
    let handle = handle?;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let done = Arc::new(AtomicBool::new(false));
    let seen = Arc::clone(&done);
    let thread = std::thread::spawn(move || {
        let started = Instant::now();
        while started.elapsed() < DELAY {
            if seen.load(Ordering::Relaxed) {
                return;
            }
            std::thread::sleep(TICK);
        }
        let bar = ProgressBar::with_draw_target(Some(100), ProgressDrawTarget::stderr());
        // The label is ours; indicatif's template braces must not come
        // from the catalogue.
        let template = format!(
            "{{elapsed_precise}} [{{bar:40}}] {{pos:>3}}% {}",
            crate::t!("progress-cancel-hint").replace(['{', '}'], "")
        );
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        while !seen.load(Ordering::Relaxed) {
            if let Some(percentage) = handle.query_progress().percentage() {
                bar.set_position(percentage.clamp(0.0, 100.0) as u64);
            }
            std::thread::sleep(TICK);
        }
        bar.finish_and_clear();
    });
    Some(Watch {
        done,
        thread: Some(thread),
    })
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

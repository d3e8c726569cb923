//! Paging a result: through `$PAGER`, else `less -SRXF` (which keeps wide
//! rows unwrapped and quits at once when the text fits the screen).

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// Shows `text` through the pager when `always`, or when it is taller than
/// the terminal; otherwise, or when no pager can start, on stdout.
pub fn show(text: &[u8], always: bool) -> io::Result<()> {
    let height = terminal_size::terminal_size().map_or(usize::MAX, |(_, h)| usize::from(h.0));
    let lines = text.iter().filter(|b| **b == b'\n').count();
    if always || lines + 1 > height {
        let command = std::env::var("PAGER")
            .ok()
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| "less -SRXF".to_string());
        let mut words = command.split_whitespace();
        if let Some(program) = words.next()
            && let Ok(mut child) = Command::new(program)
                .args(words)
                .stdin(Stdio::piped())
                .spawn()
        {
            if let Some(mut input) = child.stdin.take() {
                // The user may quit the pager before reading everything.
                let _ = input.write_all(text);
            }
            child.wait()?;
            return Ok(());
        }
    }
    let mut stdout = io::stdout().lock();
    stdout.write_all(text)?;
    stdout.flush()
}

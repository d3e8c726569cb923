//! Ctrl-C: interrupts the running DuckDB query and remembers that it was
//! pressed, so that work between queries (writing output) stops too.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use duckdb::InterruptHandle;

static REQUESTED: AtomicBool = AtomicBool::new(false);
static HANDLE: Mutex<Option<Arc<InterruptHandle>>> = Mutex::new(None);

/// Installs the Ctrl-C handler for `handle`'s connection. A second call
/// only swaps the connection (the shell's `.open`).
pub fn install(handle: Arc<InterruptHandle>) {
    let first = {
        let mut slot = HANDLE
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let first = slot.is_none();
        *slot = Some(handle);
        first
    };
    if first {
        // If a handler cannot be installed, Ctrl-C keeps its default effect
        // of ending the process, which is still correct.
        let _ = ctrlc::set_handler(|| {
            REQUESTED.store(true, Ordering::SeqCst);
            let slot = HANDLE
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Some(handle) = slot.as_ref() {
                handle.interrupt();
            }
        });
    }
}

/// Whether Ctrl-C was pressed since the last [`clear`].
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

pub fn clear() {
    REQUESTED.store(false, Ordering::SeqCst);
}

//! How the C allocator under DuckDB keeps the memory DuckDB frees.
//!
//! DuckDB's own builds link jemalloc; ours, compiled by `libduckdb-sys`,
//! uses glibc's malloc. With glibc's defaults, the buffers DuckDB frees
//! and asks for again while it scans Parquet (over 32 MiB each, above
//! glibc's largest dynamic mmap threshold) go back to the kernel and return
//! as fresh, zeroed pages: a single-threaded Parquet join took five times
//! the page faults of DuckDB's Python package and spent a sixth of its time
//! in the kernel. Keeping such blocks in the heap removes most of that
//! (`bench/allocator.sh` compares the two settings).

/// Heap blocks up to this size are reused instead of being mapped anew.
const MMAP_THRESHOLD: i32 = 128 << 20;

/// Free memory at the top of the heap is kept up to this size.
const TRIM_THRESHOLD: i32 = 512 << 20;

/// Sets the thresholds before DuckDB allocates anything; a user's own
/// `GLIBC_TUNABLES` for malloc take precedence.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let user_tuned = std::env::var("GLIBC_TUNABLES")
            .is_ok_and(|tunables| tunables.contains("glibc.malloc."));
        if user_tuned {
            return;
        }
        // SAFETY: mallopt only changes allocator parameters; it is called
        // once, before any other thread exists.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        }
    }
}

/// Gives the free memory the thresholds above keep back to the system.
/// The shell calls it before it waits for the next input, so an idle
/// session holds little more than with glibc's defaults (what DuckDB's
/// worker threads free after this call stays until the next).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages; any thread may call it.
    unsafe {
        libc::malloc_trim(0);
    }
}

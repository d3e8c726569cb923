//! Temporary files that hold copies of the user's files (a sheet as CSV, a
//! text in UTF-8, a table without its title and notes, a cleaned table):
//! the leaf every step that copies uses, so that no two steps import
//! each other for it.

use crate::error::{Error, Result};

/// A new temporary file for a copy of the user's file, created exclusively
/// under a name no other copy has, and removed when the path is dropped.
/// `extension` keeps the original's (a `.tsv` copy is read with tabs).
pub(super) fn new_copy(extension: &str) -> Result<(std::fs::File, tempfile::TempPath)> {
    let file = tempfile::Builder::new()
        .prefix("clusterql-")
        .suffix(&format!(".{extension}"))
        .tempfile()
        .map_err(|e| Error::io(std::env::temp_dir(), e))?;
    Ok(file.into_parts())
}

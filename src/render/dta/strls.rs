//! `strL` values: text longer than a `str#` holds. Their row cells only
//! refer to them; the values themselves (GSO blocks) follow the data, in
//! the order of (variable, observation), so each variable's are spilled to
//! a temporary file while the rows stream and copied in at the end.

use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};

use super::write_failed;
use crate::error::{Error, Result};

/// The strL values of one variable, as GSO blocks, until the data ends.
pub(super) struct Spill {
    file: BufWriter<File>,
}

impl Spill {
    pub(super) fn new() -> io::Result<Spill> {
        Ok(Spill {
            file: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
        })
    }

    /// A GSO block: `GSO`, v (u32), o (u64), type 130 (text), the length
    /// with the final NUL, the text, NUL.
    pub(super) fn put(&mut self, variable: u32, observation: u64, text: &[u8]) -> Result<()> {
        let length = u32::try_from(text.len() + 1).map_err(write_failed)?;
        let mut head = [0u8; 20];
        head[..3].copy_from_slice(b"GSO");
        head[3..7].copy_from_slice(&variable.to_le_bytes());
        head[7..15].copy_from_slice(&observation.to_le_bytes());
        head[15] = 130;
        head[16..20].copy_from_slice(&length.to_le_bytes());
        self.file.write_all(&head).map_err(Error::Output)?;
        self.file.write_all(text).map_err(Error::Output)?;
        self.file.write_all(&[0]).map_err(Error::Output)
    }

    /// Copies the blocks spilled so far to `out`; returns the bytes copied.
    pub(super) fn copy_to(self, out: &mut impl Write) -> Result<u64> {
        let mut file = self
            .file
            .into_inner()
            .map_err(|e| Error::Output(e.into_error()))?;
        file.seek(SeekFrom::Start(0)).map_err(Error::Output)?;
        io::copy(&mut file, out).map_err(Error::Output)
    }
}

/// Where a variable's strL values go.
pub(super) struct Strl<'a> {
    /// The variable's number, from 1.
    pub(super) variable: u32,
    /// The observation number, from 1, of the batch's first row.
    pub(super) first_observation: u64,
    /// Its spill file, made by `begin` for a strL variable.
    pub(super) spill: Option<&'a mut Spill>,
}

//! `clusterql completions SHELL` and `clusterql man`: made from the same
//! clap definitions as `--help`, so they cannot fall behind it, and in the
//! interface's language where the format carries descriptions.

use std::io::Write;

use crate::error::{Error, Result};

pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    let mut command = crate::cli::command();
    clap_complete::generate(shell, &mut command, "clusterql", out);
    out.flush().map_err(Error::Output)
}

pub fn man(out: &mut dyn Write) -> Result<()> {
    let command = crate::cli::command();
    clap_mangen::Man::new(command)
        .render(out)
        .map_err(Error::Output)?;
    out.flush().map_err(Error::Output)
}

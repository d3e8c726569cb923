//! `clusterql generate`: the synthetic dataset written to a folder, with a
//! summary on stderr.

use crate::error::Result;
use crate::generate::GenerateOptions;

pub fn generate(options: &GenerateOptions, quiet: bool) -> Result<()> {
    let summary = crate::generate::generate(options)?;
    if !quiet {
        eprintln!(
            "wrote {} roster rows ({} SMEs in 2022, scale {:.1}) and {} honors to {} in {:.2} s ({:.1} million roster rows a second)",
            summary.enterprises,
            summary.smes_2022,
            summary.factor,
            summary.honors,
            options.out.display(),
            summary.seconds,
            summary.enterprises as f64 / summary.seconds / 1e6
        );
    }
    Ok(())
}

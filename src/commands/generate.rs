//! `clusterql generate`: the synthetic dataset written to a folder, with a
//! summary on stderr.

use crate::error::Result;
use crate::generate::GenerateOptions;
use crate::t;

pub fn generate(options: &GenerateOptions, quiet: bool) -> Result<()> {
    let summary = crate::generate::generate(options)?;
    if !quiet {
        let per_second = summary.enterprises as f64 / summary.seconds / 1e6;
        eprintln!(
            "{}",
            t!(
                "generate-summary",
                rows = summary.enterprises,
                smes = summary.smes_2022,
                scale = format!("{:.1}", summary.factor),
                honors = summary.honors,
                out = options.out.display().to_string(),
                seconds = format!("{:.2}", summary.seconds),
                millions = format!("{per_second:.1}")
            )
        );
    }
    Ok(())
}

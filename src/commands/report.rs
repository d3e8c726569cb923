//! `clusterql report`: the briefing as an HTML page (the work is in
//! `crate::report`), to `-o FILE` or stdout, and each chart as an SVG file
//! of its own with `--figures DIR`.

use std::io::Write;
use std::path::Path;

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::report::ReportOptions;

pub fn report(
    engine: &Engine,
    options: &ReportOptions,
    figures_dir: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let report = crate::report::build(engine, options)?;
    if let Some(dir) = figures_dir {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        for (name, svg) in &report.figures {
            let path = dir.join(name);
            let text = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}\n");
            std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
        }
    }
    out.write_all(report.html.as_bytes())
        .map_err(Error::Output)?;
    out.flush().map_err(Error::Output)
}

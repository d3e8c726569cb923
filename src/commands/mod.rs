//! The subcommands that do one job and exit, one file each.

pub mod check;
pub mod completions;
pub mod generate;
pub mod load;
pub mod report;
pub mod views;

//! A table function that reads files, as `--sandbox` has it: present,
//! taking the same parameters, and refusing every call with its own words,
//! as every other file access is refused. One refusing twin serves every
//! reader of clusterql's own (`read_xlsx`, `read_table`).

use std::marker::PhantomData;

use duckdb::core::{DataChunkHandle, LogicalTypeHandle};
use duckdb::vtab::{BindInfo, InitInfo, TableFunctionInfo, VTab};

/// A table function of clusterql's that reads files.
pub trait ReadsFiles: VTab {
    /// The catalogue key of its refusal under `--sandbox`.
    const REFUSAL: &'static str;
}

/// The refusing twin of `T`.
pub struct Refused<T>(PhantomData<T>);

/// A refused call has nothing to bind or scan.
pub struct Nothing;

impl<T: ReadsFiles> VTab for Refused<T> {
    type InitData = Nothing;
    type BindData = Nothing;

    fn bind(_: &BindInfo) -> Result<Nothing, Box<dyn std::error::Error>> {
        Err(crate::t!(T::REFUSAL).into())
    }

    fn init(_: &InitInfo) -> Result<Nothing, Box<dyn std::error::Error>> {
        Ok(Nothing)
    }

    fn func(
        _: &TableFunctionInfo<Self>,
        output: &mut DataChunkHandle,
    ) -> Result<(), Box<dyn std::error::Error>> {
        output.set_len(0);
        Ok(())
    }

    fn parameters() -> Option<Vec<LogicalTypeHandle>> {
        T::parameters()
    }

    fn named_parameters() -> Option<Vec<(String, LogicalTypeHandle)>> {
        T::named_parameters()
    }
}

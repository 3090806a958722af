//! The office-interop subcommands (`export`, `import`, `ics`, `eml`, `archive`, `scan`): each
//! file owns its arguments and is a thin call into `xiezuo-interop`. They get a way to open the
//! database rather than an open engine, because `archive verify` reads only a folder and must not
//! create a database as a side effect.

pub mod archive;
pub mod eml;
pub mod ics;
pub mod scan;
pub mod xlsx;

use xiezuo_engine::{Engine, EngineError};

/// Opens the database named on the command line (or the default one).
pub type Open<'a> = &'a dyn Fn() -> Result<Engine, EngineError>;

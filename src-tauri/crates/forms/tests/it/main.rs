//! Forms integration tests, in one binary so the workspace links one test executable per crate
//! (each one carries the whole PDF stack; see the dev profile in the root Cargo.toml).

mod common;

mod documents;
mod fonts;
mod golden;
mod pagination;
mod records;

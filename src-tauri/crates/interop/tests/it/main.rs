//! Interop integration tests, in one binary so the workspace links one test executable per crate
//! (each one carries the engine, the PDF stack and every file format).

mod common;

mod archive;
mod bindings;
mod eml;
mod ics;
mod scan;
mod xlsx;

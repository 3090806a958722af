//! Engine integration tests: one binary, one temp database file per test.

mod support;

mod backup;
mod bindings;
mod calendar;
mod data;
mod exec;
mod gates;
mod process;
mod queries;
mod storage;
mod import;

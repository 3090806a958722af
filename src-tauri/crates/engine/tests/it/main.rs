//! Engine integration tests: one binary, one temp database file per test.

mod support;
mod tmpfs;

mod backup;
mod bad_database;
mod bindings;
mod calendar;
mod data;
mod exec;
mod gates;
mod migrations;
mod process;
mod queries;
mod storage;
mod import;
mod hostile;

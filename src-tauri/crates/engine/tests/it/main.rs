//! Engine integration tests: one binary, one temp database file per test.

mod support;

mod backup;
mod calendar;
mod exec;
mod gates;
mod process;
mod queries;
mod storage;

//! Arbitrary bytes through the spreadsheet import parser, without a database: for every input it
//! must answer with parsed rows or a typed error, and never panic, hang or exhaust memory.
//!
//! A panic inside the third-party reader (calamine) is turned into an "unreadable file" error by
//! design, so what this target finds are panics in Xiezuo's own parsing, hangs and memory blow-ups.
//! Good seeds: the workbooks `xiezuo export xlsx register|tasks` writes, and an .xls saved from them.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(
    init: {
        // libfuzzer-sys aborts on every panic, even one caught inside the code under test; the
        // import catches calamine's (`read::guarded`) on purpose, so the default hook is put back.
        // A panic that escapes still reaches libfuzzer-sys's own catch, which aborts: a finding.
        let _ = std::panic::take_hook();
    },
    |data: &[u8]| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a valid date");
    if let Ok(parsed) = xiezuo_interop::xlsx::parse_bytes(data, Path::new("fuzz.xlsx"), today) {
        // Walk the result so nothing is optimised away.
        let _ = (parsed.kind(), parsed.rows(), parsed.problems().count());
    }
    }
);

//! Time, injectable, and the hybrid logical clock that orders changes across devices.
//!
//! Every rule that depends on "now" (deadlines, overdue, the attention list) asks the engine's
//! `Clock`, so tests and the CLI's `--now` can pin time. The hybrid logical clock (HLC) stamps each
//! change-log entry so that changes from several laptops can later be merged in a causal order even
//! when their wall clocks disagree.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::sync::Arc;

/// Mainland China is UTC+8 all year; dates shown to users ("today", due dates) are in this zone.
pub fn china_offset() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// The local calendar date, in the company's time zone.
    fn today(&self) -> NaiveDate {
        self.now().with_timezone(&china_offset()).date_naive()
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still unless told to move; for tests, benchmarks and `xiezuo --now`.
#[derive(Debug)]
pub struct FixedClock(std::sync::Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Arc<Self> {
        Arc::new(Self(std::sync::Mutex::new(at)))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = at;
    }

    pub fn advance(&self, by: chrono::Duration) {
        let mut at = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *at += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Hybrid logical clock: milliseconds of wall time plus a counter for events in the same
/// millisecond (or when the wall clock stepped back). Rendered as a fixed-width string so that
/// text order is causal order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Hlc {
    pub millis: i64,
    pub counter: u32,
}

impl Hlc {
    /// The next timestamp after `self`, given the current wall time.
    pub fn tick(self, wall_millis: i64) -> Hlc {
        if wall_millis > self.millis {
            Hlc { millis: wall_millis, counter: 0 }
        } else {
            Hlc { millis: self.millis, counter: self.counter + 1 }
        }
    }

    /// Encodes as `MMMMMMMMMMMMM-CCCCCC-device`; fixed width keeps text order equal to clock order.
    pub fn encode(self, device: &str) -> String {
        format!("{:013}-{:06}-{}", self.millis.max(0), self.counter, device)
    }

    /// Reads back the clock part of an encoded stamp (the device suffix is ignored).
    pub fn decode(text: &str) -> Option<Hlc> {
        let mut parts = text.splitn(3, '-');
        let millis = parts.next()?.parse().ok()?;
        let counter = parts.next()?.parse().ok()?;
        Some(Hlc { millis, counter })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hlc_moves_forward_even_when_the_wall_clock_steps_back() {
        let a = Hlc::default().tick(1_000);
        let b = a.tick(900);
        let c = b.tick(1_000);
        let d = c.tick(2_000);
        assert!(a < b && b < c && c < d);
        assert_eq!(b, Hlc { millis: 1_000, counter: 1 });
        assert_eq!(d, Hlc { millis: 2_000, counter: 0 });
        assert!(a.encode("dev") < b.encode("dev"));
        assert_eq!(Hlc::decode(&c.encode("dev-1")), Some(c));
    }
}

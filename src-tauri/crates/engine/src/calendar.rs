//! Working-day calendar for mainland China: decides whether a date is a working day and where a
//! deadline of "N working days" falls. It owns the holiday data shipped with the app (the
//! State Council schedules for 2025 and 2026, bundled in the holiday-cn JSON format), years the user
//! imports later (a year's schedule is only published around the previous November, so the app must
//! accept new files rather than wait for a release), and per-date user overrides. Precedence is
//! override > imported > bundled > the plain rule (Saturday and Sunday off), because the user knows
//! their office best and an imported file is newer than what shipped. Holiday files list only
//! exceptions: off days inside holiday periods and make-up working days (调休) on weekends.
//! Counting starts on the next working day after the start date, so "sent Fri 2026-02-13, within 2
//! working days" is due Tue 2026-02-24. Everything here is pure (no database, no clock); the store
//! persists imports and overrides and feeds them back in.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Years we accept in holiday files; anything else is a typo or a wrong file.
const SUPPORTED_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Upper bound on the days `due` walks. Real data never has more than about 20 consecutive off days,
/// but user overrides could mark every day off; past ten years we stop and return the date reached.
const MAX_SEARCH_DAYS: u32 = 3660;

/// The holiday-cn files shipped with the app, as (year, JSON text).
const BUNDLED_FILES: [(i32, &str); 2] =
    [(2025, include_str!("../data/holidays/2025.json")), (2026, include_str!("../data/holidays/2026.json"))];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("not a valid holiday-cn file: {reason}")]
    InvalidJson { reason: String },
    #[error("invalid date {value:?} in holiday file (expected YYYY-MM-DD)")]
    InvalidDate { value: String },
    #[error("date {date} is listed more than once in the holiday file")]
    DuplicateDate { date: NaiveDate },
    #[error("date {date} does not belong to the holiday file for {year}")]
    DateOutsideYear { year: i32, date: NaiveDate },
    #[error("year {year} is outside the supported range 2000–2100")]
    UnsupportedYear { year: i32 },
}

/// One exception day from a holiday file. Serialized with holiday-cn field names (`isOffDay`), so a
/// `HolidayYear` written back out with `serde_json` is again a valid holiday-cn file.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct HolidayDay {
    pub name: String,
    pub date: NaiveDate,
    pub is_off_day: bool,
}

/// One holiday-cn file: the schedule of one year, validated by [`parse_holiday_cn`].
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct HolidayYear {
    pub year: i32,
    pub papers: Vec<String>,
    pub days: Vec<HolidayDay>,
}

/// The file as it arrives, before validation; dates stay text so a bad one can be named in the error.
#[derive(Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
struct RawYear {
    year: i32,
    #[serde(default)]
    papers: Vec<String>,
    days: Vec<RawDay>,
}

#[derive(Deserialize, ts_rs::TS)]
#[ts(optional_fields)]
struct RawDay {
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

/// Parses and validates one holiday-cn JSON file.
///
/// Rejects years outside 2000–2100, dates that are not `YYYY-MM-DD`, dates listed twice, and dates
/// outside the file's year. holiday-cn files sometimes carry a day of the neighbouring year (a
/// make-up day in late December or a holiday running into January), so December of `year - 1` and
/// January of `year + 1` are accepted.
///
/// # Errors
/// The first problem found, as a [`CalendarError`]; the file is rejected as a whole.
pub fn parse_holiday_cn(json: &str) -> Result<HolidayYear, CalendarError> {
    let raw: RawYear = serde_json::from_str(json).map_err(|e| CalendarError::InvalidJson { reason: e.to_string() })?;
    if !SUPPORTED_YEARS.contains(&raw.year) {
        return Err(CalendarError::UnsupportedYear { year: raw.year });
    }
    let mut seen = BTreeSet::new();
    let mut days = Vec::with_capacity(raw.days.len());
    for raw_day in raw.days {
        let date = parse_iso_date(&raw_day.date)?;
        if !belongs_to_file_year(raw.year, date) {
            return Err(CalendarError::DateOutsideYear { year: raw.year, date });
        }
        if !seen.insert(date) {
            return Err(CalendarError::DuplicateDate { date });
        }
        days.push(HolidayDay { name: raw_day.name, date, is_off_day: raw_day.is_off_day });
    }
    Ok(HolidayYear { year: raw.year, papers: raw.papers, days })
}

/// Strict `YYYY-MM-DD`: chrono alone would also accept `2026-2-4` or a signed year.
fn parse_iso_date(value: &str) -> Result<NaiveDate, CalendarError> {
    let invalid = || CalendarError::InvalidDate { value: value.to_owned() };
    if value.len() != 10 {
        return Err(invalid());
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| invalid())
}

/// A file for `year` may list its own dates plus the adjoining December and January.
fn belongs_to_file_year(year: i32, date: NaiveDate) -> bool {
    date.year() == year || (date.year() == year - 1 && date.month() == 12) || (date.year() == year + 1 && date.month() == 1)
}

/// The holiday years shipped with the app. Parsed once; the files are compile-time constants and a
/// test proves they parse, so a failure here is a build defect, not a runtime condition.
///
/// # Panics
/// Only if a bundled file is invalid, which `tests::bundled_files_parse` rules out.
pub fn bundled_years() -> Vec<HolidayYear> {
    static PARSED: OnceLock<Vec<HolidayYear>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            BUNDLED_FILES
                .iter()
                .map(|(year, json)| parse_holiday_cn(json).unwrap_or_else(|e| panic!("bundled holiday file {year} is invalid: {e}")))
                .collect()
        })
        .clone()
}

/// Which layer decided a day. `Rule` means no file or override lists the date; whether that rule is
/// trustworthy for the year is answered by [`WorkCalendar::has_data`].
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DaySource {
    Rule,
    Bundled,
    Imported,
    Override,
}

#[derive(Clone, Debug, Serialize, PartialEq, ts_rs::TS)]
pub struct DayInfo {
    pub date: NaiveDate,
    pub is_working_day: bool,
    /// Holiday name from the file, or the note of a user override.
    pub name: Option<String>,
    pub source: DaySource,
}

/// Result of a deadline computation.
#[derive(Clone, Debug, Serialize, PartialEq, ts_rs::TS)]
pub struct Due {
    pub date: NaiveDate,
    /// Working days actually counted: equal to the request, unless the search hit its cap
    /// (see [`WorkCalendar::due`]).
    pub working_days: u32,
    /// Years crossed in (start, due] that have no holiday data, so the deadline assumed plain weekends.
    pub years_without_data: Vec<i32>,
}

/// The exception days of one holiday file, indexed by date.
type DayTable = BTreeMap<NaiveDate, HolidayDay>;

#[derive(Clone, Debug)]
struct Override {
    is_working_day: bool,
    note: Option<String>,
}

/// Working-day calendar. `Default` has no holiday data at all (weekends only); use
/// [`WorkCalendar::with_bundled`] for the shipped schedules.
#[derive(Clone, Debug, Default)]
pub struct WorkCalendar {
    /// Keyed by the file's year, not the year of each date (a file may carry neighbouring days).
    bundled: BTreeMap<i32, DayTable>,
    imported: BTreeMap<i32, DayTable>,
    overrides: BTreeMap<NaiveDate, Override>,
}

impl WorkCalendar {
    pub fn with_bundled() -> Self {
        let mut calendar = Self::default();
        for year in bundled_years() {
            calendar.bundled.insert(year.year, day_table(year));
        }
        calendar
    }

    /// Adds a year from a file the user imported (expected to come from [`parse_holiday_cn`]).
    /// It replaces any earlier import of that year and, as a whole, the bundled file for that year:
    /// a newer file may also drop days, so merging per date would be wrong.
    pub fn add_imported(&mut self, year: HolidayYear) {
        self.imported.insert(year.year, day_table(year));
    }

    /// A user edit for one date; wins over every file.
    pub fn set_override(&mut self, date: NaiveDate, is_working_day: bool, note: Option<String>) {
        self.overrides.insert(date, Override { is_working_day, note });
    }

    pub fn clear_override(&mut self, date: NaiveDate) {
        self.overrides.remove(&date);
    }

    /// Whether a bundled or imported file covers `year` (overrides alone do not count).
    pub fn has_data(&self, year: i32) -> bool {
        self.bundled.contains_key(&year) || self.imported.contains_key(&year)
    }

    /// Sorted years covered by bundled or imported data.
    pub fn years_with_data(&self) -> Vec<i32> {
        let years: BTreeSet<i32> = self.bundled.keys().chain(self.imported.keys()).copied().collect();
        years.into_iter().collect()
    }

    /// Precedence: override > imported > bundled > rule (Saturday and Sunday off).
    pub fn day(&self, date: NaiveDate) -> DayInfo {
        if let Some(o) = self.overrides.get(&date) {
            return DayInfo { date, is_working_day: o.is_working_day, name: o.note.clone(), source: DaySource::Override };
        }
        if let Some((day, source)) = self.listed_day(date) {
            return DayInfo { date, is_working_day: !day.is_off_day, name: Some(day.name.clone()), source };
        }
        DayInfo { date, is_working_day: !is_weekend(date), name: None, source: DaySource::Rule }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.day(date).is_working_day
    }

    /// The date `working_days` working days after `start`. Counting starts on the next working day
    /// after `start` (the day something is sent does not count), so 0 returns `start` itself.
    ///
    /// The walk is capped at 3660 days. Only an override set marking years of days off can reach
    /// the cap; that is treated as impossible input and the date reached is returned, with
    /// `working_days` telling how many were actually counted.
    pub fn due(&self, start: NaiveDate, working_days: u32) -> Due {
        let mut date = start;
        let mut counted = 0;
        let mut years_without_data = BTreeSet::new();
        for _ in 0..MAX_SEARCH_DAYS {
            if counted == working_days {
                break;
            }
            let Some(next) = date.succ_opt() else { break };
            date = next;
            if !self.has_data(date.year()) {
                years_without_data.insert(date.year());
            }
            if self.is_working_day(date) {
                counted += 1;
            }
        }
        Due { date, working_days: counted, years_without_data: years_without_data.into_iter().collect() }
    }

    /// Every day of `year` in order, for the "view a year" screen. Empty if chrono cannot
    /// represent the year.
    pub fn year(&self, year: i32) -> Vec<DayInfo> {
        let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            return Vec::new();
        };
        first.iter_days().take_while(|d| d.year() == year).map(|d| self.day(d)).collect()
    }

    /// The file entry for `date`, if any: the file of the date's own year first, then the
    /// neighbouring files that may carry it. For each year an import hides the bundled file.
    fn listed_day(&self, date: NaiveDate) -> Option<(&HolidayDay, DaySource)> {
        let y = date.year();
        [y, y + 1, y - 1].into_iter().find_map(|file_year| {
            let (table, source) = self.file_for(file_year)?;
            table.get(&date).map(|day| (day, source))
        })
    }

    fn file_for(&self, year: i32) -> Option<(&DayTable, DaySource)> {
        if let Some(table) = self.imported.get(&year) {
            return Some((table, DaySource::Imported));
        }
        self.bundled.get(&year).map(|table| (table, DaySource::Bundled))
    }
}

fn day_table(year: HolidayYear) -> DayTable {
    year.days.into_iter().map(|day| (day.date, day)).collect()
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn due_date(cal: &WorkCalendar, start: &str, n: u32) -> NaiveDate {
        cal.due(d(start), n).date
    }

    /// A fictional 2027 schedule, only for tests: New Year's Day off.
    const TEST_2027: &str = r#"{"year":2027,"papers":["test"],"days":[
        {"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#;

    #[test]
    fn bundled_files_parse() {
        let years = bundled_years();
        let summary: Vec<(i32, usize)> = years.iter().map(|y| (y.year, y.days.len())).collect();
        // 2025: 28 off days + 5 make-up days; 2026: 33 off days + 6 make-up days.
        assert_eq!(summary, vec![(2025, 33), (2026, 39)]);
        assert!(years.iter().all(|y| !y.papers.is_empty()));
        assert_eq!(WorkCalendar::with_bundled().years_with_data(), vec![2025, 2026]);
    }

    #[test]
    fn bundled_make_up_days_are_weekends_and_off_days_are_named() {
        let cal = WorkCalendar::with_bundled();
        for year in bundled_years() {
            for day in &year.days {
                if !day.is_off_day {
                    assert!(is_weekend(day.date), "make-up day {} is not a weekend", day.date);
                }
                assert_eq!(cal.day(day.date).source, DaySource::Bundled);
            }
        }
        let info = cal.day(d("2026-02-14"));
        assert_eq!(info, DayInfo { date: d("2026-02-14"), is_working_day: true, name: Some("春节".into()), source: DaySource::Bundled });
        assert!(!cal.is_working_day(d("2026-02-16")));
        // Days the file does not list follow the rule.
        assert_eq!(cal.day(d("2026-03-07")).source, DaySource::Rule); // Saturday
        assert!(!cal.is_working_day(d("2026-03-07")));
        assert!(cal.is_working_day(d("2026-03-09"))); // Monday
    }

    #[test]
    fn working_days_per_bundled_year() {
        // 261 weekdays each; 2025: 18 weekday holidays, 5 make-up days; 2026: 19 and 6.
        let cal = WorkCalendar::with_bundled();
        for year in [2025, 2026] {
            let days = cal.year(year);
            assert_eq!(days.len(), 365);
            assert_eq!(days.iter().filter(|i| i.is_working_day).count(), 248, "{year}");
        }
        assert_eq!(cal.year(2024).len(), 366);
    }

    #[test]
    fn spring_festival_2026_sent_friday_before() {
        let cal = WorkCalendar::with_bundled();
        // Sat 02-14 is a make-up working day (day 1), 02-15..23 off, Tue 02-24 is day 2.
        assert_eq!(due_date(&cal, "2026-02-13", 1), d("2026-02-14"));
        let due = cal.due(d("2026-02-13"), 2);
        assert_eq!(due, Due { date: d("2026-02-24"), working_days: 2, years_without_data: vec![] });
    }

    #[test]
    fn spring_festival_2026_sent_thursday_before() {
        let cal = WorkCalendar::with_bundled();
        // Fri 02-13 is day 1, make-up Sat 02-14 is day 2.
        assert_eq!(due_date(&cal, "2026-02-12", 2), d("2026-02-14"));
        assert_eq!(due_date(&cal, "2026-02-12", 3), d("2026-02-24"));
    }

    #[test]
    fn spring_festival_2026_sent_during_holiday() {
        let cal = WorkCalendar::with_bundled();
        assert_eq!(due_date(&cal, "2026-02-17", 1), d("2026-02-24"));
        assert_eq!(due_date(&cal, "2026-02-17", 2), d("2026-02-25"));
        // Sent on the make-up Saturday itself: the next working day is after the holiday.
        assert_eq!(due_date(&cal, "2026-02-14", 1), d("2026-02-24"));
        // Wed 02-25 .. Fri 02-27, then Sat 02-28 is a make-up working day.
        assert_eq!(due_date(&cal, "2026-02-24", 4), d("2026-02-28"));
        assert_eq!(due_date(&cal, "2026-02-24", 5), d("2026-03-02"));
    }

    #[test]
    fn national_day_2026() {
        let cal = WorkCalendar::with_bundled();
        // 10-01..07 off; Thu 10-08, Fri 10-09, then make-up Sat 10-10.
        assert_eq!(due_date(&cal, "2026-09-30", 1), d("2026-10-08"));
        assert_eq!(due_date(&cal, "2026-09-30", 2), d("2026-10-09"));
        assert_eq!(due_date(&cal, "2026-09-30", 3), d("2026-10-10"));
        assert_eq!(due_date(&cal, "2026-09-30", 4), d("2026-10-12"));
        // Mid-Autumn 09-25..27 off: sent Thu 09-24, next working day Mon 09-28.
        assert_eq!(due_date(&cal, "2026-09-24", 1), d("2026-09-28"));
        // Sun 09-20 is a make-up working day.
        assert_eq!(due_date(&cal, "2026-09-18", 1), d("2026-09-20"));
    }

    #[test]
    fn national_day_2025_with_make_up_days() {
        let cal = WorkCalendar::with_bundled();
        // Fri 09-26: Sun 09-28 is a make-up working day.
        assert_eq!(due_date(&cal, "2025-09-26", 1), d("2025-09-28"));
        assert_eq!(due_date(&cal, "2025-09-26", 2), d("2025-09-29"));
        // Tue 09-30: 10-01..08 off; Thu 10-09, Fri 10-10, make-up Sat 10-11, Mon 10-13.
        assert_eq!(due_date(&cal, "2025-09-30", 1), d("2025-10-09"));
        assert_eq!(due_date(&cal, "2025-09-30", 2), d("2025-10-10"));
        assert_eq!(due_date(&cal, "2025-09-30", 3), d("2025-10-11"));
        assert_eq!(due_date(&cal, "2025-09-30", 4), d("2025-10-13"));
    }

    #[test]
    fn new_year_boundary_2025_to_2026() {
        let cal = WorkCalendar::with_bundled();
        // 2026-01-01..03 off, Sun 01-04 is a make-up working day, Mon 01-05 follows.
        assert_eq!(due_date(&cal, "2025-12-31", 1), d("2026-01-04"));
        let due = cal.due(d("2025-12-31"), 2);
        assert_eq!(due.date, d("2026-01-05"));
        assert!(due.years_without_data.is_empty());
    }

    #[test]
    fn zero_working_days_is_the_start_date() {
        let cal = WorkCalendar::with_bundled();
        // Even on a holiday, and without touching any year.
        let due = cal.due(d("2026-02-17"), 0);
        assert_eq!(due.date, d("2026-02-17"));
        assert_eq!(due.working_days, 0);
        assert!(cal.due(d("2027-06-01"), 0).years_without_data.is_empty());
    }

    #[test]
    fn year_without_data_uses_weekends_and_is_reported() {
        let mut cal = WorkCalendar::with_bundled();
        assert!(!cal.has_data(2027));
        // Thu 2026-12-31: Fri 2027-01-01 counts as an ordinary weekday, then Mon 01-04.
        let due = cal.due(d("2026-12-31"), 2);
        assert_eq!(due.date, d("2027-01-04"));
        assert_eq!(due.years_without_data, vec![2027]);
        assert_eq!(cal.day(d("2027-01-01")).source, DaySource::Rule);

        cal.add_imported(parse_holiday_cn(TEST_2027).unwrap());
        assert!(cal.has_data(2027));
        assert_eq!(cal.years_with_data(), vec![2025, 2026, 2027]);
        // Now 2027-01-01 is off: Mon 01-04 is day 1, Tue 01-05 day 2.
        let due = cal.due(d("2026-12-31"), 2);
        assert_eq!(due.date, d("2027-01-05"));
        assert!(due.years_without_data.is_empty());
        assert_eq!(cal.day(d("2027-01-01")).source, DaySource::Imported);
    }

    #[test]
    fn years_without_data_are_sorted_and_deduplicated() {
        let cal = WorkCalendar::with_bundled();
        // Mon 2024-12-30 + 600 working days walks through 2024 (one day), 2025, 2026 into 2027.
        let due = cal.due(d("2024-12-30"), 600);
        assert_eq!(due.date.year(), 2027);
        assert_eq!(due.years_without_data, vec![2024, 2027]);
    }

    #[test]
    fn override_wins_over_bundled_and_can_be_cleared() {
        let mut cal = WorkCalendar::with_bundled();
        cal.set_override(d("2026-02-16"), true, Some("值班".into()));
        let info = cal.day(d("2026-02-16"));
        assert!(info.is_working_day);
        assert_eq!(info.source, DaySource::Override);
        assert_eq!(info.name.as_deref(), Some("值班"));
        // Make-up Sat 02-14 is day 1, the overridden Mon 02-16 is day 2.
        assert_eq!(due_date(&cal, "2026-02-13", 2), d("2026-02-16"));

        // An override can also take a working day away.
        cal.set_override(d("2026-02-14"), false, None);
        assert_eq!(due_date(&cal, "2026-02-13", 1), d("2026-02-16"));

        cal.clear_override(d("2026-02-14"));
        cal.clear_override(d("2026-02-16"));
        assert_eq!(cal.day(d("2026-02-16")).source, DaySource::Bundled);
        assert_eq!(due_date(&cal, "2026-02-13", 2), d("2026-02-24"));
    }

    #[test]
    fn override_wins_over_imported() {
        let mut cal = WorkCalendar::default();
        cal.add_imported(parse_holiday_cn(TEST_2027).unwrap());
        cal.set_override(d("2027-01-01"), true, None);
        assert!(cal.is_working_day(d("2027-01-01")));
        assert!(!cal.has_data(2026)); // overrides never count as year data
    }

    #[test]
    fn imported_year_replaces_bundled_year_and_earlier_import() {
        let mut cal = WorkCalendar::with_bundled();
        let only_16th = r#"{"year":2026,"papers":[],"days":[
            {"name":"春节","date":"2026-02-16","isOffDay":true}]}"#;
        cal.add_imported(parse_holiday_cn(only_16th).unwrap());
        // The import hides the whole bundled 2026 file: Sat 02-14 is a plain Saturday again.
        assert_eq!(cal.day(d("2026-02-14")).source, DaySource::Rule);
        assert!(!cal.is_working_day(d("2026-02-14")));
        assert_eq!(cal.day(d("2026-02-16")).source, DaySource::Imported);
        // 14 Sat, 15 Sun, 16 off; Tue 02-17 day 1, Wed 02-18 day 2.
        assert_eq!(due_date(&cal, "2026-02-13", 2), d("2026-02-18"));
        // 2025 still comes from the bundled file.
        assert_eq!(cal.day(d("2025-10-01")).source, DaySource::Bundled);

        // A second import of 2026 replaces the first.
        let only_17th = only_16th.replace("2026-02-16", "2026-02-17");
        cal.add_imported(parse_holiday_cn(&only_17th).unwrap());
        assert!(cal.is_working_day(d("2026-02-16")));
        assert!(!cal.is_working_day(d("2026-02-17")));
        assert_eq!(due_date(&cal, "2026-02-13", 2), d("2026-02-18"));
    }

    #[test]
    fn neighbouring_year_days_in_a_file_are_used() {
        let mut cal = WorkCalendar::default();
        let json = r#"{"year":2028,"papers":[],"days":[
            {"name":"元旦","date":"2027-12-31","isOffDay":true}]}"#;
        cal.add_imported(parse_holiday_cn(json).unwrap());
        assert!(!cal.is_working_day(d("2027-12-31"))); // a Friday
        assert!(!cal.has_data(2027));
        // The file of the date's own year wins over a neighbour's entry.
        let own = r#"{"year":2027,"papers":[],"days":[
            {"name":"调休","date":"2027-12-31","isOffDay":false}]}"#;
        cal.add_imported(parse_holiday_cn(own).unwrap());
        assert!(cal.is_working_day(d("2027-12-31")));
    }

    #[test]
    fn parse_accepts_adjacent_december_and_january() {
        let json = r#"{"year":2026,"papers":[],"days":[
            {"name":"元旦","date":"2025-12-31","isOffDay":true},
            {"name":"元旦","date":"2027-01-02","isOffDay":false}]}"#;
        assert_eq!(parse_holiday_cn(json).unwrap().days.len(), 2);
    }

    #[test]
    fn parse_errors() {
        let file = |date: &str| format!(r#"{{"year":2026,"papers":[],"days":[{{"name":"x","date":"{date}","isOffDay":true}}]}}"#);
        assert!(matches!(parse_holiday_cn("{not json"), Err(CalendarError::InvalidJson { .. })));
        assert!(matches!(parse_holiday_cn(r#"{"year":2026,"papers":[]}"#), Err(CalendarError::InvalidJson { .. })));
        for bad in ["2026-02-30", "2026/02/14", "2026-2-14", "tomorrow"] {
            assert_eq!(parse_holiday_cn(&file(bad)), Err(CalendarError::InvalidDate { value: bad.into() }));
        }
        for (outside, date) in [("2024-12-31", d("2024-12-31")), ("2027-02-01", d("2027-02-01")), ("2025-11-30", d("2025-11-30"))] {
            assert_eq!(parse_holiday_cn(&file(outside)), Err(CalendarError::DateOutsideYear { year: 2026, date }));
        }
        let duplicate = r#"{"year":2026,"papers":[],"days":[
            {"name":"春节","date":"2026-02-16","isOffDay":true},
            {"name":"春节","date":"2026-02-16","isOffDay":false}]}"#;
        assert_eq!(parse_holiday_cn(duplicate), Err(CalendarError::DuplicateDate { date: d("2026-02-16") }));
        for year in [1999, 2101] {
            let json = format!(r#"{{"year":{year},"papers":[],"days":[]}}"#);
            assert_eq!(parse_holiday_cn(&json), Err(CalendarError::UnsupportedYear { year }));
        }
    }

    #[test]
    fn holiday_year_serializes_back_to_holiday_cn() {
        let year = bundled_years().remove(1);
        let json = serde_json::to_string(&year).unwrap();
        assert!(json.contains(r#""isOffDay":true"#));
        assert_eq!(parse_holiday_cn(&json).unwrap(), year);
        assert_eq!(serde_json::to_string(&DaySource::Override).unwrap(), r#""override""#);
    }

    #[test]
    fn due_is_bounded_when_overrides_close_every_day() {
        let mut cal = WorkCalendar::with_bundled();
        let start = d("2030-01-01");
        for day in start.iter_days().take(4000) {
            cal.set_override(day, false, None);
        }
        let due = cal.due(start, 1);
        assert_eq!(due.working_days, 0);
        assert_eq!(due.date, start + chrono::Days::new(u64::from(MAX_SEARCH_DAYS)));
    }
}

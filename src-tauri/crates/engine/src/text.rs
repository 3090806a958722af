//! The one rule for values people type, applied by every operation before it writes.
//!
//! Input arrives from the window, from scripts (`xiezuo exec`) and from colleagues' spreadsheets,
//! so it can be anything. Text is trimmed and refused when no person would type it: a single-line
//! field (a name, a title, a place) is at most 200 characters without any control character; a
//! multi-line field (a background, a summary, an opinion) is at most 20,000 characters and may hold
//! line breaks and tabs, but no other control character (NUL and the rest of C0/C1). Windows line
//! ends are stored as `\n`. Dates and times must fall in the years a plan can mean, so a typo like
//! year 0 or 99999 is refused instead of breaking the working-day arithmetic and the register's
//! ordering. Refusals name the offending field for the form to highlight.

use crate::error::{EngineError, Result};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::ops::RangeInclusive;

/// The longest single-line value (a title, a name), in characters.
pub const LINE_MAX_CHARS: usize = 200;
/// The longest multi-line value (a background, minutes, an opinion), in characters.
pub const TEXT_MAX_CHARS: usize = 20_000;
/// The years a date or time may fall in.
pub const YEARS: RangeInclusive<i32> = 1900..=2199;

/// A single-line value, trimmed; may be empty.
pub(crate) fn line(field: &str, value: &str) -> Result<String> {
    let value = value.trim();
    if value.chars().count() > LINE_MAX_CHARS {
        return Err(EngineError::invalid(field, format!("longer than {LINE_MAX_CHARS} characters")));
    }
    if value.chars().any(char::is_control) {
        return Err(EngineError::invalid(field, "one line without control characters"));
    }
    Ok(value.to_string())
}

/// A single-line value that must not be empty.
pub(crate) fn required_line(field: &str, value: &str) -> Result<String> {
    non_empty(field, line(field, value)?)
}

/// A single-line value; blank counts as absent.
pub(crate) fn optional_line(field: &str, value: Option<&str>) -> Result<Option<String>> {
    value.map(|v| line(field, v)).transpose().map(|v| v.filter(|v| !v.is_empty()))
}

/// A multi-line value, trimmed, with line ends as `\n`; may be empty.
pub(crate) fn text(field: &str, value: &str) -> Result<String> {
    let value = value.trim();
    if value.chars().count() > TEXT_MAX_CHARS {
        return Err(EngineError::invalid(field, format!("longer than {TEXT_MAX_CHARS} characters")));
    }
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(EngineError::invalid(field, "contains control characters"));
    }
    Ok(value)
}

/// A multi-line value that must not be empty.
pub(crate) fn required_text(field: &str, value: &str) -> Result<String> {
    non_empty(field, text(field, value)?)
}

/// A multi-line value; blank counts as absent.
pub(crate) fn optional_text(field: &str, value: Option<&str>) -> Result<Option<String>> {
    value.map(|v| text(field, v)).transpose().map(|v| v.filter(|v| !v.is_empty()))
}

fn non_empty(field: &str, value: String) -> Result<String> {
    if value.is_empty() {
        return Err(EngineError::missing(field));
    }
    Ok(value)
}

/// A calendar date within [`YEARS`].
pub(crate) fn date(field: &str, value: NaiveDate) -> Result<NaiveDate> {
    if !YEARS.contains(&value.year()) {
        return Err(EngineError::invalid(field, format!("a date in the years {} to {}", YEARS.start(), YEARS.end())));
    }
    Ok(value)
}

/// A date that may be absent.
pub(crate) fn optional_date(field: &str, value: Option<NaiveDate>) -> Result<Option<NaiveDate>> {
    value.map(|d| date(field, d)).transpose()
}

/// A moment in time within [`YEARS`].
pub(crate) fn instant(field: &str, value: DateTime<Utc>) -> Result<DateTime<Utc>> {
    date(field, value.date_naive())?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(err: EngineError) -> (String, &'static str) {
        let kind = err.kind();
        match err {
            EngineError::InvalidInput { field, .. } | EngineError::MissingField { field } => (field, kind),
            other => panic!("unexpected {other}"),
        }
    }

    #[test]
    fn lines_are_trimmed_short_and_free_of_control_characters() {
        assert_eq!(line("title", "  协作事项 \n").unwrap(), "协作事项");
        assert_eq!(line("title", &"字".repeat(LINE_MAX_CHARS)).unwrap().chars().count(), LINE_MAX_CHARS);
        for bad in ["a\nb", "a\tb", "a\0b", "a\u{7f}b", "a\u{85}b", "a\u{9b}b", "字".repeat(LINE_MAX_CHARS + 1).as_str()] {
            assert_eq!(field_of(line("title", bad).unwrap_err()), ("title".into(), "invalid_input"), "{bad:?}");
        }
        assert_eq!(field_of(required_line("name", " \t ").unwrap_err()), ("name".into(), "missing_field"));
        assert_eq!(optional_line("phone", Some("  ")).unwrap(), None);
    }

    #[test]
    fn multi_line_text_keeps_line_breaks_and_tabs_only() {
        assert_eq!(text("goal", "一\r\n二\r三\n\t四").unwrap(), "一\n二\n三\n\t四");
        assert_eq!(text("goal", &"a".repeat(TEXT_MAX_CHARS)).unwrap().len(), TEXT_MAX_CHARS);
        for bad in ["a\0b", "a\u{1b}[31mb", "a\u{8}b", "a\u{9f}b", "a".repeat(TEXT_MAX_CHARS + 1).as_str()] {
            assert_eq!(field_of(text("goal", bad).unwrap_err()), ("goal".into(), "invalid_input"), "{bad:?}");
        }
        assert_eq!(field_of(required_text("reason", "\n").unwrap_err()), ("reason".into(), "missing_field"));
    }

    #[test]
    fn dates_fall_in_the_years_a_plan_can_mean() {
        let ok = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(date("due_date", ok).unwrap(), ok);
        for year in [0, 1899, 2200, 99999] {
            let d = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            assert_eq!(field_of(date("due_date", d).unwrap_err()), ("due_date".into(), "invalid_input"), "{year}");
        }
        let far = DateTime::<Utc>::MAX_UTC;
        assert_eq!(field_of(instant("starts_at", far).unwrap_err()), ("starts_at".into(), "invalid_input"));
    }
}

//! Reading the register's composite cells back into the records they are made from, and dates
//! typed as text.
//!
//! The engine writes these cells (see `xiezuo_engine::register`): contacts as `王磊/赵强、刘洋`,
//! background and goal as `背景，目标…`, key dates as `10月15日：用户调研完成；…`, the latest
//! communications as `10月12日邮件：…；10月8日会议：…` (newest first) and feedback as
//! `销售部：…；研发部：…`. Dates there have no year: key dates take the collaboration's year
//! (from its number) and run forward, communications run backward from today, which reproduces
//! the same cells and the same order. Entries are split at `；` only where a new entry starts, so a
//! `；` inside a summary stays in it.

use chrono::{Datelike, NaiveDate};
use xiezuo_engine::collaboration::MilestoneInput;
use xiezuo_engine::import::{ImportedCommunication, ImportedFeedback};
use xiezuo_engine::model::CommunicationKind;

const ENTRY_SEPARATORS: [char; 2] = ['；', ';'];
const COLONS: [char; 2] = ['：', ':'];
const LIST_SEPARATORS: [char; 5] = ['、', ',', '，', ';', '；'];

/// A date as written at the start of an entry: with its year, or only month and day (`10月15日`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Written {
    Full(NaiveDate),
    MonthDay(u32, u32),
}

/// A whole cell holding one date: `2026-10-12`, `2026/10/12` or `2026年10月12日`.
pub(crate) fn date(text: &str) -> Option<NaiveDate> {
    match date_prefix(text.trim()) {
        Some((Written::Full(date), rest)) if rest.trim().is_empty() => Some(date),
        _ => None,
    }
}

/// `王磊/赵强、刘洋` → the initiator's contact and the collaborators' contacts.
pub(crate) fn contacts(text: &str) -> (Option<String>, Vec<String>) {
    match text.split_once(['/', '／']) {
        Some((initiator, others)) => (non_empty(initiator), names(others)),
        None => (non_empty(text), Vec::new()),
    }
}

/// `背景，目标…` → background and goal (the register joins them this way).
pub(crate) fn background_goal(text: &str) -> (String, String) {
    let text = text.trim();
    if let Some((background, goal)) = text.split_once("，目标").filter(|(_, goal)| !goal.trim().is_empty()) {
        return (background.trim().to_string(), goal.trim().to_string());
    }
    match text.strip_prefix("目标").filter(|goal| !goal.trim().is_empty()) {
        Some(goal) => (String::new(), goal.trim().to_string()),
        None => (text.to_string(), String::new()),
    }
}

/// `销售部（赵强）、研发部` → departments with their contacts.
pub(crate) fn partners(text: &str) -> Vec<(String, Option<String>)> {
    names(text)
        .into_iter()
        .map(|item| match item.strip_suffix(['）', ')']).and_then(|s| s.split_once(['（', '('])) {
            Some((department, contact)) => (department.trim().to_string(), non_empty(contact)),
            None => (item, None),
        })
        .collect()
}

/// The inverse of `partners`.
pub(crate) fn format_partners<'a>(partners: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> String {
    let items: Vec<String> = partners
        .into_iter()
        .map(|(department, contact)| match contact {
            Some(contact) => format!("{department}（{contact}）"),
            None => department.to_string(),
        })
        .collect();
    items.join("、")
}

/// A list of names separated by `、`, commas or semicolons.
pub(crate) fn names(text: &str) -> Vec<String> {
    text.split(LIST_SEPARATORS).filter_map(non_empty).collect()
}

/// `10月15日：用户调研完成；…` → milestones, years counted forward from `year`.
pub(crate) fn key_dates(text: &str, year: i32) -> Result<Vec<MilestoneInput>, String> {
    let starts = |s: &str| date_prefix(s).is_some_and(|(_, rest)| rest.starts_with(COLONS));
    let mut year = year;
    let mut previous: Option<NaiveDate> = None;
    let mut out = Vec::new();
    for entry in entries(text, starts) {
        let (written, rest) = date_prefix(entry).ok_or_else(|| format!("'{entry}' does not start with a date such as 10月15日"))?;
        let name = rest.strip_prefix(COLONS).map(str::trim).filter(|n| !n.is_empty());
        let name = name.ok_or_else(|| format!("'{entry}' has no name after the date (10月15日：名称)"))?;
        let due_date = match written {
            Written::Full(date) => date,
            Written::MonthDay(month, day) => {
                let mut date = ymd(year, month, day, entry)?;
                if previous.is_some_and(|p| date < p) {
                    date = ymd(year + 1, month, day, entry)?;
                }
                date
            }
        };
        year = due_date.year();
        previous = Some(due_date);
        out.push(MilestoneInput { name: name.to_string(), due_date });
    }
    Ok(out)
}

/// `10月12日邮件：…；10月8日会议：…` (newest first) → communications, oldest first, no later than `today`.
pub(crate) fn communications(text: &str, today: NaiveDate) -> Result<Vec<ImportedCommunication>, String> {
    let starts = |s: &str| date_prefix(s).is_some_and(|(_, rest)| kind_prefix(rest).is_some());
    let mut latest = today;
    let mut out = Vec::new();
    for entry in entries(text, starts) {
        let (written, rest) = date_prefix(entry).ok_or_else(|| format!("'{entry}' does not start with a date such as 10月8日"))?;
        let (kind, rest) =
            kind_prefix(rest).ok_or_else(|| format!("'{entry}' does not name 会议, 邮件, 电话 or 即时通讯 after the date"))?;
        let summary = rest.trim();
        if summary.is_empty() {
            return Err(format!("'{entry}' has no summary"));
        }
        let on_date = match written {
            Written::Full(date) => date,
            Written::MonthDay(month, day) => {
                let date = ymd(latest.year(), month, day, entry)?;
                if date > latest {
                    ymd(latest.year() - 1, month, day, entry)?
                } else {
                    date
                }
            }
        };
        latest = on_date;
        out.push(ImportedCommunication { on_date, kind, summary: summary.to_string() });
    }
    out.reverse();
    Ok(out)
}

/// `销售部：…；研发部：…` → each department's feedback.
pub(crate) fn feedback(text: &str) -> Result<Vec<ImportedFeedback>, String> {
    entries(text, |s| feedback_label(s).is_some())
        .into_iter()
        .map(|entry| match feedback_label(entry) {
            Some((department, text)) if !text.trim().is_empty() => {
                Ok(ImportedFeedback { department: department.trim().to_string(), text: text.trim().to_string() })
            }
            _ => Err(format!("'{entry}' is not written as 部门：意见")),
        })
        .collect()
}

/// `销售部：…` → the department and its text.
fn feedback_label(entry: &str) -> Option<(&str, &str)> {
    entry.split_once(COLONS).filter(|(department, _)| {
        !department.trim().is_empty() && department.chars().count() <= 30 && !department.contains(ENTRY_SEPARATORS)
    })
}

/// Splits at `；` where `starts` says a new entry begins; entries are trimmed, empty ones dropped.
fn entries(text: &str, starts: impl Fn(&str) -> bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for (at, separator) in text.char_indices().filter(|(_, c)| ENTRY_SEPARATORS.contains(c)) {
        let next = at + separator.len_utf8();
        if starts(text[next..].trim_start()) {
            out.push(&text[from..at]);
            from = next;
        }
    }
    out.push(&text[from..]);
    out.into_iter().map(str::trim).filter(|e| !e.is_empty()).collect()
}

fn kind_prefix(text: &str) -> Option<(CommunicationKind, &str)> {
    CommunicationKind::ALL.iter().find_map(|kind| {
        let rest = text.strip_prefix(kind.label_zh())?;
        Some((*kind, rest.strip_prefix(COLONS)?))
    })
}

/// A date at the start of `text`, and what follows it.
fn date_prefix(text: &str) -> Option<(Written, &str)> {
    if let Some((year, rest)) = digits(text, 4, 4) {
        let separator = rest.chars().next().filter(|c| ['-', '/', '年'].contains(c))?;
        let (month, rest) = digits(&rest[separator.len_utf8()..], 1, 2)?;
        let rest = match separator {
            '年' => rest.strip_prefix('月')?,
            other => rest.strip_prefix(other)?,
        };
        let (day, rest) = digits(rest, 1, 2)?;
        let rest = if separator == '年' { rest.strip_prefix('日')? } else { rest };
        let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
        return Some((Written::Full(date), rest));
    }
    let (month, rest) = digits(text, 1, 2)?;
    let (day, rest) = digits(rest.strip_prefix('月')?, 1, 2)?;
    let rest = rest.strip_prefix('日')?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((Written::MonthDay(month, day), rest))
}

/// `min..=max` ASCII digits at the start of `text`.
fn digits(text: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let count = text.bytes().take_while(u8::is_ascii_digit).count();
    if count < min || count > max {
        return None;
    }
    Some((text[..count].parse().ok()?, &text[count..]))
}

fn ymd(year: i32, month: u32, day: u32, entry: &str) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| format!("'{entry}': there is no {month}月{day}日 in {year}"))
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn dates_as_text() {
        for text in ["2026-10-12", "2026/10/12", "2026年10月12日", " 2026-10-12 "] {
            assert_eq!(date(text), Some(day("2026-10-12")), "{text}");
        }
        assert_eq!(date("2026-1-2"), Some(day("2026-01-02")));
        for garbage in ["next week", "2026-13-01", "2026-02-30", "20261012", "2026-10-12x", "10月12日", ""] {
            assert_eq!(date(garbage), None, "{garbage}");
        }
    }

    #[test]
    fn register_cells_read_back() {
        assert_eq!(contacts("王磊/赵强、刘洋"), (Some("王磊".into()), vec!["赵强".into(), "刘洋".into()]));
        assert_eq!(contacts("/"), (None, vec![]));
        assert_eq!(background_goal("联合推进，目标提升15%"), ("联合推进".into(), "提升15%".into()));
        assert_eq!(background_goal("目标提升"), ("".into(), "提升".into()));
        assert_eq!(background_goal("只有背景，目标"), ("只有背景，目标".into(), "".into()));
        assert_eq!(partners("销售部（赵强）、研发部"), vec![("销售部".into(), Some("赵强".into())), ("研发部".into(), None)]);
        assert_eq!(format_partners([("销售部", Some("赵强")), ("研发部", None)]), "销售部（赵强）、研发部");

        let milestones = key_dates("10月15日：调研；12月1日：上线；1月10日：复盘", 2026).unwrap();
        let dates: Vec<NaiveDate> = milestones.iter().map(|m| m.due_date).collect();
        assert_eq!(dates, [day("2026-10-15"), day("2026-12-01"), day("2027-01-10")]);
        assert!(key_dates("月底：调研", 2026).is_err());
        assert!(key_dates("2月30日：调研", 2026).is_err());

        let talks = communications("1月5日邮件：发送；样例；12月20日会议：确定字段", day("2026-03-01")).unwrap();
        assert_eq!(talks.len(), 2, "a ； inside a summary stays in it");
        assert_eq!((talks[0].on_date, talks[0].kind), (day("2025-12-20"), CommunicationKind::Meeting));
        assert_eq!((talks[1].on_date, talks[1].summary.as_str()), (day("2026-01-05"), "发送；样例"));
        assert!(communications("10月8日聊天：x", day("2026-11-24")).is_err());

        let said = feedback("销售部：需细化；分区域；研发部：加讲师").unwrap();
        assert_eq!(said.len(), 2);
        assert_eq!(said[0].text, "需细化；分区域");
        assert!(feedback("没有部门").is_err());
    }
}

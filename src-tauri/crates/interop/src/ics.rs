//! Calendar files (RFC 5545): one meeting's invite, and every milestone and deadline of a
//! collaboration, for Outlook, macOS Calendar and any other calendar program.
//!
//! Events are generated with the `icalendar` crate, which has two gaps this module closes on the
//! text it writes: it has no VTIMEZONE component (Outlook needs one to read `TZID=Asia/Shanghai`;
//! China has no daylight saving, so one STANDARD rule at +08:00 describes it completely), and its
//! line folding lets a continuation line reach 76 octets. The output is therefore unfolded, the
//! time zone inserted, and every line folded again at 75 octets on UTF-8 character boundaries.
//!
//! Each event's UID is its record's id, so importing a newer file updates the events instead of
//! duplicating them, and its SEQUENCE counts the logged changes to the fields the event shows.
//! Who takes part (`Roster`) is shared with the email drafts, so an invite and the agenda mail go
//! to the same people.

use crate::error::Result;
use chrono::{DateTime, Days, NaiveDate, NaiveDateTime};
use icalendar::{Attendee, CUType, Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike, PartStat, Property, Role};
use serde_json::Value;
use std::collections::HashMap;
use xiezuo_engine::clock::china_offset;
use xiezuo_engine::dossier::{Dossier, HistoryEntry};
use xiezuo_engine::org::Person;
use xiezuo_engine::{Engine, EngineError};
use xiezuo_forms::Lang;

/// The only time zone the company works in; meeting times are written as wall-clock time in it.
pub const TIME_ZONE: &str = "Asia/Shanghai";

/// RFC 5545 allows 75 octets per physical line.
const LINE_LIMIT: usize = 75;

/// Mainland China: UTC+8 all year, no daylight saving since 1991.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Shanghai",
    "X-LIC-LOCATION:Asia/Shanghai",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// The words the calendar entries add around the record data.
struct Words {
    sep: &'static str,
    list_sep: &'static str,
    milestone: &'static str,
    task_due: &'static str,
    confirmation_due: &'static str,
    rectification_due: &'static str,
    problem_due: &'static str,
    expected_completion: &'static str,
    collaboration: &'static str,
    agenda: &'static str,
    attendees: &'static str,
    department: &'static str,
    responsible: &'static str,
    deliverable: &'static str,
    done: &'static str,
    calendar_name: &'static str,
    round: fn(i64) -> String,
    /// A name followed by what qualifies it, in brackets.
    qualified: fn(&str, &str) -> String,
}

const ZH: Words = Words {
    sep: "：",
    list_sep: "、",
    milestone: "里程碑",
    task_due: "截止",
    confirmation_due: "确认截止",
    rectification_due: "整改截止",
    problem_due: "问题截止",
    expected_completion: "预计完成",
    collaboration: "协作事项",
    agenda: "议程",
    attendees: "参会人员",
    department: "部门",
    responsible: "负责人",
    deliverable: "交付物",
    done: "已完成",
    calendar_name: "节点与截止日期",
    round: |n| format!("第{n}轮"),
    qualified: |name, what| if what.is_empty() { name.to_string() } else { format!("{name}（{what}）") },
};

const EN: Words = Words {
    sep: ": ",
    list_sep: ", ",
    milestone: "Milestone",
    task_due: "Due",
    confirmation_due: "Confirmation due",
    rectification_due: "Rectification due",
    problem_due: "Problem due",
    expected_completion: "Expected completion",
    collaboration: "Collaboration",
    agenda: "Agenda",
    attendees: "Attendees",
    department: "Department",
    responsible: "Responsible",
    deliverable: "Deliverable",
    done: "Done",
    calendar_name: "milestones and deadlines",
    round: |n| format!("round {n}"),
    qualified: |name, what| if what.is_empty() { name.to_string() } else { format!("{name} ({what})") },
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// One meeting's invite: a VCALENDAR with one VEVENT in Beijing time, the agenda as description,
/// the initiating department's contact as organizer and the participants as attendees.
pub fn meeting_invite(engine: &Engine, meeting: &str, lang: Lang) -> Result<String> {
    let collaboration = meeting_collaboration(engine, meeting)?;
    let dossier = engine.dossier(&collaboration)?;
    let roster = Roster::load(engine, &dossier)?;
    let row = dossier
        .meetings
        .iter()
        .find(|m| m["id"] == meeting)
        .ok_or_else(|| EngineError::NotFound { entity: "meeting", key: meeting.to_string() })?;
    Ok(invite(engine, &dossier, &roster, row, lang)?.text)
}

/// Every milestone and deadline of a collaboration as all-day events: milestones, each task's
/// planned end, the confirmation rounds' due dates, problem and rectification deadlines, and the
/// expected completion date.
pub fn milestones(engine: &Engine, collaboration: &str, lang: Lang) -> Result<String> {
    let w = words(lang);
    let dossier = engine.dossier(collaboration)?;
    let history = engine.history(collaboration)?;
    let names: HashMap<String, String> = engine.people()?.into_iter().map(|p| (p.id, p.name)).collect();
    let c = &dossier.collaboration;
    let number = text(c, "number");
    let context = format!("{}{}{} {}", w.collaboration, w.sep, number, text(c, "title"));
    let now = engine.clock().now();
    let mut calendar = new_calendar(Method::Publish);
    calendar.append_property(Property::new("X-WR-CALNAME", plain(&format!("{number} {}", w.calendar_name))));
    for deadline in deadlines(&dossier, &history, &names, w)? {
        let mut description = vec![context.clone()];
        description.extend(deadline.details);
        let mut event = Event::new();
        event
            .uid(&uid(&deadline.record_id))
            .timestamp(now)
            .sequence(deadline.sequence)
            .summary(&plain(&format!("{number} {}{}{}", deadline.label, w.sep, deadline.name)))
            .description(&plain(&description.join("\n")))
            .starts(DatePerhapsTime::Date(deadline.on))
            .ends(DatePerhapsTime::Date(deadline.on.checked_add_days(Days::new(1)).unwrap_or(deadline.on)))
            .add_property("TRANSP", "TRANSPARENT");
        calendar.push(event);
    }
    Ok(finish(&calendar, false))
}

/// The iTIP method of an invite. A request must name its organizer by address; when nobody on the
/// initiating side has an email address the invite is published instead, which every calendar
/// program imports as a plain entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Request,
    Publish,
}

impl Method {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Publish => "PUBLISH",
        }
    }
}

/// A meeting invite's text and the method it was written with (a mail attachment repeats it).
pub(crate) struct Invite {
    pub text: String,
    pub method: Method,
}

/// The invite of `meeting`, a row of `dossier.meetings`.
pub(crate) fn invite(engine: &Engine, dossier: &Dossier, roster: &Roster, meeting: &Value, lang: Lang) -> Result<Invite> {
    let w = words(lang);
    let c = &dossier.collaboration;
    let number = text(c, "number");
    let id = text(meeting, "id");
    let starts = beijing_time(meeting, "starts_at")?;
    let ends = beijing_time(meeting, "ends_at")?;
    let invitees = roster.invitees(meeting);
    let organizer = roster.organizer().filter(|p| email(p).is_some());
    let method = if organizer.is_some() { Method::Request } else { Method::Publish };

    let mut description = vec![format!("{}{}{} {}", w.collaboration, w.sep, number, text(c, "title"))];
    let agenda = strings(&meeting["agenda"]);
    if !agenda.is_empty() {
        description.push(format!("{}{}", w.agenda, w.sep.trim_end()));
        description.extend(agenda.iter().enumerate().map(|(i, item)| format!("{}. {item}", i + 1)));
    }
    let names: Vec<String> = invitees.iter().map(|p| (w.qualified)(&p.name, p.department_name.as_deref().unwrap_or_default())).collect();
    if !names.is_empty() {
        description.push(format!("{}{}{}", w.attendees, w.sep, names.join(w.list_sep)));
    }

    let history = engine.history(&text(c, "id"))?;
    let mut event = Event::new();
    event
        .uid(&uid(&id))
        .timestamp(engine.clock().now())
        .sequence(sequence(&history, &id, &["title", "starts_at", "ends_at", "place", "agenda", "attendees"]))
        .summary(&plain(&format!("{number} {}", text(meeting, "title"))))
        .description(&plain(&description.join("\n")))
        .starts(zoned(starts))
        .ends(zoned(ends))
        .add_property("STATUS", "CONFIRMED")
        .add_property("TRANSP", "OPAQUE");
    let place = text(meeting, "place");
    if !place.is_empty() {
        event.location(&plain(&place));
    }
    if let Some(organizer) = organizer {
        let address = email(organizer).map(mailto).unwrap_or_default();
        event.append_property(Property::new("ORGANIZER", address).add_parameter("CN", &parameter_text(&organizer.name)).done());
    }
    for person in invitees.iter().filter(|p| organizer.is_none_or(|o| o.id != p.id)) {
        if let Some(address) = email(person) {
            event.attendee(
                Attendee::new(mailto(address))
                    .cn(parameter_text(&person.name))
                    .cutype(CUType::Individual)
                    .role(Role::ReqParticipant)
                    .partstat(PartStat::NeedsAction)
                    .rsvp(method == Method::Request),
            );
        }
    }
    let mut calendar = new_calendar(method);
    calendar.push(event);
    Ok(Invite { text: finish(&calendar, true), method })
}

/// Who takes part in a collaboration: each participating department's head and contact (the
/// initiating department first), with the people records that hold their email addresses.
pub(crate) struct Roster {
    people: HashMap<String, Person>,
    parties: Vec<Party>,
}

/// One participating department's people.
struct Party {
    head: Option<String>,
    contact: Option<String>,
}

impl Roster {
    pub(crate) fn load(engine: &Engine, dossier: &Dossier) -> Result<Roster> {
        let people: HashMap<String, Person> = engine.people()?.into_iter().map(|p| (p.id.clone(), p)).collect();
        let heads: HashMap<String, Option<String>> = engine.departments()?.into_iter().map(|d| (d.id, d.head_person_id)).collect();
        let head_of = |department: &str| heads.get(department).cloned().flatten();
        let c = &dossier.collaboration;
        let mut parties = vec![Party { head: head_of(&text(c, "initiating_department_id")), contact: optional(c, "initiator_contact_id") }];
        parties.extend(
            dossier
                .departments
                .iter()
                .map(|d| Party { head: head_of(&text(d, "department_id")), contact: optional(d, "contact_person_id") }),
        );
        Ok(Roster { people, parties })
    }

    pub(crate) fn person(&self, id: &str) -> Option<&Person> {
        self.people.get(id)
    }

    /// The departments asked for support: every party but the initiator.
    fn collaborating(&self) -> &[Party] {
        self.parties.get(1..).unwrap_or_default()
    }

    /// The heads of the collaborating departments, each once.
    pub(crate) fn collaborating_heads(&self) -> Vec<&Person> {
        self.distinct(self.collaborating().iter().filter_map(|p| p.head.as_deref()))
    }

    /// The heads and contacts of the collaborating departments, each person once.
    pub(crate) fn collaborating_heads_and_contacts(&self) -> Vec<&Person> {
        self.distinct(heads_and_contacts(self.collaborating()))
    }

    /// A meeting's attendees, then every participating department's head and contact.
    pub(crate) fn invitees(&self, meeting: &Value) -> Vec<&Person> {
        let attendees = strings(&meeting["attendees"]);
        self.distinct(attendees.iter().map(String::as_str).chain(heads_and_contacts(&self.parties)))
    }

    /// Who sends on the initiator's behalf: its contact, or its head, preferring one with an email.
    pub(crate) fn organizer(&self) -> Option<&Person> {
        let initiator = self.parties.first()?;
        let candidates: Vec<&Person> =
            [initiator.contact.as_deref(), initiator.head.as_deref()].into_iter().flatten().filter_map(|id| self.person(id)).collect();
        candidates.iter().find(|p| email(p).is_some()).or(candidates.first()).copied()
    }

    fn distinct<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Vec<&Person> {
        let mut out: Vec<&Person> = Vec::new();
        for person in ids.filter_map(|id| self.person(id)) {
            if !out.iter().any(|p| p.id == person.id) {
                out.push(person);
            }
        }
        out
    }
}

fn heads_and_contacts(parties: &[Party]) -> impl Iterator<Item = &str> {
    parties.iter().flat_map(|p| [p.head.as_deref(), p.contact.as_deref()]).flatten()
}

/// A person's email address when it can be used as one: people records take any text there.
pub(crate) fn email(person: &Person) -> Option<&str> {
    let address = person.email.as_deref()?.trim();
    let (local, domain) = address.split_once('@')?;
    let forbidden = |c: char| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"@".contains(c);
    (!local.is_empty() && !domain.is_empty() && !local.contains(forbidden) && !domain.contains(forbidden)).then_some(address)
}

/// A dated item of the milestones calendar.
struct Deadline {
    record_id: String,
    on: NaiveDate,
    label: &'static str,
    name: String,
    details: Vec<String>,
    sequence: u32,
}

/// `names` maps person ids to names, for the owners of problems and rectifications.
fn deadlines(d: &Dossier, history: &[HistoryEntry], names: &HashMap<String, String>, w: &Words) -> Result<Vec<Deadline>> {
    let line = |label: &str, value: String| (!value.is_empty()).then(|| format!("{label}{}{value}", w.sep));
    let mut out = Vec::new();
    for m in &d.milestones {
        let id = text(m, "id");
        out.push(Deadline {
            on: date(m, "due_date")?,
            label: w.milestone,
            name: text(m, "name"),
            details: line(w.done, text(m, "done_on")).into_iter().collect(),
            sequence: sequence(history, &id, &["name", "due_date"]),
            record_id: id,
        });
    }
    for t in &d.tasks {
        let id = text(t, "id");
        out.push(Deadline {
            on: date(t, "end_date")?,
            label: w.task_due,
            name: text(t, "title"),
            details: [
                line(w.department, text(t, "department")),
                line(w.responsible, text(t, "responsible")),
                line(w.deliverable, text(t, "deliverable")),
            ]
            .into_iter()
            .flatten()
            .collect(),
            sequence: sequence(history, &id, &["title", "end_date", "department_id", "responsible_person_id", "deliverable"]),
            record_id: id,
        });
    }
    // One event per round and due date, naming the departments that answer by then.
    let mut rounds: Vec<(i64, NaiveDate, String, Vec<String>)> = Vec::new();
    for f in &d.feasibility {
        let (round, due) = (f["round"].as_i64().unwrap_or(0), date(f, "due_date")?);
        match rounds.iter_mut().find(|(r, on, _, _)| *r == round && *on == due) {
            Some((_, _, _, departments)) => departments.push(text(f, "department")),
            None => rounds.push((round, due, text(f, "id"), vec![text(f, "department")])),
        }
    }
    for (round, on, id, departments) in rounds {
        out.push(Deadline {
            on,
            label: w.confirmation_due,
            name: (w.qualified)(&(w.round)(round), &departments.join(w.list_sep)),
            details: Vec::new(),
            sequence: sequence(history, &id, &["due_date"]),
            record_id: id,
        });
    }
    for (rows, label, name_key, date_key) in
        [(&d.problems, w.problem_due, "description", "deadline"), (&d.rectifications, w.rectification_due, "description", "deadline")]
    {
        for row in rows {
            let id = text(row, "id");
            out.push(Deadline {
                on: date(row, date_key)?,
                label,
                name: text(row, name_key),
                details: line(w.responsible, names.get(&text(row, "owner_person_id")).cloned().unwrap_or_default()).into_iter().collect(),
                sequence: sequence(history, &id, &[name_key, date_key]),
                record_id: id,
            });
        }
    }
    let c = &d.collaboration;
    if c["expected_completion"].is_string() {
        let id = text(c, "id");
        out.push(Deadline {
            on: date(c, "expected_completion")?,
            label: w.expected_completion,
            name: text(c, "title"),
            details: Vec::new(),
            sequence: sequence(history, &id, &["title", "expected_completion"]),
            record_id: id,
        });
    }
    out.sort_by_key(|deadline| deadline.on);
    Ok(out)
}

/// How often the fields an event shows were changed after the record was created.
fn sequence(history: &[HistoryEntry], record_id: &str, fields: &[&str]) -> u32 {
    let changed =
        history.iter().filter(|e| e.entity_id == record_id && e.op == "update" && fields.iter().any(|f| e.changes.get(*f).is_some()));
    u32::try_from(changed.count()).unwrap_or(u32::MAX)
}

/// The collaboration a meeting belongs to (reading only; the engine has no lookup by meeting).
fn meeting_collaboration(engine: &Engine, meeting: &str) -> Result<String> {
    let mut stmt = engine
        .connection()
        .prepare_cached("SELECT collaboration_id FROM meeting WHERE id = ?1 AND deleted_at IS NULL")
        .map_err(EngineError::from)?;
    let found: Vec<String> = stmt
        .query_map([meeting], |r| r.get(0))
        .map_err(EngineError::from)?
        .collect::<std::result::Result<_, _>>()
        .map_err(EngineError::from)?;
    found.into_iter().next().ok_or_else(|| EngineError::NotFound { entity: "meeting", key: meeting.to_string() }.into())
}

fn new_calendar(method: Method) -> Calendar {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//Xiezuo//Xiezuo//ZH"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", method.as_str()));
    calendar
}

/// The calendar's text, with the time zone before the first event when asked for, and every
/// line folded at 75 octets without splitting a UTF-8 character.
fn finish(calendar: &Calendar, with_time_zone: bool) -> String {
    // Text values have their line breaks escaped, so a CRLF followed by a space is always a fold.
    let unfolded = calendar.to_string().replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 20);
    let mut zone_written = !with_time_zone;
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        if !zone_written && line == "BEGIN:VEVENT" {
            VTIMEZONE.iter().for_each(|l| push_folded(&mut out, l));
            zone_written = true;
        }
        push_folded(&mut out, line);
    }
    out
}

fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    // Continuation lines start with a space, which counts towards their 75 octets.
    let mut limit = LINE_LIMIT;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Readers differ on blanks at a fold (some trim a line's end, some every leading blank of a
        // continuation), so fold beside none, unless the line is mostly blanks.
        let beside_blank = |at: usize| rest[..at].ends_with([' ', '\t']) || rest[at..].starts_with([' ', '\t']);
        let mut safe = cut;
        while safe > limit / 2 && beside_blank(safe) {
            safe = rest[..safe].char_indices().next_back().map_or(0, |(i, _)| i);
        }
        if safe > limit / 2 {
            cut = safe;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = LINE_LIMIT - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

fn uid(record_id: &str) -> String {
    format!("{record_id}@xiezuo")
}

fn mailto(address: &str) -> String {
    format!("mailto:{address}")
}

fn zoned(at: NaiveDateTime) -> DatePerhapsTime {
    DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time: at, tzid: TIME_ZONE.to_string() })
}

/// Text with every line break as LF, which the crate escapes as `\n` (it leaves CR alone).
fn plain(value: &str) -> String {
    value.replace("\r\n", "\n").replace('\r', "\n")
}

/// A parameter value (a CN) cannot hold quotes or line breaks, even quoted.
fn parameter_text(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c == '"' {
                '\''
            } else if c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// The wall-clock time in Beijing of an instant field.
pub(crate) fn beijing_time(row: &Value, key: &str) -> Result<NaiveDateTime> {
    let value = text(row, key);
    let instant = DateTime::parse_from_rfc3339(&value)
        .map_err(|e| EngineError::InvalidInput { field: key.to_string(), reason: format!("'{value}': {e}") })?;
    Ok(instant.with_timezone(&china_offset()).naive_local())
}

fn date(row: &Value, key: &str) -> Result<NaiveDate> {
    let value = text(row, key);
    value.parse::<NaiveDate>().map_err(|e| EngineError::InvalidInput { field: key.to_string(), reason: format!("'{value}': {e}") }.into())
}

pub(crate) fn text(row: &Value, key: &str) -> String {
    match &row[key] {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

fn optional(row: &Value, key: &str) -> Option<String> {
    row[key].as_str().map(str::to_string)
}

pub(crate) fn strings(value: &Value) -> Vec<String> {
    value.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        for prefix in ["", "a", "ab", "abc"] {
            let line = format!("DESCRIPTION:{prefix}{}", "协作需求".repeat(40));
            let mut out = String::new();
            push_folded(&mut out, &line);
            assert!(out.split("\r\n").all(|l| l.len() <= LINE_LIMIT), "{out}");
            assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        }
        // 75 + 74 + 75 octets: the crate's own folding let the last line reach 76.
        let line = "x".repeat(75 + 74 + 75);
        let mut out = String::new();
        push_folded(&mut out, &line);
        assert!(out.split("\r\n").all(|l| l.len() <= LINE_LIMIT), "{out}");
        // No fold beside a blank, except in a run of blanks too long to avoid.
        for line in [format!("DESCRIPTION:{} {}", "x".repeat(62), "y".repeat(80)), format!("X:{}", " ".repeat(200))] {
            let mut out = String::new();
            push_folded(&mut out, &line);
            assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), line);
            assert!(out.split("\r\n").all(|l| l.len() <= LINE_LIMIT), "{out}");
            if line.starts_with('D') {
                assert!(!out.contains(" \r\n") && !out.contains("\r\n  "), "{out:?}");
            }
        }
    }

    #[test]
    fn only_usable_addresses_count_as_email() {
        let person = |email: &str| Person {
            id: "p".into(),
            name: "王磊".into(),
            department_id: None,
            department_name: None,
            title: None,
            phone: None,
            email: Some(email.into()),
        };
        assert_eq!(email(&person(" wanglei@example.com ")), Some("wanglei@example.com"));
        for bad in ["", "wanglei", "@example.com", "wang lei@example.com", "a@b@c", "a<b>@example.com"] {
            assert_eq!(email(&person(bad)), None, "{bad}");
        }
    }
}

//! Email drafts (RFC 5322, MIME): the request, a meeting's agenda, issued minutes and the
//! completion letter, each with its printed PDF attached, for the user's own mail program.
//!
//! The app never sends mail. It writes an `.eml` marked `X-Unsent: 1`, which Outlook opens as an
//! editable draft (Thunderbird and Apple Mail open it as a message to forward or edit), so the user
//! reviews the text and sends it from their own account. Recipients come from people records; those
//! without an email address are reported in [`Draft::missing`] for the window to warn about. The
//! attached document is rendered by the documents crate, which records the print in the engine like
//! any other print, so a signed scan of the mailed copy matches its record.

use crate::error::Result;
use crate::files::safe_file_name;
use crate::ics::{self, email, Roster};
use chrono::NaiveDate;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::MessageBuilder;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use xiezuo_engine::clock::china_offset;
use xiezuo_engine::dossier::Dossier;
use xiezuo_engine::org::Person;
use xiezuo_engine::{Engine, EngineError};
use xiezuo_forms::labels::labels;
use xiezuo_forms::{records, FormsError, Kind, Lang};

/// Which document a draft sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DraftKind {
    /// The 协作需求申请表, to each collaborating department's head and contact.
    Request,
    /// A meeting's agenda and calendar invite, to everyone invited.
    Agenda,
    /// A meeting's issued minutes, to every participant.
    Minutes,
    /// The 协作完成确认函, to each collaborating department's head.
    Letter,
}

impl DraftKind {
    fn document(self) -> Kind {
        match self {
            DraftKind::Request => Kind::Request,
            DraftKind::Agenda => Kind::Agenda,
            DraftKind::Minutes => Kind::Minutes,
            DraftKind::Letter => Kind::Letter,
        }
    }
}

/// An email draft ready to be saved and opened in the mail program.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Draft {
    /// A safe file name, e.g. `XZ-2026-001 协作需求申请表.eml`.
    pub file_name: String,
    /// The `.eml` file; the caller writes it, so it never travels to the window.
    #[serde(skip)]
    #[ts(skip)]
    pub bytes: Vec<u8>,
    /// The recipients' email addresses.
    pub to: Vec<String>,
    pub subject: String,
    /// Recipients with no usable email address on record, by name: the user adds them by hand.
    pub missing: Vec<String>,
}

/// Drafts the email sending `kind` for a collaboration. `record` names the meeting for an agenda
/// or minutes (default: the latest meeting, or the latest with issued minutes). Everything that
/// can be refused is checked before the document is printed, so a refusal records nothing.
pub fn draft(engine: &mut Engine, kind: DraftKind, collaboration: &str, record: Option<&str>, lang: Lang) -> Result<Draft> {
    let w = words(lang);
    let dossier = engine.dossier(collaboration)?;
    let roster = Roster::load(engine, &dossier)?;
    let meeting = match kind {
        DraftKind::Agenda | DraftKind::Minutes => Some(pick_meeting(&dossier, kind, record)?),
        DraftKind::Request | DraftKind::Letter => None,
    };
    if kind == DraftKind::Letter && dossier.letter.is_none() {
        return Err(FormsError::NoRecord { what: "completion letter" }.into());
    }
    let invite = match (kind, meeting) {
        (DraftKind::Agenda, Some(m)) => Some(ics::invite(engine, &dossier, &roster, m, lang)?),
        _ => None,
    };
    let sender = match engine.me()? {
        Some(me) => roster.person(&me).or(roster.organizer()),
        None => roster.organizer(),
    };
    let recipients: Vec<&Person> = match (kind, meeting) {
        (DraftKind::Request, _) => roster.collaborating_heads_and_contacts(),
        (DraftKind::Letter, _) => roster.collaborating_heads(),
        (_, Some(m)) => roster.invitees(m),
        (_, None) => Vec::new(),
    }
    .into_iter()
    .filter(|p| sender.is_none_or(|s| s.id != p.id))
    .collect();

    let c = &dossier.collaboration;
    let number = ics::text(c, "number");
    let document = labels(lang).kind(kind.document());
    let sla_days = engine.org_settings()?.feasibility_sla_days;
    let facts = Facts { w, dossier: &dossier, meeting, document, number: &number, today: engine.today(), sla_days };
    let subject = facts.subject(kind)?;
    let body = facts.body(kind, &recipients, sender)?;
    let meeting_title = meeting.map(|m| ics::text(m, "title"));
    let file_stem = match &meeting_title {
        Some(title) => (w.qualified)(&format!("{number} {document}"), title),
        None => format!("{number} {document}"),
    };

    let meeting_id = meeting.map(|m| ics::text(m, "id"));
    let printed = records::print(engine, kind.document(), Some(&number), meeting_id.as_deref(), lang)?;

    let (to, missing): (Vec<&Person>, Vec<&Person>) = recipients.into_iter().partition(|p| email(p).is_some());
    let to_addresses: Vec<String> = to.iter().filter_map(|p| email(p)).map(str::to_string).collect();
    let mut message = MessageBuilder::new()
        .message_id(format!("{}@xiezuo", uuid::Uuid::now_v7()))
        .header("Date", Raw::new(engine.clock().now().with_timezone(&china_offset()).to_rfc2822()));
    if let Some((person, address)) = sender.and_then(|p| email(p).map(|a| (p, a))) {
        message = message.from(Address::new_address(Some(person.name.clone()), address.to_string()));
    }
    if !to.is_empty() {
        let list = to.iter().filter_map(|p| email(p).map(|a| Address::new_address(Some(p.name.clone()), a.to_string()))).collect();
        message = message.to(Address::new_list(list));
    }
    let pdf_name = safe_file_name(&format!("{file_stem}.pdf"));
    message = message.subject(subject.clone()).header("X-Unsent", Raw::new("1")).text_body(body).attachment(
        ContentType::new("application/pdf").attribute("name", pdf_name.clone()),
        pdf_name,
        printed.rendered.bytes,
    );
    if let (Some(invite), Some(title)) = (invite, &meeting_title) {
        let ics_name = safe_file_name(&format!("{number} {title}.ics"));
        let calendar = ContentType::new("text/calendar")
            .attribute("charset", "utf-8")
            .attribute("method", invite.method.as_str())
            .attribute("name", ics_name.clone());
        message = message.attachment(calendar, ics_name, invite.text);
    }
    Ok(Draft {
        file_name: safe_file_name(&format!("{file_stem}.eml")),
        bytes: message.write_to_vec()?,
        to: to_addresses,
        subject,
        missing: missing.iter().map(|p| p.name.clone()).collect(),
    })
}

/// The meeting an agenda or minutes draft is about: the one named, or the latest one (with
/// issued minutes, for minutes: only issued minutes are sent out for signature).
fn pick_meeting<'d>(dossier: &'d Dossier, kind: DraftKind, record: Option<&str>) -> Result<&'d Value> {
    let issued = |m: &&Value| kind != DraftKind::Minutes || m["minutes_issued_at"].is_string();
    let meeting = match record {
        Some(id) => {
            let named = dossier.meetings.iter().find(|m| m["id"] == id);
            named.ok_or_else(|| EngineError::NotFound { entity: "meeting", key: id.to_string() })?
        }
        None => dossier.meetings.iter().rev().find(issued).ok_or(FormsError::NoRecord { what: "meeting" })?,
    };
    if issued(&meeting) {
        Ok(meeting)
    } else {
        Err(FormsError::NoRecord { what: "issued minutes" }.into())
    }
}

/// The words of the drafts, per language. Placeholders in braces are filled by [`fill`].
struct Words {
    list_sep: &'static str,
    qualified: fn(&str, &str) -> String,
    date: fn(NaiveDate) -> String,
    time_span: &'static str,
    subject_request: &'static str,
    subject_agenda: &'static str,
    subject_minutes: &'static str,
    subject_letter: &'static str,
    greeting: &'static str,
    everyone: &'static str,
    request_intro: &'static str,
    request_ask_by: &'static str,
    request_ask_within: &'static str,
    agenda_intro: &'static str,
    agenda_at_place: &'static str,
    agenda_topics: &'static str,
    agenda_ask: &'static str,
    minutes_intro: &'static str,
    minutes_goal: &'static str,
    minutes_ask: &'static str,
    letter_intro: &'static str,
    letter_ask: &'static str,
    closing: &'static str,
}

const ZH: Words = Words {
    list_sep: "、",
    qualified: |name, what| format!("{name}（{what}）"),
    date: |d| d.format("%Y年%-m月%-d日").to_string(),
    time_span: "{date} {start}–{end}",
    subject_request: "【协作需求】{number} {title}",
    subject_agenda: "【会议通知】{number} {meeting}（{time}）",
    subject_minutes: "【会议纪要】{number} {meeting}",
    subject_letter: "【协作完成确认函】{number} {title}",
    greeting: "{names}：\n\n您好！",
    everyone: "各位同事",
    request_intro: "{department}发起协作事项“{title}”（编号 {number}），需要贵部门给予支持。附件为《{document}》，请查阅。",
    request_ask_by: "请于{due}前评估可行性并回复：无异议请确认参与，并指定部门对接人；如有异议，请提出具体的调整建议。",
    request_ask_within: "请在收到后{days}个工作日内评估可行性并回复：无异议请确认参与，并指定部门对接人；如有异议，请提出具体的调整建议。",
    agenda_intro: "定于{when}召开“{meeting}”。附件为《{document}》及日历邀请（可直接添加到日历）。",
    agenda_at_place: "{time}在{place}",
    agenda_topics: "会议议题：",
    agenda_ask: "请准时参加；如不能出席，请于会前告知，并安排人员代为参会。",
    minutes_intro: "“{meeting}”（{time}）的《{document}》已整理完毕（第{revision}版），见附件。",
    minutes_goal: "协作总目标：{goal}",
    minutes_ask:
        "请审阅纪要内容，由部门负责人签字确认后回传签字扫描件；如有异议，请及时反馈。纪要经各方负责人签字确认后，作为后续执行的依据。",
    letter_intro: "协作事项“{title}”（编号 {number}）已于{completed}完成验收，现出具《{document}》，见附件。",
    letter_ask: "请贵部门负责人签字确认后回传扫描件，以便归档。感谢各部门的大力支持与配合！",
    closing: "谢谢！",
};

const EN: Words = Words {
    list_sep: ", ",
    qualified: |name, what| format!("{name} ({what})"),
    date: |d| d.format("%Y-%m-%d").to_string(),
    time_span: "{date} {start}–{end} Beijing time",
    subject_request: "[Collaboration request] {number} {title}",
    subject_agenda: "[Meeting notice] {number} {meeting} ({time})",
    subject_minutes: "[Minutes] {number} {meeting}",
    subject_letter: "[Completion letter] {number} {title}",
    greeting: "Dear {names},",
    everyone: "colleagues",
    request_intro: "{department} has started the collaboration “{title}” (No. {number}) and asks for your department's support. Please find the {document} attached.",
    request_ask_by: "Please assess its feasibility and reply by {due}: if you agree, confirm your participation and name your department's contact; if not, please suggest concrete adjustments.",
    request_ask_within: "Please assess its feasibility and reply within {days} working days: if you agree, confirm your participation and name your department's contact; if not, please suggest concrete adjustments.",
    agenda_intro: "The meeting “{meeting}” will be held on {when}. Please find the {document} and a calendar invitation attached; the invitation can be added to your calendar directly.",
    agenda_at_place: "{time} in {place}",
    agenda_topics: "Topics:",
    agenda_ask: "Please attend on time. If you cannot, please tell us before the meeting and send someone in your place.",
    minutes_intro: "Please find attached the {document} of “{meeting}” ({time}), revision {revision}.",
    minutes_goal: "Overall goal: {goal}",
    minutes_ask: "Please review them and return a scan signed by your department head; if you disagree with anything, please tell us promptly. Once signed by every party's head, the minutes are the basis for the work ahead.",
    letter_intro: "The collaboration “{title}” (No. {number}) passed acceptance on {completed}. Please find the {document} attached.",
    letter_ask: "Please have it signed by your department head and return a scan for the archive. Thank you all for your support and cooperation!",
    closing: "Best regards,",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// `template` with each `{key}` replaced by its value.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_string(), |text, (key, value)| text.replace(&format!("{{{key}}}"), value))
}

/// What a draft's subject and body are made of.
struct Facts<'a> {
    w: &'static Words,
    dossier: &'a Dossier,
    meeting: Option<&'a Value>,
    document: &'static str,
    number: &'a str,
    today: NaiveDate,
    /// The working days a department has to answer a request not sent yet.
    sla_days: u32,
}

impl Facts<'_> {
    fn collaboration(&self, key: &str) -> String {
        ics::text(&self.dossier.collaboration, key)
    }

    fn meeting_text(&self, key: &str) -> String {
        self.meeting.map(|m| ics::text(m, key)).unwrap_or_default()
    }

    /// The meeting's date and hours in Beijing time.
    fn meeting_time(&self) -> Result<String> {
        let Some(m) = self.meeting else { return Ok(String::new()) };
        let (start, end) = (ics::beijing_time(m, "starts_at")?, ics::beijing_time(m, "ends_at")?);
        let (start_hm, end_hm) = (start.format("%H:%M").to_string(), end.format("%H:%M").to_string());
        Ok(fill(self.w.time_span, &[("date", &(self.w.date)(start.date())), ("start", &start_hm), ("end", &end_hm)]))
    }

    fn subject(&self, kind: DraftKind) -> Result<String> {
        let w = self.w;
        let template = match kind {
            DraftKind::Request => w.subject_request,
            DraftKind::Agenda => w.subject_agenda,
            DraftKind::Minutes => w.subject_minutes,
            DraftKind::Letter => w.subject_letter,
        };
        let time = self.meeting_time()?;
        let values =
            [("number", self.number), ("title", &self.collaboration("title")), ("meeting", &self.meeting_text("title")), ("time", &time)];
        Ok(fill(template, &values))
    }

    fn body(&self, kind: DraftKind, recipients: &[&Person], sender: Option<&Person>) -> Result<String> {
        let w = self.w;
        let names: Vec<&str> = recipients.iter().map(|p| p.name.as_str()).collect();
        let names = if names.is_empty() { w.everyone.to_string() } else { names.join(w.list_sep) };
        let mut paragraphs = vec![fill(w.greeting, &[("names", &names)])];
        let title = self.collaboration("title");
        let common = [("number", self.number), ("title", title.as_str()), ("document", self.document)];
        let time = self.meeting_time()?;
        let meeting = self.meeting_text("title");
        match kind {
            DraftKind::Request => {
                let department = self.collaboration("initiating_department");
                paragraphs.push(fill(w.request_intro, &[&common[..], &[("department", &department)]].concat()));
                paragraphs.push(match confirmation_due(self.dossier) {
                    Some(due) => fill(w.request_ask_by, &[("due", &(w.date)(due))]),
                    None => fill(w.request_ask_within, &[("days", &self.sla_days.to_string())]),
                });
            }
            DraftKind::Agenda => {
                let place = self.meeting_text("place");
                let when = if place.is_empty() { time.clone() } else { fill(w.agenda_at_place, &[("time", &time), ("place", &place)]) };
                paragraphs.push(fill(w.agenda_intro, &[&common[..], &[("when", &when), ("meeting", &meeting)]].concat()));
                let topics = ics::strings(&self.meeting.map(|m| m["agenda"].clone()).unwrap_or_default());
                if !topics.is_empty() {
                    let lines: Vec<String> = topics.iter().enumerate().map(|(i, t)| format!("{}. {t}", i + 1)).collect();
                    paragraphs.push(format!("{}\n{}", w.agenda_topics, lines.join("\n")));
                }
                paragraphs.push(w.agenda_ask.to_string());
            }
            DraftKind::Minutes => {
                let revision = self.meeting_text("minutes_revision");
                paragraphs.push(fill(
                    w.minutes_intro,
                    &[&common[..], &[("meeting", &meeting), ("time", &time), ("revision", &revision)]].concat(),
                ));
                let goal = self.meeting_text("minutes_goal");
                if !goal.is_empty() {
                    paragraphs.push(fill(w.minutes_goal, &[("goal", &goal)]));
                }
                paragraphs.push(w.minutes_ask.to_string());
            }
            DraftKind::Letter => {
                let letter = self.dossier.letter.as_ref().ok_or(FormsError::NoRecord { what: "completion letter" })?;
                let completed = [self.collaboration("completed_at"), ics::text(letter, "issued_on")]
                    .iter()
                    .find_map(|d| d.get(..10).and_then(|d| d.parse::<NaiveDate>().ok()))
                    .unwrap_or(self.today);
                paragraphs.push(fill(w.letter_intro, &[&common[..], &[("completed", &(w.date)(completed))]].concat()));
                paragraphs.push(w.letter_ask.to_string());
            }
        }
        let signature = [
            Some(w.closing.to_string()),
            sender.map(|p| p.name.clone()),
            sender.and_then(|p| p.department_name.clone()).or_else(|| Some(self.collaboration("initiating_department"))),
            Some((w.date)(self.today)),
        ];
        paragraphs.push(signature.into_iter().flatten().filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n"));
        Ok(paragraphs.join("\n\n") + "\n")
    }
}

/// The latest confirmation round's due date, if the request was sent.
fn confirmation_due(d: &Dossier) -> Option<NaiveDate> {
    let round = d.feasibility.iter().filter_map(|f| f["round"].as_i64()).max()?;
    d.feasibility.iter().filter(|f| f["round"].as_i64() == Some(round)).filter_map(|f| f["due_date"].as_str()?.parse().ok()).max()
}

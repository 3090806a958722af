//! The vocabulary shared by the engine, the CLI and the desktop app: stages, statuses and kinds.
//!
//! Each enum is stored and sent as its snake_case code; people see translated labels. The Chinese
//! label is kept here too because the register and the documents print it.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal / $zh:literal),+ $(,)? }) => {
        $(#[$meta])*
        /// Serialised as its code, the same text that is stored in the database.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
        pub enum $name { $(#[serde(rename = $code)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The Chinese label, as printed on documents and the register.
            pub fn label_zh(self) -> &'static str {
                match self { $($name::$variant => $zh),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl FromStr for $name {
            type Err = crate::EngineError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($code => Ok($name::$variant),)+
                    other => Err(crate::EngineError::invalid(stringify!($name), format!("unknown value '{other}'"))),
                }
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                text.parse().map_err(|e: crate::EngineError| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }
    };
}

code_enum!(
    /// Where a collaboration stands in the four-step process.
    Stage {
        Draft = "draft" / "草拟",
        Confirming = "confirming" / "需求确认中",
        Revising = "revising" / "需求修订中",
        Kickoff = "kickoff" / "待启动会议",
        Executing = "executing" / "执行跟踪",
        Accepting = "accepting" / "成果验收",
        Completed = "completed" / "已完成",
        Archived = "archived" / "已归档",
    }
);

code_enum!(
    /// What a collaborating department is asked to provide.
    SupportKind {
        Data = "data" / "提供数据",
        Resources = "resources" / "提供资源",
        Approval = "approval" / "审批权限",
        Other = "other" / "其他",
    }
);

code_enum!(
    FeasibilityAnswer {
        Confirm = "confirm" / "确认参与",
        Object = "object" / "有异议",
    }
);

code_enum!(
    MeetingKind {
        Kickoff = "kickoff" / "启动会",
        Progress = "progress" / "推进会",
        Review = "review" / "评审会",
        Adjustment = "adjustment" / "调整会",
    }
);

code_enum!(
    TaskStatus {
        NotStarted = "not_started" / "未开始",
        InProgress = "in_progress" / "进行中",
        Done = "done" / "已完成",
        Blocked = "blocked" / "受阻",
    }
);

code_enum!(
    ChangeStatus {
        Pending = "pending" / "待各方确认",
        Approved = "approved" / "已生效",
        Rejected = "rejected" / "已否决",
    }
);

code_enum!(
    Decision {
        Approve = "approve" / "同意",
        Reject = "reject" / "不同意",
    }
);

code_enum!(
    DeliverableStatus {
        Submitted = "submitted" / "已提交",
        Rectifying = "rectifying" / "整改中",
        Passed = "passed" / "验收通过",
    }
);

code_enum!(
    CommunicationKind {
        Meeting = "meeting" / "会议",
        Email = "email" / "邮件",
        Phone = "phone" / "电话",
        Im = "im" / "即时通讯",
    }
);

code_enum!(
    /// The printed documents whose revisions are signed.
    DocumentKind {
        Request = "request" / "协作需求申请表",
        Agenda = "agenda" / "会议议程",
        Minutes = "minutes" / "协作会议纪要",
        Tracking = "tracking" / "进度跟踪表",
        SelfCheck = "selfcheck" / "成果自检表",
        Acceptance = "acceptance" / "验收意见表",
        Letter = "letter" / "协作完成确认函",
        Register = "register" / "沟通事项跟踪表",
    }
);

impl Stage {
    /// The five steps of the stage stepper (需求确认 → 启动会议 → 执行跟踪 → 成果验收 → 归档).
    pub fn step(self) -> u8 {
        match self {
            Stage::Draft | Stage::Confirming | Stage::Revising => 1,
            Stage::Kickoff => 2,
            Stage::Executing => 3,
            Stage::Accepting | Stage::Completed => 4,
            Stage::Archived => 5,
        }
    }

    /// Execution-phase stages, in which tasks, statuses, risks and changes are recorded.
    pub fn is_executing(self) -> bool {
        matches!(self, Stage::Executing | Stage::Accepting)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialised_names_are_the_stored_codes() {
        for kind in DocumentKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.code());
            assert_eq!(kind.code().parse::<DocumentKind>().unwrap(), *kind);
        }
        for stage in Stage::ALL {
            assert_eq!(serde_json::to_value(stage).unwrap(), stage.code());
        }
    }
}

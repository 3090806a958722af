//! Demo view models, one per document, built from the company's example (市场部 新产品上市推广
//! and friends). Used by the tests, the golden renders and the benchmark; the CLI can print them
//! before the engine has real records.

use crate::model::*;

fn s(x: &str) -> String {
    x.to_string()
}

fn v(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|x| x.to_string()).collect()
}

pub fn head() -> Head {
    Head { collab_id: s("0192f5a4-7c1e-7b3a-9d2e-4f6a8b0c1d2e"), number: s("XZ-2024-000123"), revision: 2 }
}

pub fn request() -> RequestForm {
    RequestForm {
        title: s("客户关系管理（CRM）系统季度促销活动数据接口对接及报表自动化"),
        filled_on: Date::new(2024, 5, 20),
        initiating_department: s("市场营销部"),
        applicant: s("张伟（市场专员）"),
        phone: s("010-6888 1234 / 138 0013 8000"),
        collaborating_departments: v(&["信息技术部", "财务部", "法务合规部"]),
        background: s("为支持第三季度“夏季焕新”促销活动，需要信息技术部协助完成CRM系统与电商平台订单数据的API对接，实现每日自动同步订单、会员积分与优惠券核销数据。Data sync window: 02:00–04:00 (UTC+8), daily; expected volume ≈ 50,000 orders/day."),
        goal: s("1. 订单数据每日自动同步，延迟不超过24小时；2. 自动生成促销效果日报（销售额、转化率、客单价）；3. 完成合规审核意见书一份。"),
        support: vec![
            Support { department: s("信息技术部"), asked: s("开发人员2名（约10个工作日），测试环境一套，接口文档与联调支持") },
            Support { department: s("财务部"), asked: s("核对促销费用的预算科目与报销口径，指定财务对接人1名") },
            Support { department: s("法务合规部"), asked: s("审核活动规则文本及个人信息收集授权条款，确保符合《个人信息保护法》") },
        ],
        expected_completion: Date::new(2024, 6, 30),
        milestones: vec![
            Milestone { name: s("需求调研完成"), date: Date::new(2024, 5, 31), deliverable: s("需求说明书") },
            Milestone { name: s("方案评审"), date: Date::new(2024, 6, 10), deliverable: s("接口方案") },
            Milestone { name: s("上线交付"), date: Date::new(2024, 6, 30), deliverable: s("上线报告") },
        ],
        attachments: v(&["《夏季焕新促销活动方案v2.3.docx》", "接口字段说明.xlsx"]),
    }
}

pub fn agenda() -> Agenda {
    Agenda {
        meeting: s("CRM促销数据对接项目启动会"),
        time: s("2024-05-27 14:00–16:00"),
        place: s("总部3号楼 502会议室 / 线上会议 ID 886 2024 0527"),
        host: s("王芳（市场营销部经理）"),
        attendees: v(&["王芳", "张伟", "李娜（信息技术部）", "赵磊（财务部）", "陈静（法务合规部）"]),
        background: s("第三季度“夏季焕新”促销活动需要CRM系统与电商平台的订单数据每日自动同步，并自动生成促销效果日报。"),
        division: vec![
            Responsibility {
                department: s("市场营销部"), items: v(&["提供活动方案与报表口径", "组织周例会并汇总进度"])
            },
            Responsibility { department: s("信息技术部"), items: v(&["接口开发与联调", "部署定时同步任务"]) },
            Responsibility { department: s("财务部"), items: v(&["确认预算科目与报销口径"]) },
        ],
        topics: v(&["确认需求范围与验收标准", "讨论分工草案，明确唯一责任人", "确定例会时间与紧急问题沟通渠道"]),
    }
}

pub fn minutes() -> Minutes {
    Minutes {
        meeting: s("CRM促销数据对接项目启动会"),
        time: s("2024-05-27 14:00–16:10"),
        place: s("总部3号楼 502会议室"),
        recorder: s("张伟"),
        attendees: v(&["王芳", "张伟", "李娜", "赵磊", "陈静"]),
        goal: s("6月30日前完成CRM与电商平台订单数据的每日自动同步，并上线促销效果日报。"),
        milestones: vec![
            Milestone { name: s("需求调研完成"), date: Date::new(2024, 5, 31), deliverable: s("需求说明书v1.0") },
            Milestone { name: s("方案评审"), date: Date::new(2024, 6, 10), deliverable: s("接口设计方案") },
            Milestone { name: s("上线交付"), date: Date::new(2024, 6, 30), deliverable: s("上线报告、日报模板") },
        ],
        responsibilities: vec![
            Responsibility { department: s("市场营销部"), items: v(&["报表口径与活动规则", "进度汇总与例会组织"]) },
            Responsibility { department: s("信息技术部"), items: v(&["接口开发、联调与部署", "同步失败告警"]) },
            Responsibility { department: s("财务部"), items: v(&["预算科目核对"]) },
            Responsibility { department: s("法务合规部"), items: v(&["活动规则与授权条款合规审核"]) },
        ],
        communication: Communication {
            regular_meeting: s("每周二 10:00，30分钟，线上"),
            urgent_channel: s("企业微信群“CRM对接攻坚”，2小时内响应"),
            information_sync: s("共享文件夹 \\\\fs01\\协作\\XZ-2024-000123，纪要24小时内发出"),
        },
        acceptance_criteria: v(&["功能模块覆盖率≥95%", "同步延迟≤24小时", "用户满意度≥90分"]),
        decisions: v(&["采用API每日增量同步，CSV导入作为过渡方案", "6月10日方案评审会由信息技术部主持"]),
        signing_departments: v(&["市场营销部", "信息技术部", "财务部", "法务合规部"]),
    }
}

const TASK_NAMES: [&str; 8] = [
    "会员积分同步脚本上线及每日02:00定时任务配置，失败自动重试并邮件告警",
    "报表自动化",
    "供应商合同续签",
    "新员工入职培训材料更新（2024版）",
    "CRM系统订单数据接口开发",
    "促销活动规则文本合规审核（含个人信息收集授权条款）",
    "预算科目核对",
    "Data pipeline monitoring dashboard",
];
const DEPTS: [&str; 6] = ["综合管理部", "市场营销部", "信息技术部", "财务部", "法务合规部", "人力资源部"];
const OWNERS: [&str; 7] = ["刘洋", "陈静", "赵磊", "欧阳明远", "张伟", "王芳", "李娜"];

/// A tracking table with `n` tasks (the golden render uses 40, the pagination test 300).
pub fn tracking(n: usize) -> Tracking {
    let statuses = [TaskStatus::NotStarted, TaskStatus::Delayed, TaskStatus::Done, TaskStatus::InProgress, TaskStatus::Blocked];
    let tasks = (0..n)
        .map(|i| {
            let status = statuses[i % statuses.len()];
            TaskRow {
                code: format!("XZ-2024-{:06}", 100 + i),
                name: s(TASK_NAMES[i % TASK_NAMES.len()]),
                department: s(DEPTS[i % DEPTS.len()]),
                owner: s(OWNERS[i % OWNERS.len()]),
                start: Date::new(2024, 7, 1 + (i % 28) as u32),
                end: Date::new(2024, 8, 1 + (i % 28) as u32),
                finished: (status == TaskStatus::Done).then(|| Date::new(2024, 8, 2 + (i % 27) as u32)),
                progress: ((i * 37) % 101) as u8,
                status,
                note: if i % 4 == 3 { s("需财务部确认预算后方可启动下一阶段") } else { String::new() },
            }
        })
        .collect();
    Tracking {
        title: s("CRM促销数据对接"),
        period: s("2024-07-15 ~ 2024-07-21"),
        meeting_date: Date::new(2024, 7, 23),
        tasks,
        problems: vec![
            Problem {
                description: s("测试环境数据库连接数不足，联调时频繁超时"),
                owner: s("李娜"),
                deadline: Date::new(2024, 7, 26),
                resolution: s("申请扩容至200连接"),
            },
            Problem {
                description: s("优惠券核销口径与财务报销口径不一致"),
                owner: s("赵磊"),
                deadline: Date::new(2024, 7, 30),
                resolution: String::new(),
            },
        ],
    }
}

pub fn self_check() -> SelfCheck {
    SelfCheck {
        deliverable: s("CRM订单数据接口（v1.2）及部署文档"),
        department: s("信息技术部"),
        submitter: s("李娜"),
        submitted_on: Date::new(2024, 6, 28),
        items: vec![
            CheckItem {
                item: s("接口功能完整性"),
                criterion: s("覆盖订单、会员积分、优惠券核销三类数据"),
                passed: true,
                note: s("全部覆盖"),
            },
            CheckItem {
                item: s("同步时效"), criterion: s("每日02:00开始，04:00前完成"), passed: true, note: s("近7日平均 03:12 完成")
            },
            CheckItem { item: s("异常处理"), criterion: s("失败自动重试3次并邮件告警"), passed: true, note: String::new() },
            CheckItem {
                item: s("文档"), criterion: s("部署文档、接口字段说明齐全"), passed: false, note: s("字段说明待补充2项")
            },
        ],
        conclusion: s("基本达到约定标准，字段说明将于7月1日前补齐后提交验收。"),
    }
}

pub fn acceptance() -> Acceptance {
    Acceptance {
        deliverable: s("CRM订单数据接口（v1.2）及促销效果日报"),
        department: s("信息技术部"),
        reviewed_on: Date::new(2024, 7, 5),
        round: 1,
        criteria: vec![
            Criterion { criterion: s("功能模块覆盖率"), target: s("≥95%"), measured: s("97%"), passed: true },
            Criterion { criterion: s("同步延迟"), target: s("≤24小时"), measured: s("≤3小时"), passed: true },
            Criterion { criterion: s("用户满意度"), target: s("≥90分"), measured: s("86分"), passed: false },
        ],
        passed: false,
        opinion: s("接口功能与时效达标；日报可读性不足，用户满意度未达标，需整改后复验。"),
        rectifications: vec![
            Rectification { item: s("日报增加同比、环比指标及图表"), owner: s("李娜"), deadline: Date::new(2024, 7, 12) },
            Rectification { item: s("补充接口字段说明2项"), owner: s("张伟"), deadline: Date::new(2024, 7, 10) },
        ],
        reviewers: v(&["市场营销部", "信息技术部", "财务部"]),
    }
}

pub fn letter() -> Letter {
    Letter {
        recipient: s("信息技术部"),
        subject: s("客户关系管理（CRM）系统季度促销活动数据接口对接及报表自动化"),
        completed_on: Date::new(2024, 7, 12),
        sender: s("市场营销部"),
        issued_on: Date::new(2026, 11, 24),
        extra_paragraphs: Vec::new(),
    }
}

pub fn register() -> Register {
    Register {
        rows: vec![
            RegisterRow {
                number: s("XZ-2024-000101"),
                initiating_department: s("X市场部"),
                matter: s("新产品上市推广"),
                contacts: s("张伟 / 李娜（研发部）、赵磊（销售部）"),
                background_goal: s("新产品Q3上市，需研发部提供技术卖点、销售部制定渠道方案；目标首月销量1万台"),
                milestones: s("6/10 方案评审；6/30 物料完成；7/15 上市发布"),
                communication: s("5/27 启动会纪要已签；6/3 邮件确认技术卖点清单"),
                progress: s("进行中（60%）"),
                feedback: s("销售部建议增加线下体验活动"),
                owner: s("张伟"),
                remarks: String::new(),
            },
            RegisterRow {
                number: s("XZ-2024-000102"),
                initiating_department: s("X人力资源部"),
                matter: s("年度培训计划落地"),
                contacts: s("王芳 / 各部门培训联络人"),
                background_goal: s("落实年度培训计划，各部门提交培训需求与讲师名单；目标覆盖率100%"),
                milestones: s("3/31 需求收集；4/30 课程表发布；12/31 全部完成"),
                communication: s("4/2 例会纪要；4/15 邮件汇总各部门讲师名单"),
                progress: s("已完成"),
                feedback: s("财务部课程需调整至季度末之后"),
                owner: s("王芳"),
                remarks: s("已归档"),
            },
        ],
    }
}

/// The demo document of a kind.
pub fn document(kind: Kind) -> Document {
    let body = match kind {
        Kind::Request => Body::Request(request()),
        Kind::Agenda => Body::Agenda(agenda()),
        Kind::Minutes => Body::Minutes(minutes()),
        Kind::Tracking => Body::Tracking(tracking(40)),
        Kind::SelfCheck => Body::SelfCheck(self_check()),
        Kind::Acceptance => Body::Acceptance(acceptance()),
        Kind::Letter => Body::Letter(letter()),
        Kind::Register => Body::Register(register()),
    };
    Document { head: head(), body }
}

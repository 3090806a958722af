//! A 300-row tracking table paginates with the header row repeated on every page and no row
//! split across pages.


use crate::common::*;
use xiezuo_forms::{demo, render, Body, Document, Lang};

#[test]
fn three_hundred_rows_repeat_the_header() {
    // A collaboration number outside the task-code range, so page frames don't count as rows.
    let head = xiezuo_forms::Head { number: "XZ-2099-000001".into(), ..demo::head() };
    let doc = Document { head, body: Body::Tracking(demo::tracking(300)) };
    let r = render(&doc, Lang::Zh).unwrap();
    assert!(r.pages >= 10, "only {} pages", r.pages);
    let pdf = write(&r.bytes);
    let mut seen = Vec::new();
    for page in 1..=r.pages {
        let t = text(&pdf, Some(page));
        let codes: Vec<String> = squash(&t).match_indices("XZ-2024-").map(|(i, _)| squash(&t)[i..i + 14].to_string()).collect();
        if !codes.is_empty() {
            assert!(
                squash(&t).contains("序号任务编号任务名称负责部门负责人计划开始计划完成实际完成进度状态备注"),
                "page {page} lacks the header row"
            );
        }
        seen.extend(codes);
    }
    let expected: Vec<String> = (0..300).map(|i| format!("XZ-2024-{:06}", 100 + i)).collect();
    let first_bad = seen.iter().zip(&expected).position(|(a, b)| a != b);
    assert!(
        seen.len() == expected.len() && first_bad.is_none(),
        "rows missing, repeated or out of order at {first_bad:?} ({} seen)",
        seen.len()
    );
}

#[test]
fn a_row_taller_than_a_page_is_split_between_lines() {
    let mut t = demo::tracking(3);
    t.tasks[1].note = (1..=120).map(|i| format!("第{i}行说明")).collect::<Vec<_>>().join("\n");
    let doc = Document { head: demo::head(), body: Body::Tracking(t) };
    let r = render(&doc, Lang::Zh).unwrap();
    assert!(r.pages >= 3, "{} pages", r.pages);
    let pdf = write(&r.bytes);
    let all = squash(&text(&pdf, None));
    for i in 1..=120 {
        assert!(all.contains(&format!("第{i}行说明")), "line {i} lost");
    }
    // Each page holding part of the row also repeats the header.
    for page in 1..=r.pages {
        let p = squash(&text(&pdf, Some(page)));
        if p.contains("行说明") {
            assert!(p.contains("任务编号"), "page {page}");
        }
    }
}

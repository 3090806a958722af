//! The UI's TypeScript bindings are generated from the engine and committed; these tests fail when
//! the committed file is stale or when an action has no declared result.

use std::collections::BTreeSet;
use std::path::PathBuf;
use ts_rs::{Config, TS};
use xiezuo_engine::action::Action;
use xiezuo_engine::bindings;

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/bindings.ts")
}

#[test]
fn bindings_are_current() {
    let generated = bindings::typescript().unwrap();
    let path = committed_path();
    if std::env::var_os("XIEZUO_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/bindings.ts is stale; regenerate with `XIEZUO_BLESS=1 cargo test -p xiezuo-engine bindings` and commit it"
    );
}

#[test]
fn every_action_has_a_declared_result() {
    let declaration = Action::decl(&Config::new());
    let actions: BTreeSet<&str> = declaration.split("\"action\": \"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    let with_results: BTreeSet<&str> = bindings::result_action_names().into_iter().collect();
    assert!(actions.len() > 50, "{declaration}");
    assert_eq!(actions, with_results);
}

#[test]
fn dossier_rows_follow_the_schema() {
    let generated = bindings::typescript().unwrap();
    // A NOT NULL column, a nullable one, a joined name and a JSON list column.
    assert!(generated.contains("export interface TaskRow {\n  id: string;\n"), "{generated}");
    assert!(generated.contains("  responsible: string | null;\n"));
    assert!(generated.contains("  collaborators: Array<string> | null;\n"));
    assert!(generated.contains("  letter: LetterRow | null;\n"));
    assert!(!generated.contains("bigint"), "numbers cross JSON as numbers");
}

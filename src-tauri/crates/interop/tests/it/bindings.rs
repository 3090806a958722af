//! The window's types for the office commands are generated from this crate and committed
//! (`ui/src/bindings-interop.ts`); this test fails when the committed file is stale.

use std::path::PathBuf;

#[test]
fn bindings_are_current() {
    let generated = xiezuo_interop::bindings::typescript();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/bindings-interop.ts");
    if std::env::var_os("XIEZUO_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/bindings-interop.ts is stale; regenerate with `XIEZUO_BLESS=1 cargo test -p xiezuo-interop --test it bindings` and commit it"
    );
    // Engine types are imported from the engine's file, not declared twice.
    assert!(generated.contains("from './bindings';"), "{generated}");
    assert!(!generated.contains("export type DocumentKind"), "{generated}");
}

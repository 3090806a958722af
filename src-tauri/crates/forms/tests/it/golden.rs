//! Golden output: the SHA-256 of every demo document's PDF, zh and en. Any change to layout,
//! fonts, printpdf or the view models shows up here. After an intended change, look at the
//! renders (`cargo run -p xiezuo-forms --example render_demo -- OUT`) and re-bless with
//! `XIEZUO_BLESS=1 cargo test -p xiezuo-forms --test it golden`.

use sha2::{Digest, Sha256};
use xiezuo_forms::{demo, render, Kind, Lang};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/pdf-sha256.txt");

#[test]
fn demo_documents_match_golden_hashes() {
    let mut actual = String::new();
    for kind in Kind::ALL {
        for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
            let bytes = render(&demo::document(kind), lang).unwrap().bytes;
            let hash: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
            actual.push_str(&format!("{}-{tag} {hash}\n", kind.as_str()));
        }
    }
    if std::env::var_os("XIEZUO_BLESS").is_some() {
        std::fs::write(GOLDEN, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(GOLDEN).unwrap_or_default();
    let changed: Vec<&str> = actual.lines().filter(|l| !expected.lines().any(|e| e == *l)).collect();
    assert!(changed.is_empty(), "output changed for: {changed:?}\n(re-bless with XIEZUO_BLESS=1 after checking the renders)");
}

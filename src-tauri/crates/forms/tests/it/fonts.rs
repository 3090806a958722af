//! Font book errors and glyph fallback.

use xiezuo_forms::{demo, fonts::FontBook, render, Body, Document, FormsError, Kind, Lang};

#[test]
fn missing_font_dir_is_a_typed_error() {
    let err = FontBook::load(std::path::Path::new("/nonexistent/fonts")).err().expect("error");
    assert!(matches!(err, FormsError::FontMissing { .. }), "{err}");
    assert!(err.to_string().contains("npm ci"));
}

#[test]
fn characters_no_face_has_are_reported() {
    let mut doc = demo::document(Kind::Request);
    if let Body::Request(r) = &mut doc.body {
        r.applicant = "𠮷野家".to_string();
    }
    let r = render(&doc, Lang::Zh).unwrap();
    assert_eq!(r.missing_glyphs, vec!['𠮷']);
    let plain: Document = demo::document(Kind::Request);
    assert!(render(&plain, Lang::Zh).unwrap().missing_glyphs.is_empty());
}

#[test]
fn hash_depends_on_data_not_language() {
    let doc = demo::document(Kind::Minutes);
    let zh = render(&doc, Lang::Zh).unwrap();
    let en = render(&doc, Lang::En).unwrap();
    assert_eq!(zh.content_hash, en.content_hash);
    let mut changed = doc.clone();
    changed.head.revision += 1;
    assert_ne!(render(&changed, Lang::Zh).unwrap().content_hash, zh.content_hash);
}

#[test]
fn tabs_and_invisible_characters_are_not_missing_glyphs() {
    let mut doc = demo::document(Kind::Request);
    if let Body::Request(r) = &mut doc.body {
        r.applicant = "张伟\t（市场\u{200B}专员）\u{FE0F}\r".to_string();
    }
    let r = render(&doc, Lang::Zh).unwrap();
    assert!(r.missing_glyphs.is_empty(), "{:?}", r.missing_glyphs);
}

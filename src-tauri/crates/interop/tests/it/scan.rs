//! Scanned signatures: a document printed by the app comes back as paper — rasterised by
//! `pdftoppm` at 150 and 300 dpi, turned a few degrees, JPEG-compressed, or wrapped in a
//! scanner-style PDF — and is matched to its record and revision; receiving it files the scan and
//! marks the confirmed signatures, and every hostile file is refused with nothing changed.

use image::{GrayImage, Luma, RgbImage};
use lopdf::{dictionary, Document, Object, Stream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use xiezuo_engine::clock::{china_offset, FixedClock};
use xiezuo_engine::model::DocumentKind;
use xiezuo_engine::Engine;
use xiezuo_forms::{records, Kind, Lang};
use xiezuo_interop::scan::{match_record, match_scan, read_codes, receive_scan, ReceiveScan, ScanMatch};

struct Ctx {
    engine: Engine,
    dir: tempfile::TempDir,
}

impl Ctx {
    /// The demo on a fresh database, the clock at 2026-11-24 09:00 China time.
    fn demo() -> Ctx {
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::TimeZone::with_ymd_and_hms(&china_offset(), 2026, 11, 24, 9, 0, 0).unwrap().with_timezone(&chrono::Utc);
        let mut engine = Engine::open_with_clock(&dir.path().join("x.db"), FixedClock::new(now) as Arc<_>).unwrap();
        engine.load_demo().unwrap();
        Ctx { engine, dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Prints XZ-2026-001's kickoff minutes (recording the print) to `name`.
    fn print_minutes(&mut self, name: &str) -> PathBuf {
        let printed = records::print(&mut self.engine, Kind::Minutes, Some("XZ-2026-001"), None, Lang::Zh).unwrap();
        let path = self.path(name);
        std::fs::write(&path, &printed.rendered.bytes).unwrap();
        path
    }

    fn kickoff_meeting(&self) -> String {
        let dossier = self.engine.dossier("XZ-2026-001").unwrap();
        let meeting = dossier.meetings.iter().find(|m| m["kind"] == "kickoff").unwrap();
        meeting["id"].as_str().unwrap().to_string()
    }

    /// Row counts that any write would change.
    fn footprint(&self) -> Vec<i64> {
        [
            "SELECT count(*) FROM change_log",
            "SELECT count(*) FROM attachment",
            "SELECT count(*) FROM attachment_blob",
            "SELECT count(*) FROM signature WHERE signed_on IS NOT NULL",
        ]
        .iter()
        .map(|sql| self.engine.connection().query_row(sql, [], |r| r.get(0)).unwrap())
        .collect()
    }
}

/// Page 1 of `pdf` rendered by poppler at `dpi`.
fn rasterise(pdf: &Path, dpi: u32) -> RgbImage {
    let prefix = pdf.with_file_name(format!("page-{dpi}"));
    let out = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-f", "1", "-l", "1", "-singlefile", "-png"])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm runs (apt: poppler-utils)");
    assert!(out.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&out.stderr));
    image::open(prefix.with_extension("png")).unwrap().into_rgb8()
}

/// `page` turned by `degrees` about its centre (bilinear), the uncovered corners white, as a
/// sheet fed slightly askew.
fn rotate(page: &RgbImage, degrees: f32) -> RgbImage {
    let (w, h) = page.dimensions();
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    RgbImage::from_fn(w, h, |x, y| {
        let (dx, dy) = (x as f32 - cx, y as f32 - cy);
        let (sx, sy) = (cos * dx + sin * dy + cx, -sin * dx + cos * dy + cy);
        let (x0, y0) = (sx.floor(), sy.floor());
        let (fx, fy) = (sx - x0, sy - y0);
        let at = |x: f32, y: f32| -> [f32; 3] {
            if x < 0.0 || y < 0.0 || x >= w as f32 || y >= h as f32 {
                [255.0; 3]
            } else {
                page.get_pixel(x as u32, y as u32).0.map(f32::from)
            }
        };
        let (a, b, c, d) = (at(x0, y0), at(x0 + 1.0, y0), at(x0, y0 + 1.0), at(x0 + 1.0, y0 + 1.0));
        image::Rgb(std::array::from_fn(|i| {
            let top = a[i] + (b[i] - a[i]) * fx;
            let bottom = c[i] + (d[i] - c[i]) * fx;
            (top + (bottom - top) * fy).round() as u8
        }))
    })
}

fn jpeg(page: &RgbImage, quality: u8) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality).encode_image(page).unwrap();
    bytes
}

/// A PDF as a scanner writes it: one A4 page showing one JPEG image (DCTDecode).
fn scanner_pdf(jpeg: &[u8], width: u32, height: u32) -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => width as i64, "Height" => height as i64,
            "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
        },
        jpeg.to_vec(),
    ));
    page_pdf(doc, pages_id, image)
}

/// One A4 page drawing `image` (an image XObject already in `doc`) over the whole page.
fn page_pdf(mut doc: Document, pages_id: lopdf::ObjectId, image: lopdf::ObjectId) -> Vec<u8> {
    let content = doc.add_object(Stream::new(dictionary! {}, b"q 595 0 0 842 0 0 cm /Im0 Do Q".to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "XObject" => dictionary! { "Im0" => image } }, "Contents" => content,
    });
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

fn write(ctx: &Ctx, name: &str, bytes: &[u8]) -> PathBuf {
    let path = ctx.path(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn assert_minutes_match(found: &ScanMatch, meeting: &str, revision: i64, what: &str) {
    assert!(found.codes_found, "{what}: no code found");
    assert_eq!(found.number.as_deref(), Some("XZ-2026-001"), "{what}");
    assert_eq!(found.title.as_deref(), Some("新产品上市推广"), "{what}");
    assert_eq!(found.document_kind, Some(DocumentKind::Minutes), "{what}");
    assert_eq!(found.document_id.as_deref(), Some(meeting), "{what}");
    assert_eq!(found.revision, Some(revision), "{what}");
    let departments: Vec<&str> = found.signatures.iter().map(|s| s.department.as_str()).collect();
    assert_eq!(departments, ["市场部", "销售部"], "{what}");
    assert!(found.signatures.iter().all(|s| s.revision == revision), "{what}");
}

#[test]
fn printed_minutes_match_after_rasterising_turning_and_jpeg_compression() {
    let mut ctx = Ctx::demo();
    let pdf = ctx.print_minutes("minutes.pdf");
    let meeting = ctx.kickoff_meeting();
    for dpi in [150, 300] {
        let page = rasterise(&pdf, dpi);
        let png = ctx.path(&format!("page-{dpi}.png"));
        let as_rendered = match_scan(&ctx.engine, &png).unwrap();
        assert_minutes_match(&as_rendered, &meeting, 1, &format!("{dpi} dpi PNG"));
        assert!(!as_rendered.stale);
        assert_eq!(as_rendered.current_revision, Some(1));
        assert!(as_rendered.signatures.iter().all(|s| s.signed_on.as_deref() == Some("2026-10-09")), "the demo's heads signed");

        for degrees in [-3.0, 2.0, 3.0] {
            let what = format!("{dpi} dpi, {degrees}°, JPEG q60");
            let photo = jpeg(&rotate(&page, degrees), 60);
            let scan = write(&ctx, &format!("scan-{dpi}-{degrees}.jpg"), &photo);
            assert_minutes_match(&match_scan(&ctx.engine, &scan).unwrap(), &meeting, 1, &what);

            let wrapped = write(&ctx, &format!("scan-{dpi}-{degrees}.pdf"), &scanner_pdf(&photo, page.width(), page.height()));
            assert_minutes_match(&match_scan(&ctx.engine, &wrapped).unwrap(), &meeting, 1, &format!("{what} in a scanner PDF"));
        }
    }
}

/// A PDF page image stored raw and Flate-compressed (8-bit grey), as some scanners write it.
fn flate_grey_pdf(page: &GrayImage) -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let mut stream = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => page.width() as i64, "Height" => page.height() as i64,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        page.as_raw().clone(),
    );
    stream.compress().unwrap();
    assert!(stream.dict.get(b"Filter").is_ok(), "the test image is Flate-compressed");
    let image = doc.add_object(stream);
    page_pdf(doc, pages_id, image)
}

fn receive(meeting: &str, revision: i64, signatures: &[&str], signed_on: &str) -> ReceiveScan {
    ReceiveScan {
        collaboration: "XZ-2026-001".into(),
        document_kind: DocumentKind::Minutes,
        document_id: meeting.into(),
        revision,
        signatures: signatures.iter().map(|s| s.to_string()).collect(),
        signed_on: signed_on.parse().unwrap(),
    }
}

#[test]
fn raw_flate_page_images_are_read_too() {
    let mut ctx = Ctx::demo();
    let pdf = ctx.print_minutes("minutes.pdf");
    let page = image::DynamicImage::ImageRgb8(rotate(&rasterise(&pdf, 300), -2.0)).into_luma8();
    let scan = write(&ctx, "flate.pdf", &flate_grey_pdf(&page));
    assert_minutes_match(&match_scan(&ctx.engine, &scan).unwrap(), &ctx.kickoff_meeting(), 1, "Flate grey PDF");
}

#[test]
fn receiving_files_the_scan_and_marks_the_confirmed_heads_signed() {
    let mut ctx = Ctx::demo();
    let meeting = ctx.kickoff_meeting();
    assert_eq!(ctx.engine.issue_minutes(&meeting).unwrap(), 2, "minutes re-issued as r2");
    let pdf = ctx.print_minutes("minutes-r2.pdf");
    let scan = write(&ctx, "签字扫描件 r2.jpg", &jpeg(&rotate(&rasterise(&pdf, 150), 1.0), 60));

    let found = match_scan(&ctx.engine, &scan).unwrap();
    assert_minutes_match(&found, &meeting, 2, "r2");
    assert!(!found.stale);
    assert!(found.signatures.iter().all(|s| s.signed_on.is_none()), "r2 is not signed yet");
    let sales = found.signatures[1].id.clone();

    let received = receive_scan(&mut ctx.engine, &scan, receive(&meeting, 2, &[&sales, &sales], "2026-11-20")).unwrap();
    assert_eq!(received.file_name, "签字扫描件 r2.jpg");
    assert_eq!(received.media_type, "image/jpeg");
    assert_eq!((received.number.as_str(), received.revision, received.current_revision, received.stale), ("XZ-2026-001", 2, 2, false));
    assert_eq!(received.signed.len(), 1, "a slot named twice is signed once");
    assert_eq!(received.signed[0].department, "销售部");
    assert_eq!(ctx.engine.attachment_content(&received.attachment_id).unwrap(), std::fs::read(&scan).unwrap());

    let after = match_scan(&ctx.engine, &scan).unwrap();
    assert_eq!(after.signatures[0].signed_on, None, "市场部 was not confirmed");
    assert_eq!(after.signatures[1].signed_on.as_deref(), Some("2026-11-20"));
    assert_eq!(after.signatures[1].scan_attachment_id.as_deref(), Some(received.attachment_id.as_str()));
    let dossier = ctx.engine.dossier("XZ-2026-001").unwrap();
    let attachment = dossier.attachments.iter().find(|a| a["id"] == received.attachment_id.as_str()).unwrap();
    assert_eq!((attachment["file_name"].as_str(), attachment["media_type"].as_str()), (Some("签字扫描件 r2.jpg"), Some("image/jpeg")));
    let actions: Vec<String> = ctx.engine.history("XZ-2026-001").unwrap().into_iter().rev().take(2).map(|h| h.action).collect();
    assert_eq!(actions, ["record_signature", "add_attachment"]);
}

#[test]
fn an_older_revision_is_flagged_stale_and_signs_only_its_own_slots() {
    let mut ctx = Ctx::demo();
    let meeting = ctx.kickoff_meeting();
    let old_pdf = ctx.print_minutes("minutes-r1.pdf");
    ctx.engine.issue_minutes(&meeting).unwrap();
    let scan = write(&ctx, "old.jpg", &jpeg(&rotate(&rasterise(&old_pdf, 150), -2.0), 60));

    let found = match_scan(&ctx.engine, &scan).unwrap();
    assert_minutes_match(&found, &meeting, 1, "r1 after r2 was issued");
    assert!(found.stale);
    assert_eq!(found.current_revision, Some(2));
    let old_slot = found.signatures[0].id.clone();
    let current = match_record(&ctx.engine, "XZ-2026-001", DocumentKind::Minutes, None, 2).unwrap();
    assert!(!current.codes_found && !current.stale);
    let new_slot = current.signatures[0].id.clone();

    let before = ctx.footprint();
    let moved = receive_scan(&mut ctx.engine, &scan, receive(&meeting, 1, &[&new_slot], "2026-11-20")).unwrap_err();
    assert_eq!(moved.kind(), "invalid_input", "an r1 paper cannot sign r2: {moved}");
    let relabelled = receive_scan(&mut ctx.engine, &scan, receive(&meeting, 2, &[&new_slot], "2026-11-20")).unwrap_err();
    assert_eq!(relabelled.kind(), "invalid_input", "the QR code says r1: {relabelled}");
    assert_eq!(ctx.footprint(), before);

    let received = receive_scan(&mut ctx.engine, &scan, receive(&meeting, 1, &[&old_slot], "2026-11-20")).unwrap();
    assert!(received.stale);
    assert_eq!((received.revision, received.current_revision), (1, 2));
    let current = match_record(&ctx.engine, "XZ-2026-001", DocumentKind::Minutes, Some(&meeting), 2).unwrap();
    assert!(current.signatures.iter().all(|s| s.signed_on.is_none()), "r2 still waits for its own signatures");
}

#[test]
fn a_scan_without_a_code_is_filed_once_the_record_is_picked_by_hand() {
    let mut ctx = Ctx::demo();
    let meeting = ctx.kickoff_meeting();
    let blank = ctx.path("blank.png");
    GrayImage::from_pixel(620, 877, Luma([250])).save(&blank).unwrap();
    assert_eq!(match_scan(&ctx.engine, &blank).unwrap(), ScanMatch::default());
    let vector = ctx.print_minutes("printed.pdf");
    assert_eq!(read_codes(&vector).unwrap(), Vec::<String>::new(), "a PDF without page images has no codes to read");
    assert!(!match_scan(&ctx.engine, &vector).unwrap().codes_found);

    let picked = match_record(&ctx.engine, "XZ-2026-001", DocumentKind::Minutes, None, 1).unwrap();
    assert_eq!(picked.document_id.as_deref(), Some(meeting.as_str()), "the kickoff minutes, as printing picks them");
    assert_eq!(match_record(&ctx.engine, "XZ-2026-001", DocumentKind::Minutes, None, 2).unwrap_err().kind(), "invalid_input");
    assert_eq!(match_record(&ctx.engine, "XZ-2026-001", DocumentKind::Register, None, 1).unwrap_err().kind(), "invalid_input");
    let slot = picked.signatures[0].id.clone();
    let received = receive_scan(&mut ctx.engine, &blank, receive(&meeting, 1, &[&slot], "2026-11-23")).unwrap();
    assert_eq!((received.file_name.as_str(), received.media_type.as_str()), ("blank.png", "image/png"));
}

/// A PNG whose header claims `width` × `height` pixels, with a tiny (invalid) body.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { 0xEDB8_8320 ^ (crc >> 1) } else { crc >> 1 };
            }
        }
        !crc
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [
        (&b"IHDR"[..], [&width.to_be_bytes()[..], &height.to_be_bytes(), &[8, 0, 0, 0, 0]].concat()),
        (b"IDAT", vec![0x78, 0x9c, 0x03, 0x00]),
        (b"IEND", vec![]),
    ] {
        png.extend((data.len() as u32).to_be_bytes());
        let body = [kind, &data].concat();
        png.extend(&body);
        png.extend(crc32(&body).to_be_bytes());
    }
    png
}

#[test]
fn hostile_files_are_refused_and_change_nothing() {
    let mut ctx = Ctx::demo();
    let meeting = ctx.kickoff_meeting();
    let slot = match_record(&ctx.engine, "XZ-2026-001", DocumentKind::Minutes, None, 1).unwrap().signatures[0].id.clone();
    let before = ctx.footprint();

    let mut seed = 0x2545_F491_u32;
    let noise: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as u8
        })
        .collect();
    let mut png = Vec::new();
    let speckled = GrayImage::from_fn(300, 300, |x, y| Luma([noise[(x * 300 + y) as usize % noise.len()]]));
    speckled.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
    let photo = jpeg(&image::DynamicImage::ImageLuma8(speckled).into_rgb8(), 60);

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("noise.jpg", noise.clone(), "unreadable_file"),
        ("empty.png", Vec::new(), "unreadable_file"),
        ("truncated.png", png[..png.len() / 2].to_vec(), "unreadable_file"),
        ("garbage.pdf", [&b"%PDF-1.7\n"[..], &noise].concat(), "unreadable_file"),
        ("huge.png", png_header(20_000, 20_000), "file_too_large"),
        ("huge-image.pdf", scanner_pdf(&photo, 20_000, 20_000), "file_too_large"),
    ];
    for (name, bytes, kind) in cases {
        let path = write(&ctx, name, &bytes);
        assert_eq!(read_codes(&path).unwrap_err().kind(), kind, "{name}");
        assert_eq!(match_scan(&ctx.engine, &path).unwrap_err().kind(), kind, "{name}");
        let refused = receive_scan(&mut ctx.engine, &path, receive(&meeting, 1, &[&slot], "2026-11-20")).unwrap_err();
        assert_eq!(refused.kind(), kind, "{name}: {refused}");
        assert_eq!(ctx.footprint(), before, "{name} changed nothing");
    }

    let blank = ctx.path("blank.png");
    GrayImage::from_pixel(40, 40, Luma([255])).save(&blank).unwrap();
    let refusals = [
        (receive(&meeting, 1, &["no-such-slot"], "2026-11-20"), "invalid_input"),
        (receive(&meeting, 1, &[], "2026-11-20"), "missing_field"),
        (receive("no-such-meeting", 1, &[&slot], "2026-11-20"), "not_found"),
        // Refused by the engine after the attachment was stored: the batch keeps neither.
        (receive(&meeting, 1, &[&slot], "2026-12-01"), "invalid_input"),
    ];
    for (input, kind) in refusals {
        let refused = receive_scan(&mut ctx.engine, &blank, input).unwrap_err();
        assert_eq!(refused.kind(), kind, "{refused}");
        assert_eq!(ctx.footprint(), before, "{refused}");
    }
}

#[test]
fn a_printed_request_matches_the_initiating_heads_signature() {
    let mut ctx = Ctx::demo();
    let printed = records::print(&mut ctx.engine, Kind::Request, Some("XZ-2026-001"), None, Lang::En).unwrap();
    let pdf = write(&ctx, "request.pdf", &printed.rendered.bytes);
    let scan = write(&ctx, "request.jpg", &jpeg(&rasterise(&pdf, 300), 60));
    let found = match_scan(&ctx.engine, &scan).unwrap();
    let collaboration = ctx.engine.dossier("XZ-2026-001").unwrap().collaboration["id"].as_str().unwrap().to_string();
    assert_eq!(found.document_kind, Some(DocumentKind::Request));
    assert_eq!(found.document_id, Some(collaboration.clone()), "a request is the collaboration itself");
    assert_eq!(found.collaboration_id, Some(collaboration));
    assert_eq!((found.revision, found.stale), (Some(1), false));
    let heads: Vec<_> = found.signatures.iter().map(|s| (s.department.as_str(), s.head.as_deref(), s.signed_on.as_deref())).collect();
    assert_eq!(heads, [("市场部", Some("王磊"), Some("2026-09-28"))]);
}

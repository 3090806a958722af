//! Render every demo document in zh and en into a folder: `cargo run --example render_demo -- OUT_DIR`.

use xiezuo_forms::{demo, render, Body, Document, Kind, Lang};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "forms-demo".to_string());
    std::fs::create_dir_all(&out)?;
    for kind in Kind::ALL {
        for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
            let t = std::time::Instant::now();
            let r = render(&demo::document(kind), lang)?;
            let path = format!("{out}/{}-{tag}.pdf", kind.as_str());
            std::fs::write(&path, &r.bytes)?;
            println!(
                "{path}: {} pages, {} bytes, hash {}, missing {:?}, {:?}",
                r.pages,
                r.bytes.len(),
                r.short_hash,
                r.missing_glyphs,
                t.elapsed()
            );
        }
    }
    // Stress cases: 300 tasks, and one row taller than a page.
    let mut tall = demo::tracking(3);
    tall.tasks[1].note = (1..=120).map(|i| format!("第{i}行说明")).collect::<Vec<_>>().join("\n");
    for (name, t) in [("tracking-300", demo::tracking(300)), ("tracking-tall", tall)] {
        let doc = Document { head: demo::head(), body: Body::Tracking(t) };
        let t0 = std::time::Instant::now();
        let r = render(&doc, Lang::Zh)?;
        std::fs::write(format!("{out}/{name}.pdf"), &r.bytes)?;
        println!("{out}/{name}.pdf: {} pages, {} bytes, {:?}", r.pages, r.bytes.len(), t0.elapsed());
    }
    Ok(())
}

//! Benchmark (not a test): median of several runs for font loading, the request form and a
//! 300-row tracking table, in-process. Run with `cargo bench -p xiezuo-forms`.
//! Targets on a 2-core box: form ≤ 15 ms, table ≤ 60 ms, form PDF ≤ 100 KB.

use std::time::{Duration, Instant};

use xiezuo_forms::{demo, fonts::fonts_dir, render, Body, Document, FontBook, Kind, Lang};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(n: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..n)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let load = time(5, || FontBook::load(&fonts_dir()).expect("fonts"));
    println!("fonts: load + parse 4 faces      median {load:?} (once per process)");
    FontBook::global().expect("fonts");

    let request = demo::document(Kind::Request);
    let t = time(15, || render(&request, Lang::Zh).unwrap());
    let size = render(&request, Lang::Zh).unwrap().bytes.len();
    println!("request form (zh), in-process    median {t:?}, {} KB", size / 1024);

    let table = Document { head: demo::head(), body: Body::Tracking(demo::tracking(300)) };
    let r = render(&table, Lang::Zh).unwrap();
    let t = time(7, || render(&table, Lang::Zh).unwrap());
    println!("tracking table, 300 rows (zh)    median {t:?}, {} pages, {} KB", r.pages, r.bytes.len() / 1024);

    for kind in Kind::ALL {
        let doc = demo::document(kind);
        let t = time(5, || render(&doc, Lang::Zh).unwrap());
        println!("  {:<11} median {t:?}", kind.as_str());
    }
}

//! TypeScript declarations of what the office commands answer (`ui/src/bindings-interop.ts`),
//! generated like the engine's `ui/src/bindings.ts`, whose types it imports rather than repeats.
//! A test keeps the committed file current; `XIEZUO_BLESS=1 cargo test -p xiezuo-interop
//! bindings` rewrites it.

use ts_rs::TypeVisitor;
use xiezuo_engine::bindings::{config, declared_names, Declarations};

/// The whole `ui/src/bindings-interop.ts`.
pub fn typescript() -> String {
    let cfg = config();
    let mut declarations = Declarations::new(&cfg, declared_names());
    declarations.visit::<crate::xlsx::ImportPreview>();
    declarations.visit::<crate::eml::Draft>();
    declarations.visit::<crate::archive::ArchivePackage>();
    declarations.visit::<crate::archive::VerifyReport>();
    declarations.visit::<crate::scan::PickedScan>();
    declarations.visit::<crate::eml::DraftKind>();
    declarations.visit::<crate::scan::ReceiveScan>();
    declarations.visit::<crate::scan::ReceivedScan>();
    format!(
        "// Generated from the interop crate by `xiezuo_interop::bindings` — do not edit.\n\
         // Regenerate with `XIEZUO_BLESS=1 cargo test -p xiezuo-interop bindings`.\n\n{}",
        declarations.render("./bindings")
    )
}

//! The font book: the four bundled faces, parsed once per process and shared.
//!
//! Parsing a 10–15 MB CJK TrueType file takes a noticeable fraction of a second, so the book is
//! built on first use and cached in a `OnceLock`. The book also answers the two questions the
//! layout layer asks: "how wide is this character?" and "which face can draw it?" — a character
//! missing from the requested face is drawn from another bundled face, and one missing from all
//! of them is reported (never printed silently as a box).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use printpdf::{FontId, ParsedFont};

use crate::error::FormsError;

/// The bundled faces. Sans for labels and tables, serif (宋体-like) for values and letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    Sans,
    SansBold,
    Serif,
    SerifBold,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Sans, Face::SansBold, Face::Serif, Face::SerifBold];

    fn index(self) -> usize {
        self as usize
    }

    /// Path of the face's file relative to the fonts directory (the npm package layout).
    fn relative_path(self) -> &'static str {
        match self {
            Face::Sans => "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
            Face::SansBold => "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
            Face::Serif => "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
            Face::SerifBold => "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
        }
    }

    /// Fixed PDF resource id. Six capital letters, because printpdf uses the first six
    /// characters as the subset tag (`ABCDEF+Name`); fixed ids keep the output deterministic.
    pub fn font_id(self) -> FontId {
        FontId(
            match self {
                Face::Sans => "XZSANR",
                Face::SansBold => "XZSANB",
                Face::Serif => "XZSERR",
                Face::SerifBold => "XZSERB",
            }
            .to_string(),
        )
    }

    /// Faces to try, in order, when this face lacks a character: same family first.
    fn fallback_order(self) -> [Face; 4] {
        match self {
            Face::Sans => [Face::Sans, Face::SansBold, Face::Serif, Face::SerifBold],
            Face::SansBold => [Face::SansBold, Face::Sans, Face::SerifBold, Face::Serif],
            Face::Serif => [Face::Serif, Face::SerifBold, Face::Sans, Face::SansBold],
            Face::SerifBold => [Face::SerifBold, Face::Serif, Face::SansBold, Face::Sans],
        }
    }
}

/// The fonts folder an application installed with its own files (see [`set_fonts_dir`]).
static INSTALLED_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Tells the crate where the installed application keeps the fonts (the desktop app's bundled
/// resources), since the build-time folder does not exist on the user's machine. Call it before
/// the first print; the first call wins.
pub fn set_fonts_dir(dir: PathBuf) {
    let _ = INSTALLED_DIR.set(dir);
}

/// The directory holding the npm packages' files: `XIEZUO_FONTS_DIR` if set, else the folder
/// given to [`set_fonts_dir`], else the crate's own `fonts/node_modules` (resolved at build time).
pub fn fonts_dir() -> PathBuf {
    match std::env::var_os("XIEZUO_FONTS_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => match INSTALLED_DIR.get() {
            Some(dir) => dir.clone(),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/node_modules"),
        },
    }
}

/// What is actually drawn for `ch`: other whitespace (tab, no-break space …) becomes a plain
/// space; control and invisible format characters (zero-width space/joiner, variation
/// selectors, BOM) are dropped rather than drawn — and reported — as missing glyphs.
pub fn printable(ch: char) -> Option<char> {
    match ch {
        '\u{3000}' => Some(ch),
        c if c.is_whitespace() => Some(' '),
        c if c.is_control() => None,
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' => None,
        c => Some(c),
    }
}

/// Reads and parses one face; also accepts a flat folder holding just the four files (an app's
/// resource dir) instead of the npm packages' layout.
fn load_face(dir: &Path, face: Face) -> Result<ParsedFont, FormsError> {
    let nested = dir.join(face.relative_path());
    let flat = dir.join(Path::new(face.relative_path()).file_name().unwrap_or_default());
    let path = if nested.exists() {
        nested
    } else if flat.exists() {
        flat
    } else {
        return Err(FormsError::FontMissing { path: nested });
    };
    let file = std::fs::File::open(&path).map_err(|source| FormsError::FontRead { path: path.clone(), source })?;
    // Safety: the bundled font files are read-only application resources that nothing rewrites
    // while the app runs; mapping them spares reading and copying 10 MB per face.
    let map = unsafe { mmapio::MmapOptions::new().map(&file) }.map_err(|source| FormsError::FontRead { path: path.clone(), source })?;
    let shared = std::sync::Arc::new(rust_fontconfig::FontBytes::Mmapped(map));
    let mut warnings = Vec::new();
    // Lazy: the outline tables (loca/glyf) are read when a glyph is first needed, not up front.
    let parsed = azul_layout::ParsedFont::from_bytes_shared(shared, 0, &mut warnings).ok_or(FormsError::FontParse { path })?;
    Ok(ParsedFont::from_azul(parsed))
}

/// The four parsed faces.
pub struct FontBook {
    faces: [ParsedFont; 4],
    units_per_em: [f32; 4],
}

static BOOK: OnceLock<FontBook> = OnceLock::new();
static LOADING: Mutex<()> = Mutex::new(());

impl FontBook {
    /// The process-wide book, loading it on first call from [`fonts_dir`].
    pub fn global() -> Result<&'static FontBook, FormsError> {
        Self::global_from(&fonts_dir())
    }

    /// The process-wide book, loading it on first call from `dir` (e.g. the desktop app's
    /// resource folder). Later calls return the book already loaded, whatever `dir` they pass.
    pub fn global_from(dir: &Path) -> Result<&'static FontBook, FormsError> {
        if let Some(book) = BOOK.get() {
            return Ok(book);
        }
        // Serialise loading so concurrent first calls don't parse the files twice.
        let _guard = LOADING.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(book) = BOOK.get() {
            return Ok(book);
        }
        let book = FontBook::load(dir)?;
        Ok(BOOK.get_or_init(|| book))
    }

    /// Parse the four faces from `dir` (the layout of the npm packages), one thread per face:
    /// parsing 10 MB faces dominates a print's start-up, and faces are independent.
    pub fn load(dir: &Path) -> Result<FontBook, FormsError> {
        let parsed: Vec<Result<ParsedFont, FormsError>> = std::thread::scope(|scope| {
            let workers: Vec<_> = Face::ALL.into_iter().map(|face| scope.spawn(move || load_face(dir, face))).collect();
            workers.into_iter().map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
        });
        let parsed = parsed.into_iter().collect::<Result<Vec<_>, _>>()?;
        let faces: [ParsedFont; 4] = parsed.try_into().unwrap_or_else(|_| unreachable!());
        let units_per_em = faces.each_ref().map(|f| f32::from(f.font_metrics.units_per_em.max(1)));
        Ok(FontBook { faces, units_per_em })
    }

    pub fn parsed(&self, face: Face) -> &ParsedFont {
        &self.faces[face.index()]
    }

    /// Whether `face` itself has a glyph for `ch`.
    pub fn has(&self, face: Face, ch: char) -> bool {
        self.faces[face.index()].lookup_glyph_index(ch as u32).is_some_and(|g| g != 0)
    }

    /// The face that will draw `ch` when `face` is requested, or `None` if no bundled face has it.
    pub fn resolve(&self, face: Face, ch: char) -> Option<Face> {
        face.fallback_order().into_iter().find(|f| self.has(*f, ch))
    }

    /// Advance width of `ch` in points at `size`, using the face that will draw it.
    /// A character no face has is measured as one em (the width its .notdef box takes).
    pub fn char_width(&self, face: Face, ch: char, size: f32) -> f32 {
        let Some(ch) = printable(ch) else {
            return 0.0;
        };
        let Some(f) = self.resolve(face, ch) else {
            return size;
        };
        let font = &self.faces[f.index()];
        let gid = font.lookup_glyph_index(ch as u32).unwrap_or(0);
        f32::from(font.get_horizontal_advance(gid)) / self.units_per_em[f.index()] * size
    }

    /// Width of `text` in points at `size`.
    pub fn text_width(&self, face: Face, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(face, c, size)).sum()
    }
}

//! Finding QR codes in one page image, as a phone photo or a scanner delivers it.
//!
//! The printed code is 18 mm wide with 0.44 mm modules: about 5 px a module at 300 dpi but only
//! 2.6 px at 150 dpi, under the ~3 px `rqrr` needs once the page is askew and JPEG-blurred.
//! So the page is tried as it is first (a clean scan costs one pass), and only when nothing is
//! found are the fallbacks run, cheapest first: a global (Otsu) threshold, for faint toner, grey
//! paper and JPEG haze that defeat `rqrr`'s local one; for low-resolution pages a Lanczos
//! enlargement ×2, then ×3, thresholded the same way, which gives small modules enough pixels;
//! for very large pages (600 dpi) a halved copy, which smooths away paper grain and sensor noise.

use image::imageops::{self, FilterType};
use image::GrayImage;

/// Pages up to this on their long side are enlarged in the fallbacks (A4 at 150 dpi is 1754,
/// at 200 dpi 2339; a phone photo of a page is 3000–4000).
const ENLARGE_UP_TO: u32 = 2500;
/// Pages beyond this on their long side are halved in the fallback (A4 at 600 dpi is 7016).
const HALVE_FROM: u32 = 5000;

/// One way of looking at a page.
#[derive(Debug, Clone, Copy)]
enum Pass {
    AsIs,
    Thresholded,
    Enlarged(u32),
    Halved,
}

/// The texts of the QR codes found on `page`, each once, in the order found.
pub fn decode_page(page: &GrayImage) -> Vec<String> {
    let long_side = page.width().max(page.height());
    let mut passes = vec![Pass::AsIs, Pass::Thresholded];
    if long_side <= ENLARGE_UP_TO {
        passes.extend([Pass::Enlarged(2), Pass::Enlarged(3)]);
    } else if long_side >= HALVE_FROM {
        passes.push(Pass::Halved);
    }
    passes.into_iter().map(|pass| decode(view(page, pass))).find(|codes| !codes.is_empty()).unwrap_or_default()
}

fn view(page: &GrayImage, pass: Pass) -> GrayImage {
    let (width, height) = page.dimensions();
    match pass {
        Pass::AsIs => page.clone(),
        Pass::Thresholded => thresholded(page),
        Pass::Enlarged(k) => thresholded(&imageops::resize(page, width * k, height * k, FilterType::Lanczos3)),
        Pass::Halved => imageops::resize(page, (width / 2).max(1), (height / 2).max(1), FilterType::Triangle),
    }
}

fn decode(image: GrayImage) -> Vec<String> {
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let mut texts: Vec<String> = Vec::new();
    for grid in prepared.detect_grids() {
        if let Ok((_, text)) = grid.decode() {
            if !texts.contains(&text) {
                texts.push(text);
            }
        }
    }
    texts
}

/// Black at or below Otsu's threshold (the level that best splits the page's brightness into ink
/// and paper), white above: a global threshold where `rqrr`'s local one fails.
fn thresholded(page: &GrayImage) -> GrayImage {
    let mut histogram = [0u64; 256];
    for pixel in page.pixels() {
        histogram[usize::from(pixel.0[0])] += 1;
    }
    let total = histogram.iter().sum::<u64>() as f64;
    let total_sum: f64 = histogram.iter().enumerate().map(|(level, &n)| level as f64 * n as f64).sum();
    let (mut below, mut below_sum, mut best, mut best_spread) = (0.0, 0.0, 0u8, -1.0);
    for (level, &n) in histogram.iter().enumerate() {
        below += n as f64;
        below_sum += level as f64 * n as f64;
        let above = total - below;
        if below == 0.0 || above == 0.0 {
            continue;
        }
        let gap = below_sum / below - (total_sum - below_sum) / above;
        let spread = below * above * gap * gap;
        if spread > best_spread {
            best_spread = spread;
            best = level as u8;
        }
    }
    GrayImage::from_fn(page.width(), page.height(), |x, y| image::Luma([if page.get_pixel(x, y).0[0] <= best { 0 } else { 255 }]))
}

//! Line breaking for mixed Chinese/Latin text.
//!
//! printpdf draws a string where it is told and nothing more, so wrapping is ours. The rules are
//! the ones a Chinese typesetter expects: any two CJK characters may be broken between, Latin
//! words and numbers stay whole (a word longer than the line is hard-split, as a last resort),
//! spaces are break points that vanish at line ends, and the punctuation rules (禁则) hold: no
//! line starts with a closing or pausing mark (，。、；：？！）」』》〉】… and ASCII closers), no
//! line ends with an opening bracket (（「『《〈【 and ASCII openers). `\n` forces a break.

/// Characters that must not start a line.
pub const NO_LINE_START: &str = "，。、；：？！）」』》〉】〕〗］｝”’…‥·・％‰—～,.;:?!)]}%";
/// Characters that must not end a line.
pub const NO_LINE_END: &str = "（「『《〈【〔〖［｛“‘([{";

fn no_start(c: char) -> bool {
    NO_LINE_START.contains(c)
}

fn no_end(c: char) -> bool {
    NO_LINE_END.contains(c)
}

/// Wide (CJK) characters are break opportunities on both sides; everything else that is not
/// whitespace belongs to a Latin "word" that stays whole.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x303F | 0x3040..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFF)
        || c == '…'
        || c == '—'
        || c == '“'
        || c == '”'
        || c == '‘'
        || c == '’'
}

/// An unbreakable piece of text: a CJK character, a Latin word, or a run of spaces.
struct Atom {
    text: String,
    space: bool,
}

fn atoms(paragraph: &str) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    for c in paragraph.chars() {
        let space = c.is_whitespace();
        let joins = match out.last() {
            Some(last) if space => last.space,
            Some(last) => !last.space && !is_wide(c) && !last.text.chars().last().is_some_and(is_wide),
            None => false,
        };
        if joins {
            out.last_mut().unwrap_or_else(|| unreachable!()).text.push(c);
        } else {
            out.push(Atom { text: c.to_string(), space });
        }
    }
    out
}

/// Glue atoms that may not be separated (punctuation rules) into segments.
fn segments(atoms: Vec<Atom>) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    for atom in atoms {
        let glue = match out.last() {
            Some(prev) if !atom.space && !prev.space => {
                atom.text.chars().next().is_some_and(no_start) || prev.text.chars().last().is_some_and(no_end)
            }
            _ => false,
        };
        if glue {
            out.last_mut().unwrap_or_else(|| unreachable!()).text.push_str(&atom.text);
        } else {
            out.push(atom);
        }
    }
    out
}

/// Break `text` into lines no wider than `max_width`, measuring each character with `width`.
/// Always returns at least one line (an empty text gives one empty line).
pub fn break_lines(text: &str, max_width: f32, width: &dyn Fn(char) -> f32) -> Vec<String> {
    break_lines_indented(text, 0.0, max_width, width)
}

/// Like [`break_lines`], with the first line `indent` narrower (a paragraph's first-line indent).
pub fn break_lines_indented(text: &str, indent: f32, max_width: f32, width: &dyn Fn(char) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        break_paragraph(paragraph.trim_end_matches('\r'), indent, max_width, width, &mut lines);
    }
    lines
}

fn break_paragraph(paragraph: &str, indent: f32, max_width: f32, width: &dyn Fn(char) -> f32, lines: &mut Vec<String>) {
    let measure = |s: &str| s.chars().map(width).sum::<f32>();
    let mut line = String::new();
    let mut line_w = 0.0f32;
    // Tolerance so that text measured to exactly the width still fits despite float noise.
    let full = max_width + 0.01;
    let first_line = lines.len();
    for seg in segments(atoms(paragraph)) {
        let max = if lines.len() == first_line { full - indent } else { full };
        let seg_w = measure(&seg.text);
        if seg.space {
            // Spaces never start a line; at a line end they are dropped.
            if !line.is_empty() {
                line.push_str(&seg.text);
                line_w += seg_w;
            }
            continue;
        }
        // Spaces between words stay; only trailing spaces vanish at a break.
        if line_w + seg_w <= max {
            if line.trim_end().is_empty() {
                line.clear();
                line_w = 0.0;
            }
            line.push_str(&seg.text);
            line_w += seg_w;
            continue;
        }
        if !line.trim_end().is_empty() {
            lines.push(line.trim_end().to_string());
            line.clear();
            line_w = 0.0;
        }
        let cap = if lines.len() == first_line { full - indent } else { full };
        if seg_w <= cap {
            line.push_str(&seg.text);
            line_w = seg_w;
        } else {
            // Longer than a whole line: hard-split by characters (at least one per line).
            for c in seg.text.chars() {
                let w = width(c);
                let cap = if lines.len() == first_line { full - indent } else { full };
                if line_w + w > cap && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += w;
            }
        }
    }
    lines.push(line.trim_end().to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CJK = 10 units, everything else 5: easy arithmetic.
    fn w(c: char) -> f32 {
        if is_wide(c) {
            10.0
        } else {
            5.0
        }
    }

    fn brk(s: &str, max: f32) -> Vec<String> {
        break_lines(s, max, &w)
    }

    #[test]
    fn cjk_breaks_anywhere() {
        assert_eq!(brk("一二三四五六", 30.0), ["一二三", "四五六"]);
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // "三" would end line 1 and "，" start line 2: the comma takes "三" with it.
        assert_eq!(brk("一二三，四五", 30.0), ["一二", "三，四", "五"]);
        for p in ["。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "〉", "】", "…", ")", ",", "."] {
            let text = format!("一二三{p}四五六七八九");
            for line in brk(&text, 30.0) {
                assert!(!line.starts_with(p), "{text:?}: line {line:?} starts with {p}");
            }
        }
    }

    #[test]
    fn no_line_ends_with_opening_bracket() {
        assert_eq!(brk("一二（三四", 30.0), ["一二", "（三四"]);
        for p in ["（", "「", "『", "《", "〈", "【", "(", "["] {
            let text = format!("一二{p}三四五六七八");
            for line in brk(&text, 30.0) {
                assert!(!line.ends_with(p), "{text:?}: line {line:?} ends with {p}");
            }
        }
    }

    #[test]
    fn latin_words_and_numbers_stay_whole() {
        // 30 wide: "hello" is 25, so "hello world" breaks at the space.
        assert_eq!(brk("hello world", 30.0), ["hello", "world"]);
        assert_eq!(brk("共12345人", 30.0), ["共", "12345", "人"]);
        assert_eq!(brk("金额2024年", 35.0), ["金额", "2024年"]);
        let lines = brk("数据同步 02:00–04:00 (UTC+8), daily", 60.0);
        assert!(lines.iter().any(|l| l == "02:00–04:00"), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("(UTC+8),")), "{lines:?}");
    }

    #[test]
    fn long_latin_word_is_hard_split() {
        let word = "abcdefghijklmnopqrstuvwxyz";
        let lines = brk(word, 50.0);
        assert_eq!(lines, ["abcdefghij", "klmnopqrst", "uvwxyz"]);
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn explicit_newlines_and_spaces() {
        assert_eq!(brk("一\n二", 100.0), ["一", "二"]);
        assert_eq!(brk("", 100.0), [""]);
        assert_eq!(brk("a  b", 5.0), ["a", "b"]);
    }

    #[test]
    fn every_line_fits() {
        let text = "为支持第三季度“夏季焕新”促销活动，需要信息技术部协助完成CRM系统与电商平台订单数据的API对接（含会员积分）。Data sync window: 02:00–04:00 (UTC+8), daily.";
        for max in [40.0, 75.0, 123.0, 300.0] {
            let lines = brk(text, max);
            for l in &lines {
                let lw: f32 = l.chars().map(w).sum();
                assert!(lw <= max + 0.01, "{l:?} is {lw} > {max}");
            }
            let joined: String = lines.concat();
            assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
        }
    }
}

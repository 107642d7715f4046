//! Whether an element is hidden from a reader of the rendered page.
//!
//! A hostile page can carry sentences that nobody sees but that would reach
//! the brief and the translators' files, so every common way of hiding an
//! element in its own markup counts: the `hidden` attribute, `aria-hidden`
//! (any case), and inline styles that hide (`display:none`,
//! `visibility:hidden`, zero opacity, zero font size, zero size with the
//! overflow clipped, clipping to nothing, scaling to nothing, moving far off
//! screen). The whole `style` attribute is read, after removing CSS comments
//! and escapes and folding case, so `DISPLAY : /**/ None !important` counts.
//! Rules in stylesheets are not evaluated. Zero opacity alone, and the
//! `hidden` attribute of a streamed React block, are [`Hiding::Faded`]:
//! page scripts undo them on load, and the caller keeps such an element
//! only when it holds most of the page's paragraphs.

/// Whether the element with these attributes is hidden. `attr` returns an
/// attribute's value by its (lowercase) name.
#[cfg(test)]
pub(super) fn is_hidden<'a>(attr: impl Fn(&str) -> Option<&'a str>) -> bool {
    hiding(attr, false) != Hiding::Shown
}

/// How an element is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hiding {
    Shown,
    /// Hidden only in a way that page scripts undo when the page loads: a
    /// fade-in from zero opacity, or (`streamed`) the `hidden` attribute of
    /// a block that a streamed React page reveals. The caller decides by
    /// what the element holds (a fade-in wrapper holds the article).
    Faded,
    Hidden,
}

/// How the element with these attributes is hidden; `streamed` says that
/// its `hidden` attribute is one a page script removes (see [`Hiding`]).
pub(super) fn hiding<'a>(attr: impl Fn(&str) -> Option<&'a str>, streamed: bool) -> Hiding {
    if attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return Hiding::Hidden;
    }
    let style = attr("style").map(normalise);
    if style.as_deref().is_some_and(|s| normalised_hides(s, false)) {
        return Hiding::Hidden;
    }
    let by_attribute = attr("hidden").is_some();
    if by_attribute && !streamed {
        return Hiding::Hidden;
    }
    if by_attribute || style.as_deref().is_some_and(|s| normalised_hides(s, true)) {
        return Hiding::Faded;
    }
    Hiding::Shown
}

/// Whether an inline style hides its element.
#[cfg(test)]
pub(super) fn style_hides(style: &str) -> bool {
    normalised_hides(&normalise(style), true)
}

/// Whether a style (already normalised) hides its element; zero opacity
/// counts only if `with_opacity`.
fn normalised_hides(normalised: &str, with_opacity: bool) -> bool {
    let mut overflow_clipped = false;
    let mut positioned = false;
    let mut zero_width = false;
    let mut zero_height = false;
    let mut far_offset = false;
    for declaration in normalised.split(';') {
        let Some((property, value)) = declaration.split_once(':') else {
            continue;
        };
        let value = value.strip_suffix("!important").unwrap_or(value);
        match property {
            "display" if value == "none" => return true,
            "visibility" if value == "hidden" || value == "collapse" => return true,
            "content-visibility" if value == "hidden" => return true,
            "opacity" if with_opacity && number(value).is_some_and(|n| n < 0.05) => return true,
            "font-size" if length_px(value).is_some_and(|n| n < 1.0) => return true,
            // The shorthand starts with the size after optional style words;
            // `font:0/0 a` is the usual way of hiding text.
            "font" if value.starts_with("0/") || value == "0" || value.starts_with("0px") => {
                return true;
            }
            "transform" if value.contains("scale(0)") || value.contains("scale(0,0)") => {
                return true;
            }
            "clip" if value.starts_with("rect(") && rect_is_tiny(value) => return true,
            "clip-path" if value.starts_with("inset(50%") || value.starts_with("circle(0") => {
                return true;
            }
            "text-indent" if length_px(value).is_some_and(|n| n <= -FAR_OFF_SCREEN_PX) => {
                return true;
            }
            "overflow" | "overflow-x" | "overflow-y" if value == "hidden" || value == "clip" => {
                overflow_clipped = true;
            }
            "position" if value == "absolute" || value == "fixed" => positioned = true,
            "width" | "max-width" if length_px(value).is_some_and(|n| n <= 1.0) => {
                zero_width = true;
            }
            "height" | "max-height" if length_px(value).is_some_and(|n| n <= 1.0) => {
                zero_height = true;
            }
            "left" | "top" | "right" | "bottom" | "margin-left" | "margin-top" | "inset"
                if offset_is_far(value) =>
            {
                far_offset = true;
            }
            _ => {}
        }
    }
    (positioned && far_offset) || (overflow_clipped && (zero_width || zero_height))
}

/// An offset this far from the page (in CSS pixels, an em taken as 16) puts
/// an element where nobody scrolls; real layouts move things a few hundred
/// pixels at most.
const FAR_OFF_SCREEN_PX: f64 = 999.0;

/// Characters of a `style` attribute looked at. Every real style is far
/// shorter; a longer one is cut here, not at a place an attacker can pad to.
const MAX_STYLE_CHARS: usize = 64 * 1024;

/// The style in lowercase without comments, escapes or whitespace.
fn normalise(style: &str) -> String {
    let mut out = String::with_capacity(style.len().min(MAX_STYLE_CHARS));
    let mut chars = style.chars().take(MAX_STYLE_CHARS).peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                // To the end of the comment, or of the style if it never ends.
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
            }
            '\\' => {
                // A CSS escape: up to six hex digits and one optional space,
                // or any other character as itself.
                let mut hex = String::new();
                while hex.len() < 6 && chars.peek().is_some_and(char::is_ascii_hexdigit) {
                    hex.extend(chars.next());
                }
                if hex.is_empty() {
                    if let Some(c) = chars.next() {
                        out.extend(c.to_lowercase());
                    }
                } else {
                    if chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                        chars.next();
                    }
                    let decoded = u32::from_str_radix(&hex, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{fffd}');
                    out.extend(decoded.to_lowercase());
                }
            }
            c if c.is_whitespace() => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A bare number (`0`, `.0`, `0.00`, `0%` as a fraction).
fn number(value: &str) -> Option<f64> {
    match value.strip_suffix('%') {
        Some(percent) => percent.parse::<f64>().ok().map(|n| n / 100.0),
        None => value.parse().ok(),
    }
    .filter(|n| n.is_finite())
}

/// A length in CSS pixels, roughly: em and rem as 16 px, pt as 4/3 px,
/// percentages and viewport units as their number (enough to tell zero and
/// "very negative" apart), `calc(…)` and keywords as unknown.
fn length_px(value: &str) -> Option<f64> {
    let split = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
        .unwrap_or(value.len());
    let (digits, unit) = value.split_at(split);
    let n: f64 = digits.parse().ok().filter(|n: &f64| n.is_finite())?;
    let scale = match unit {
        "" | "px" => 1.0,
        "em" | "rem" | "ch" | "ex" => 16.0,
        "pt" => 4.0 / 3.0,
        "pc" => 16.0,
        "in" => 96.0,
        "cm" => 96.0 / 2.54,
        "mm" => 96.0 / 25.4,
        // -100% or -100vw is off screen as surely as -999px.
        "%" | "vw" | "vh" | "vmin" | "vmax" => 10.0,
        _ => return None,
    };
    Some(n * scale)
}

fn offset_is_far(value: &str) -> bool {
    value
        .split(' ')
        .any(|part| length_px(part).is_some_and(|n| n <= -FAR_OFF_SCREEN_PX))
}

/// `rect(0 0 0 0)`, `rect(0,0,0,0)`, `rect(1px,1px,1px,1px)`: the clipped
/// area is at most a pixel (whitespace is already gone, so commas or nothing
/// separate the four values; with nothing between them they run together).
fn rect_is_tiny(value: &str) -> bool {
    let inner = value
        .trim_start_matches("rect(")
        .trim_end_matches(')')
        .replace("px", " ")
        .replace(',', " ");
    let parts: Vec<&str> = inner.split(' ').filter(|p| !p.is_empty()).collect();
    if parts.len() == 4 {
        return parts
            .iter()
            .all(|p| p.parse::<f64>().is_ok_and(|n| n.abs() <= 1.0));
    }
    // `rect(0000)`: four zeros written without separators.
    !inner.is_empty() && inner.chars().all(|c| c == '0' || c == ' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn visible_styles_are_not_hidden() {
        for style in [
            "",
            "color: red",
            "display:block",
            "display: inline-block; visibility: visible",
            "opacity: 0.9",
            "opacity:1",
            "font-size: 14px",
            "font: 12px/1.4 Georgia",
            "position:absolute; left: -20px",
            "position: relative; left: -5000px",
            "text-indent: 2em",
            "width: 0; height: 0",
            "overflow: hidden; width: 300px",
            "clip: rect(0 300px 200px 0)",
            "margin-left: -10px",
            "content: 'display:none'x",
        ] {
            assert!(!style_hides(style), "{style:?} was taken as hidden");
        }
    }

    #[test]
    fn hiding_styles_are_hidden() {
        for style in [
            "display:none",
            "display:/**/none",
            "display:/* x */none",
            "DISPLAY : NONE",
            "display: none !important",
            "display:\\6e one",
            "display:n\\one",
            "visibility:hidden",
            "visibility: collapse",
            "opacity:0",
            "opacity: .0",
            "opacity: 0%",
            "font-size:0",
            "font-size: 0px",
            "font-size:0em",
            "font: 0/0 a",
            "position:absolute; left:-9999px",
            "position: fixed; top: -10000px",
            "position:absolute;left:-100em",
            "text-indent:-9999px",
            "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)",
            "clip: rect(0 0 0 0); position: absolute",
            "clip-path: inset(50%)",
            "height: 0; overflow: hidden",
            "max-height:0;overflow:hidden",
            "transform: scale(0)",
        ] {
            assert!(style_hides(style), "{style:?} was taken as visible");
        }
    }

    #[test]
    fn a_long_style_is_read_to_its_end() {
        let style = format!("color: red; {}display: none", "margin: 0; ".repeat(200));
        assert!(style.len() > 512);
        assert!(style_hides(&style));
    }

    #[test]
    fn hidden_and_aria_hidden_attributes_in_any_case() {
        let hidden = |name: &'static str, value: &'static str| {
            is_hidden(move |n| (n == name).then_some(value))
        };
        assert!(hidden("hidden", ""));
        assert!(hidden("hidden", "until-found"));
        for value in ["true", "TRUE", "True", " true "] {
            assert!(hidden("aria-hidden", value), "{value}");
        }
        assert!(!hidden("aria-hidden", "false"));
        assert!(!hidden("title", "hidden"));
    }

    /// One spelling of a hiding declaration: the property and value in mixed
    /// case, with comments and whitespace between the parts and `!important`.
    fn spelling(property: &'static str, value: &'static str) -> impl Strategy<Value = String> {
        let filler = prop_oneof![
            Just(String::new()),
            Just(" ".to_string()),
            Just("\t\n ".to_string()),
            Just("/**/".to_string()),
            Just("/* x; y: z */".to_string()),
        ];
        (
            proptest::collection::vec(any::<bool>(), property.len() + value.len()),
            filler.clone(),
            filler.clone(),
            filler,
            any::<bool>(),
            proptest::collection::vec("[a-z-]{1,8}: ?[a-z0-9]{1,6}; ?", 0..80),
        )
            .prop_map(move |(upper, a, b, c, important, before)| {
                let mut cased = String::new();
                for (ch, up) in property.chars().chain(value.chars()).zip(upper) {
                    cased.push(if up { ch.to_ascii_uppercase() } else { ch });
                }
                let (p, v) = cased.split_at(property.len());
                let bang = if important { " !important" } else { "" };
                format!("{}{a}{p}{b}:{c}{v}{bang}", before.concat())
            })
    }

    fn hiding_declaration() -> impl Strategy<Value = String> {
        prop_oneof![
            spelling("display", "none"),
            spelling("visibility", "hidden"),
            spelling("opacity", "0"),
            spelling("opacity", "0.0"),
            spelling("font-size", "0"),
            spelling("font-size", "0px"),
            spelling("text-indent", "-9999px"),
        ]
    }

    proptest! {
        #[test]
        fn every_spelling_of_a_hiding_style_hides(style in hiding_declaration()) {
            prop_assert!(style_hides(&style), "{style:?}");
        }

        #[test]
        fn off_screen_positions_hide_in_any_order(
            position in prop_oneof![Just("absolute"), Just("fixed"), Just("ABSOLUTE")],
            side in prop_oneof![Just("left"), Just("top"), Just("Right"), Just("margin-left")],
            amount in 999u32..100_000,
            position_first in any::<bool>(),
        ) {
            let (a, b) = (format!("position: {position}"), format!("{side}: -{amount}px"));
            let style = if position_first { format!("{a}; {b}") } else { format!("{b}; {a}") };
            prop_assert!(style_hides(&style), "{style:?}");
        }

        #[test]
        fn style_check_never_panics(style in "\\PC{0,200}") {
            let _ = style_hides(&style);
        }
    }
}

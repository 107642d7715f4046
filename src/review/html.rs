//! Escaping and the page's fixed parts (head, style sheet).

use std::borrow::Cow;

/// `text` escaped for HTML text and for quoted attribute values: `&`, `<`,
/// `>`, `"` and `'` become character references; nothing else changes.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `c` would hide or reorder text when shown as it is: C0 and C1
/// controls (but tab and line breaks), bidi embeddings, overrides and
/// isolates, and noncharacters. ZWNJ and the directional marks (LRM, RLM,
/// ALM) are ordinary in Persian text and stay.
pub(super) fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{fdd0}'..='\u{fdef}' | '\u{fffe}' | '\u{ffff}')
}

/// `text` as HTML content: escaped, with every [hidden](is_hidden)
/// character shown as a visible mark naming its code point.
pub(super) fn text(text: &str) -> String {
    let escaped = escape(text);
    if !escaped.contains(is_hidden) {
        return escaped.into_owned();
    }
    let mut out = String::with_capacity(escaped.len() + 32);
    for c in escaped.chars() {
        if is_hidden(c) {
            out.push_str(&format!(
                "<span class=\"hidden-char\" dir=\"ltr\">U+{:04X}</span>",
                c as u32
            ));
        } else {
            out.push(c);
        }
    }
    out
}

/// The style sheet: Persian in a Persian-capable font stack, findings
/// highlighted by severity, printable.
const STYLE: &str = r#"
body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #1b1b1b; background: #fff; line-height: 1.5; }
h1 { font-size: 1.5em; margin-bottom: .3em; }
h2 { font-size: 1.15em; border-bottom: 2px solid #555; padding-bottom: .2em; margin-top: 2em; }
h3 { font-size: 1em; color: #444; margin: 1.2em 0 .4em; }
.langs { font-weight: normal; color: #555; }
.totals .error, li.error .severity { color: #a40000; font-weight: bold; }
.totals .warning, li.warning .severity { color: #8a5a00; font-weight: bold; }
table.counts { border-collapse: collapse; margin: .5em 0 1em; }
table.counts th, table.counts td { border: 1px solid #bbb; padding: .2em .8em; text-align: left; }
.kind { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; background: #eef; padding: 0 .3em; border-radius: 3px; }
.unit { border: 1px solid #ccc; border-left: 6px solid #9c9; margin: .6em 0; padding: .4em .8em; break-inside: avoid; }
.unit.has-warning { border-left-color: #e0a000; background: #fffaf0; }
.unit.has-error { border-left-color: #c00000; background: #fff4f4; }
.unit.orphan { border-left-color: #c00000; }
.id { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-weight: bold; margin: 0; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
.source, .target { margin: .3em 0; }
.target.missing { color: #a40000; font-style: italic; }
.context { color: #666; font-size: .9em; margin: .2em 0; }
.label { font-variant: small-caps; color: #888; margin: 0 .4em; }
.findings { margin: .3em 0; padding-left: 1.4em; }
.findings li.error { color: #5c0000; }
.findings li.warning { color: #4d3300; }
.hidden-char { font-family: monospace; font-size: .8em; color: #fff; background: #a40000; padding: 0 .2em; border-radius: 2px; unicode-bidi: isolate; }
:lang(fa) { font-family: "Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Tahoma, "Times New Roman", serif; font-size: 1.1em; }
:lang(ru) { font-family: "Noto Sans", "DejaVu Sans", "PT Sans", Arial, sans-serif; }
[dir="rtl"] { text-align: right; }
.clean { color: #1b5e20; font-weight: bold; }
"#;

/// The document's start: doctype, charset, a policy that allows no
/// script and no request, the style sheet, and the opening `<body>`.
pub(super) fn head(out: &mut String, title: &str) {
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n",
    );
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"brief\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(title)));
    out.push_str("<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
}

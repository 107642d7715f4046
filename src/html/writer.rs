//! Turning the kept nodes into paragraphs of plain text: white space
//! collapsed, `<br>` kept as a line break, the kicker before the headline and
//! the byline and date lines after it left out.

/// A paragraph inside the content goes when more than this share of it is
/// link text ("Click here to download the spreadsheet" stays).
const MAX_PARAGRAPH_LINK_DENSITY: f64 = 0.75;

/// Text before the headline inside the content up to this many characters is
/// a kicker, breadcrumbs or a date line; more is article text.
const MAX_KICKER_CHARS: usize = 300;

/// A paragraph of at least this many characters is written once: shorter
/// ones ("Step 1", a table cell) may repeat in an article.
const MIN_REPEAT_CHARS: usize = 80;

/// Collects inline text into paragraphs.
pub(super) struct Writer {
    paragraphs: Vec<String>,
    /// The longer paragraphs written so far: a page that carries the article
    /// twice (a desktop and a mobile copy, a repeated section) gives it once.
    seen: std::collections::HashSet<String>,
    current: String,
    link_chars: usize,
    /// Before the headline inside the content: kickers, breadcrumbs, dates.
    before_headline: bool,
    /// Paragraphs written before the headline, kept only if they are more
    /// than a kicker (the "headline" is then a heading inside the article).
    pending: Vec<String>,
    /// Between the headline and the first real paragraph: bylines, dates,
    /// captions — short lines without a sentence end.
    header_zone: bool,
}

impl Writer {
    pub(super) fn new(headline_elsewhere: bool, has_headline: bool) -> Writer {
        Writer {
            paragraphs: Vec::new(),
            seen: Default::default(),
            current: String::new(),
            link_chars: 0,
            before_headline: !headline_elsewhere,
            pending: Vec::new(),
            header_zone: has_headline,
        }
    }

    /// The headline is reached: what came before it was a kicker,
    /// breadcrumbs or a date if it is short, else article text.
    pub(super) fn at_headline(&mut self) {
        self.end_paragraph(false);
        let before: usize = self.pending.iter().map(|p| p.chars().count()).sum();
        self.before_headline = false;
        if before > MAX_KICKER_CHARS {
            self.paragraphs.append(&mut self.pending);
            self.header_zone = false;
        } else {
            self.pending.clear();
            self.header_zone = true;
        }
    }

    fn reset(&mut self) {
        self.current.clear();
        self.link_chars = 0;
    }

    pub(super) fn text(&mut self, text: &str, preformatted: bool, in_link: bool) {
        if in_link {
            self.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
        }
        if preformatted {
            self.current.push_str(text);
        } else {
            for c in text.chars() {
                if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                    if !self.current.ends_with([' ', '\n']) && !self.current.is_empty() {
                        self.current.push(' ');
                    }
                } else if c != '\u{ad}' {
                    // Soft hyphens only mark where a word may break.
                    self.current.push(c);
                }
            }
        }
    }

    pub(super) fn line_break(&mut self) {
        while self.current.ends_with(' ') {
            self.current.pop();
        }
        self.current.push('\n');
    }

    /// Ends the paragraph being written; two line breaks in a row inside it
    /// (`<br><br>`) split it into paragraphs.
    pub(super) fn end_paragraph(&mut self, is_heading: bool) {
        if self.current.trim().is_empty() {
            self.reset();
            return;
        }
        let text = std::mem::take(&mut self.current);
        let total: usize = text.chars().filter(|c| !c.is_whitespace()).count();
        let link_chars = self.link_chars;
        self.link_chars = 0;
        if total > 0 && link_chars as f64 / total as f64 > MAX_PARAGRAPH_LINK_DENSITY {
            return;
        }
        let mut lines: Vec<&str> = Vec::new();
        let mut blocks: Vec<String> = Vec::new();
        for line in text.split('\n').map(|l| l.trim_matches([' ', '\t'])) {
            if line.is_empty() {
                if !lines.is_empty() {
                    blocks.push(lines.join("\n"));
                    lines.clear();
                }
            } else {
                lines.push(line);
            }
        }
        if !lines.is_empty() {
            blocks.push(lines.join("\n"));
        }
        for block in blocks {
            if self.before_headline {
                self.pending.push(block);
                continue;
            }
            if self.header_zone && !is_heading {
                if block.chars().count() < 100 && !ends_sentence(&block) {
                    continue;
                }
                self.header_zone = false;
            }
            if block.chars().count() >= MIN_REPEAT_CHARS && !self.seen.insert(block.clone()) {
                continue;
            }
            self.paragraphs.push(block);
        }
    }

    pub(super) fn finish(mut self) -> Vec<String> {
        self.end_paragraph(false);
        // The headline never came: nothing was a kicker.
        self.paragraphs.append(&mut self.pending);
        self.paragraphs
    }
}

/// Whether a paragraph ends like a sentence (possibly inside quotes).
fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '»', '”', '’', ')', ' ', '\u{a0}']);
    trimmed.ends_with(['.', '!', '?', '…', '؟', ';', '؛', ':', '。'])
}

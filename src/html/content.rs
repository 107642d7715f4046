//! Choosing the main content of a parsed page and turning it into text:
//! the page as a flat list of nodes, boilerplate removed by tag, role and
//! class/id hints, then a readability-style score for the article block.

use std::ops::Deref;

use scraper::{Html, Node};

use super::Extracted;
use crate::Lang;

use super::hints::{Drop, NEVER_ARTICLE_HINT, hint_weight, is_dropped};
use super::vocabulary::*;
use super::writer::Writer;

/// Characters of `<title>` kept.
const MAX_TITLE_CHARS: usize = 1000;

/// `<h1>`s compared with `<title>` at most: a page has one or a few, and a
/// crafted one must not make the comparison quadratic.
const MAX_HEADLINE_CANDIDATES: usize = 64;

/// A paragraph shorter than this (in chars) does not count for scoring.
const MIN_SCORED_CHARS: usize = 25;

/// Levels climbed from the best element at most (pages nest a few dozen).
const MAX_NESTING_WALK: usize = 64;

/// A level up joins the content when at least this share of the text it
/// adds is paragraph text...
const WIDEN_MIN_GOOD_SHARE: f64 = 0.5;

/// ...and at least this share of the paragraph text already taken...
const WIDEN_MIN_GROWTH: f64 = 0.3;

/// ...or when it adds no paragraph and at most this many characters of
/// other text.
const WIDEN_FREE_CHARS: usize = 100;

/// A level up joins the content across levels that did not only if at most
/// this share of the text it adds is link text.
const ACROSS_MAX_LINK_DENSITY: f64 = 0.25;

/// Another `<article>` is a peer of the content (an entry of a listicle)
/// when it has at least this share of the content's paragraph text.
const PEER_ARTICLE_SHARE: f64 = 0.5;

/// An element holding more than this share of the page's paragraph text
/// (articles split in two or three blocks have a block above it)
/// holds the article, whatever its class says.
const MOST_OF_THE_PAGE: f64 = 0.4;

/// An element whose text is more than this share link text is a link list.
pub(super) const MAX_LINK_DENSITY: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Element,
    Text,
    Other,
}

/// One node of the page in document order; `end` is one past the last node of
/// its subtree, so a subtree is the range `index..end` and skipping it is a jump.
#[derive(Debug)]
struct Item<'a> {
    kind: Kind,
    /// Lowercase local name for elements, the text for text nodes.
    name: &'a str,
    parent: usize,
    end: usize,
    /// Removed with its subtree: boilerplate or hidden.
    dropped: bool,
    /// Class/id weight: positive for article hints, negative for boilerplate.
    hint: i32,
    /// Chars of text below (dropped subtrees excluded), and of it inside links.
    text_chars: usize,
    link_chars: usize,
    commas: usize,
    /// Accumulated content score (elements only).
    score: f64,
    /// Chars of scored paragraphs below (a paragraph counts for itself too).
    good_chars: usize,
    /// Whether the subtree holds an `<h1>`, `<article>` or `<main>`, which keeps
    /// a hinted ancestor from being dropped with the article inside it.
    holds_landmark: bool,
    /// Whether the subtree holds a block element.
    holds_block: bool,
    /// `<article>` elements in the subtree (itself included), not dropped.
    articles: usize,
}

const NO_PARENT: usize = usize::MAX;

pub(super) struct Page<'a> {
    items: Vec<Item<'a>>,
    title_tag: Option<String>,
    lang: Option<Lang>,
    date: Option<String>,
    byline: Option<String>,
}

impl<'a> Page<'a> {
    pub(super) fn build(document: &'a Html) -> Page<'a> {
        let mut items: Vec<Item<'a>> = Vec::new();
        let mut own_drop: Vec<Drop> = Vec::new();
        let mut stack: Vec<usize> = Vec::new();
        let mut title_tag = None;
        let mut lang = None;
        let mut meta = super::meta::Metadata::default();
        // Streamed React pages send a part of the page late, in a
        // `<div hidden id="S:n">`, and a script moves it in place of the
        // `<template id="B:n">` placeholder sent before: such a div is
        // shown once the page loads, so its `hidden` does not hide it.
        let mut boundaries: std::collections::HashSet<&'a str> = Default::default();
        for edge in document.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => {
                    let parent = stack.last().copied().unwrap_or(NO_PARENT);
                    let index = items.len();
                    let value: &'a Node = node.value();
                    let (kind, name, drop_self, hint) = match value {
                        Node::Element(element) => {
                            let name = element.name();
                            if name == "title" && title_tag.is_none() {
                                let text: String = node
                                    .descendants()
                                    .filter_map(|d| d.value().as_text().map(|t| t.deref()))
                                    .collect();
                                // A real title is a line; a crafted one must not make
                                // the headline search (title × each h1) slow.
                                let title: String = collapse_whitespace(&text)
                                    .chars()
                                    .take(MAX_TITLE_CHARS)
                                    .collect();
                                title_tag = Some(title);
                            }
                            meta.see(name, element, &node);
                            if name == "html" && lang.is_none() {
                                lang = element.attr("lang").and_then(|l| l.parse().ok());
                            }
                            let (class, id) = (
                                hint_weight(element.attr("class")),
                                hint_weight(element.attr("id")),
                            );
                            // A strong hint decides; weak ones and article
                            // words cancel out.
                            let hint = if class.min(id) <= -2 {
                                class.min(id)
                            } else {
                                (class + id).max(-1)
                            };
                            if name == "template"
                                && let Some(id) = element.attr("id")
                                && let Some(number) = id.strip_prefix("B:")
                            {
                                boundaries.insert(number);
                            }
                            let revealed = name == "div"
                                && element
                                    .attr("id")
                                    .and_then(|id| id.strip_prefix("S:"))
                                    .is_some_and(|number| boundaries.contains(number));
                            (
                                Kind::Element,
                                name,
                                is_dropped(name, element, revealed),
                                hint,
                            )
                        }
                        Node::Text(text) => (Kind::Text, text.deref(), Drop::Keep, 0),
                        Node::Document | Node::Fragment => (Kind::Other, "", Drop::Keep, 0),
                        _ => (Kind::Other, "", Drop::Always, 0),
                    };
                    items.push(Item {
                        kind,
                        name,
                        parent,
                        end: index + 1,
                        dropped: false,
                        hint,
                        text_chars: 0,
                        link_chars: 0,
                        commas: 0,
                        score: 0.0,
                        good_chars: 0,
                        holds_landmark: matches!(name, "h1" | "article" | "main")
                            && kind == Kind::Element,
                        holds_block: false,
                        articles: 0,
                    });
                    own_drop.push(drop_self);
                    stack.push(index);
                }
                ego_tree::iter::Edge::Close(_) => {
                    if let Some(index) = stack.pop() {
                        items[index].end = items.len();
                    }
                }
            }
        }
        let blocks = mark_blocks(&mut items);
        drop_boilerplate(&mut items, &own_drop, &blocks);
        count_text(&mut items);
        Page {
            items,
            title_tag,
            lang,
            date: meta.date(),
            byline: meta.byline(),
        }
    }

    fn link_density(&self, index: usize) -> f64 {
        let item = &self.items[index];
        if item.text_chars == 0 {
            0.0
        } else {
            item.link_chars as f64 / item.text_chars as f64
        }
    }

    fn is_element(&self, index: usize, name: &str) -> bool {
        self.items[index].kind == Kind::Element && self.items[index].name == name
    }

    /// Readability's scoring: each paragraph adds to its parent, and less to
    /// the two elements above; an element's score then shrinks with its link
    /// density. Returns the best element, or `None` on a page without
    /// paragraphs.
    fn best_candidate(&mut self) -> Option<usize> {
        let count = self.items.len();
        for index in 0..count {
            let item = &self.items[index];
            let scorable = item.kind == Kind::Element
                && !item.dropped
                && matches!(
                    item.name,
                    "p" | "pre" | "td" | "blockquote" | "dd" | "div" | "section" | "li"
                )
                && !(item.holds_block && matches!(item.name, "div" | "section" | "li" | "td"));
            let bare_text = item.kind == Kind::Text && !item.dropped && {
                let parent = item.parent;
                parent != NO_PARENT && self.items[parent].holds_block
            };
            if !(scorable || bare_text) || item.text_chars < MIN_SCORED_CHARS {
                continue;
            }
            if self.link_density(index) > MAX_LINK_DENSITY {
                continue;
            }
            let points = 1.0 + item.commas as f64 + (item.text_chars as f64 / 100.0).min(3.0);
            let mut ancestor = item.parent;
            self.items[index].good_chars = self.items[index].text_chars;
            for level in 0..3 {
                if ancestor == NO_PARENT {
                    break;
                }
                let share = match level {
                    0 => 1.0,
                    1 => 0.5,
                    _ => 1.0 / 6.0,
                };
                self.items[ancestor].score += points * share;
                ancestor = self.items[ancestor].parent;
            }
        }
        let mut best: Option<(usize, f64)> = None;
        for index in 0..count {
            let item = &self.items[index];
            if item.kind != Kind::Element || item.dropped || item.score == 0.0 {
                continue;
            }
            let tag_weight = match item.name {
                "article" | "main" => 10.0,
                "div" => 5.0,
                "pre" | "td" | "blockquote" => 3.0,
                "ol" | "ul" | "dl" | "dd" | "dt" | "li" => -3.0,
                _ => 0.0,
            };
            let total = (item.score + tag_weight + 25.0 * item.hint.signum() as f64)
                * (1.0 - self.link_density(index));
            self.items[index].score = total;
            // Strictly greater: the first of equal candidates wins.
            if best.is_none_or(|(_, top)| total > top) {
                best = Some((index, total));
            }
        }
        best.map(|(index, _)| index)
    }

    /// The subtrees that make up the article: the best candidate and those of
    /// its siblings that score close to it or are plain paragraphs.
    fn content_roots(&mut self) -> Vec<usize> {
        let best = self.best_candidate();
        // Paragraph text, bottom-up (a nested paragraph counts in both).
        for index in (0..self.items.len()).rev() {
            let parent = self.items[index].parent;
            if parent != NO_PARENT && !self.items[index].dropped {
                self.items[parent].good_chars += self.items[index].good_chars;
            }
        }
        let Some((scored, best)) = best.map(|best| (best, self.widen(best))) else {
            return self
                .items
                .iter()
                .position(|item| item.kind == Kind::Element && item.name == "body")
                .into_iter()
                .collect();
        };
        let parent = self.items[best].parent;
        if parent == NO_PARENT {
            return vec![best];
        }
        let threshold = (self.items[scored].score.max(self.items[best].score) * 0.2).max(10.0);
        let mut roots = Vec::new();
        let mut child = parent + 1;
        while child < self.items[parent].end {
            let item = &self.items[child];
            let keep = child == best
                || (!item.dropped
                    && item.kind == Kind::Element
                    && (item.score >= threshold
                        || (item.name == "p"
                            && item.text_chars >= 80
                            && self.link_density(child) < 0.25)));
            if keep {
                roots.push(child);
            }
            child = item.end;
        }
        roots
    }

    /// The article often spans several blocks (page builders put each
    /// paragraph group in a block of its own), and the best-scored element is
    /// only one of them. Climbs from `best` to the highest ancestor that adds
    /// mostly paragraph text, at least 30 % more of it than already taken,
    /// counted from the last level taken, or adds nothing but a little
    /// wrapper text. A level that does not join is passed over, and a level
    /// above it joins only if it at least doubles the paragraph text with
    /// little link text (the rest of an article split across containers, not
    /// an author box or a footer). An `<article>` around the content is
    /// passed over too, and the climb stops at a level that adds another
    /// `<article>` unless it is a peer (a listicle's entries). Then comes
    /// back down past the levels that added no paragraph text at all.
    fn widen(&self, best: usize) -> usize {
        let mut path = vec![best];
        let mut top = best;
        let mut parent = self.items[best].parent;
        let mut passed_over = false;
        // `<article>`s passed over around `top`.
        let mut around = 0;
        for _ in 0..MAX_NESTING_WALK {
            if parent == NO_PARENT || self.items[parent].name == "html" {
                break;
            }
            let item = &self.items[parent];
            let is_article = item.kind == Kind::Element && item.name == "article";
            let other_articles = item
                .articles
                .saturating_sub(self.items[top].articles + around + usize::from(is_article));
            if other_articles > 0 && !self.holds_peer_articles(top, parent, other_articles) {
                break;
            }
            if is_article && other_articles == 0 {
                around += 1;
            }
            let joins = !(is_article && other_articles == 0)
                && self.joins(top, parent)
                && (!passed_over || self.joins_across(top, parent));
            if joins {
                top = parent;
                path.push(top);
                passed_over = false;
                around = 0;
            } else {
                passed_over = true;
            }
            parent = self.items[parent].parent;
        }
        while path.len() > 1 {
            let (inner, outer) = (path[path.len() - 2], path[path.len() - 1]);
            if self.items[outer].good_chars > self.items[inner].good_chars {
                break;
            }
            path.pop();
        }
        path.last().copied().unwrap_or(best)
    }

    /// Whether the ancestor `outer` of the content `inner` joins it: what it
    /// adds is mostly paragraphs and a real part of the article (not one
    /// footer line), or no paragraph and hardly any other text (a wrapper).
    fn joins(&self, inner: usize, outer: usize) -> bool {
        let (inner_item, outer_item) = (&self.items[inner], &self.items[outer]);
        let added_good = outer_item.good_chars.saturating_sub(inner_item.good_chars);
        let added_text = outer_item.text_chars.saturating_sub(inner_item.text_chars);
        let mostly_paragraphs = added_good as f64 >= WIDEN_MIN_GOOD_SHARE * added_text as f64
            && added_good as f64 >= WIDEN_MIN_GROWTH * inner_item.good_chars as f64;
        let wrapper = added_good == 0 && added_text <= WIDEN_FREE_CHARS;
        mostly_paragraphs || wrapper
    }

    /// Whether `outer` joins `inner` across levels that did not: only to
    /// take in the rest of an article of which `inner` is a small part (at
    /// least as much paragraph text again) with little link text.
    fn joins_across(&self, inner: usize, outer: usize) -> bool {
        let (inner_item, outer_item) = (&self.items[inner], &self.items[outer]);
        let added_good = outer_item.good_chars.saturating_sub(inner_item.good_chars);
        let added_text = outer_item.text_chars.saturating_sub(inner_item.text_chars);
        let added_links = outer_item.link_chars.saturating_sub(inner_item.link_chars);
        added_good >= inner_item.good_chars
            && added_links as f64 <= ACROSS_MAX_LINK_DENSITY * added_text as f64
    }

    /// Whether the `other` `<article>`s that `outer` adds to `inner` are
    /// peers of it, entries of a list of equals (a listicle, a product
    /// round-up), rather than teasers or replies: on average at least half
    /// as much paragraph text each as `inner` has.
    fn holds_peer_articles(&self, inner: usize, outer: usize, other: usize) -> bool {
        let added_good = self.items[outer]
            .good_chars
            .saturating_sub(self.items[inner].good_chars);
        other > 0
            && added_good as f64 / other as f64
                >= PEER_ARTICLE_SHARE * self.items[inner].good_chars as f64
    }

    /// The `<h1>` that is the headline: the first inside the content, else the
    /// one sharing most with `<title>`, else the first.
    fn headline(&self, roots: &[usize]) -> Option<usize> {
        let h1s: Vec<usize> = (0..self.items.len())
            .filter(|&i| self.is_element(i, "h1") && !self.items[i].dropped)
            .filter(|&i| self.items[i].text_chars > 0)
            .collect();
        let title = self.title_tag.as_deref().unwrap_or("");
        // The h1 that <title> names (sites put the headline there) wins over
        // a section h1 or a teaser's.
        let named = h1s
            .iter()
            .take(MAX_HEADLINE_CANDIDATES)
            .copied()
            .find(|&h1| {
                let text = self.inline_text(h1);
                text.chars().count() >= 8
                    && text.chars().count() <= MAX_TITLE_CHARS
                    && title.contains(text.as_str())
            });
        if named.is_some() {
            return named;
        }
        if let Some(&inside) = h1s
            .iter()
            .find(|&&i| roots.iter().any(|&r| r <= i && i < self.items[r].end))
        {
            return Some(inside);
        }
        let mut best: Option<(usize, usize)> = None;
        for &h1 in h1s.iter().take(MAX_HEADLINE_CANDIDATES) {
            let text = self.inline_text(h1);
            let fits = !text.is_empty() && text.chars().count() <= MAX_TITLE_CHARS;
            let shared = if fits && title.contains(text.as_str()) {
                text.len()
            } else {
                0
            };
            if best.is_none_or(|(_, top)| shared > top) {
                best = Some((h1, shared));
            }
        }
        best.map(|(h1, _)| h1)
    }

    /// The text of a subtree on one line.
    fn inline_text(&self, index: usize) -> String {
        let mut text = String::new();
        let mut i = index;
        while i < self.items[index].end {
            let item = &self.items[i];
            if item.dropped {
                i = item.end;
                continue;
            }
            if item.kind == Kind::Text {
                text.push_str(item.name);
            } else if item.kind == Kind::Element && item.name == "br" {
                text.push(' ');
            }
            i += 1;
        }
        collapse_whitespace(&text)
    }

    pub(super) fn extract(mut self) -> Extracted {
        let roots = self.content_roots();
        let headline = self.headline(&roots);
        let title = match headline {
            Some(h1) => Some(self.inline_text(h1)),
            None => self.title_tag.as_deref().map(strip_site_name),
        }
        .filter(|t| !t.is_empty());
        let headline_in_content =
            headline.is_some_and(|h1| roots.iter().any(|&r| r <= h1 && h1 < self.items[r].end));

        let mut writer = Writer::new(!headline_in_content, title.is_some());
        for &root in &roots {
            self.write_subtree(root, headline, &mut writer);
        }
        let mut paragraphs = writer.finish();
        if let (Some(title), Some(first)) = (&title, paragraphs.first())
            && first == title
        {
            paragraphs.remove(0);
        }
        let body = paragraphs.join("\n\n");
        let text = match &title {
            Some(title) if body.is_empty() => title.clone(),
            Some(title) => format!("{title}\n\n{body}"),
            None => body.clone(),
        };
        Extracted {
            title,
            text,
            body,
            date: self.date.take(),
            byline: self.byline.take(),
            lang: self.lang,
        }
    }

    /// Writes a subtree's paragraphs, iteratively (pages can nest deeply).
    fn write_subtree(&self, root: usize, headline: Option<usize>, writer: &mut Writer) {
        // Ends of the open block elements, innermost last.
        let mut open_blocks: Vec<(usize, bool)> = Vec::new();
        let mut i = root;
        let end = self.items[root].end;
        while i < end {
            while let Some(&(block_end, is_heading)) = open_blocks.last() {
                if block_end > i {
                    break;
                }
                open_blocks.pop();
                writer.end_paragraph(is_heading);
            }
            let item = &self.items[i];
            if item.dropped {
                i = item.end;
                continue;
            }
            match item.kind {
                Kind::Text => {
                    let in_pre = self.inside(i, root, "pre");
                    writer.text(item.name, in_pre, self.inside(i, root, "a"));
                }
                Kind::Element => {
                    if Some(i) == headline {
                        writer.at_headline();
                        i = item.end;
                        continue;
                    }
                    // A link list goes whole; a link inside a paragraph is
                    // part of its sentence (the paragraph's own link share
                    // is judged when it ends).
                    if i != root
                        && BLOCK_TAGS.contains(&item.name)
                        && item.name != "p"
                        && self.link_density(i) > MAX_LINK_DENSITY
                    {
                        i = item.end;
                        continue;
                    }
                    if item.name == "br" {
                        writer.line_break();
                    } else if BLOCK_TAGS.contains(&item.name) {
                        writer.end_paragraph(false);
                        let heading = matches!(item.name, "h2" | "h3" | "h4" | "h5" | "h6");
                        open_blocks.push((item.end, heading));
                    }
                }
                Kind::Other => {}
            }
            i += 1;
        }
        while let Some((_, is_heading)) = open_blocks.pop() {
            writer.end_paragraph(is_heading);
        }
        writer.end_paragraph(false);
    }

    /// Whether the node at `index` is inside a `name` element below `root`.
    /// Walks up at most a bounded number of levels: pre and links are shallow.
    fn inside(&self, index: usize, root: usize, name: &str) -> bool {
        let mut ancestor = self.items[index].parent;
        for _ in 0..32 {
            if ancestor == NO_PARENT || ancestor < root {
                return false;
            }
            if self.is_element(ancestor, name) {
                return true;
            }
            ancestor = self.items[ancestor].parent;
        }
        false
    }
}

/// Collapses runs of HTML whitespace into one space and trims.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split([' ', '\t', '\n', '\r', '\x0c'])
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace('\u{ad}', "")
}

/// `<title>` without the site name: the longest part around ` | `, ` - `,
/// ` — `, ` – ` or ` :: `.
fn strip_site_name(title: &str) -> String {
    let mut parts = vec![title];
    for separator in [" | ", " — ", " – ", " - ", " :: ", " « ", " » "] {
        parts = parts.iter().flat_map(|p| p.split(separator)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .unwrap_or("")
        .to_string()
}

/// What [`mark_blocks`] finds of each element, for dropping.
struct Blocks {
    /// Characters of `<p>` text below (hidden or not).
    paragraph_text: Vec<usize>,
    /// Whether a `<main>` is below (the element itself included).
    holds_main: Vec<bool>,
}

/// Landmarks and blocks, bottom-up (children come after their parent):
/// whether each element holds an `<h1>`/`<article>`/`<main>` or a block
/// element, and each element's paragraph text (hidden or not), in
/// characters.
fn mark_blocks(items: &mut [Item<'_>]) -> Blocks {
    let mut raw_text = vec![0usize; items.len()];
    let mut paragraph_text = vec![0usize; items.len()];
    let mut holds_main = vec![false; items.len()];
    for index in (0..items.len()).rev() {
        if items[index].kind == Kind::Text {
            raw_text[index] = items[index]
                .name
                .chars()
                .filter(|c| !c.is_whitespace())
                .count();
        } else if items[index].name == "p" {
            paragraph_text[index] = raw_text[index];
        } else if items[index].name == "main" {
            holds_main[index] = true;
        }
        let parent = items[index].parent;
        if parent != NO_PARENT {
            raw_text[parent] += raw_text[index];
            paragraph_text[parent] += paragraph_text[index];
            holds_main[parent] |= holds_main[index];
            let is_block =
                items[index].kind == Kind::Element && BLOCK_TAGS.contains(&items[index].name);
            if items[index].holds_landmark {
                items[parent].holds_landmark = true;
            }
            if is_block || items[index].holds_block {
                items[parent].holds_block = true;
            }
        }
    }
    Blocks {
        paragraph_text,
        holds_main,
    }
}

/// Dropping, top-down: an element goes with its parent, for its own tag or
/// role (`own_drop`), or for a class/id hint — unless it holds the article:
/// a landmark below, or most of the page's paragraphs (a site naming its
/// layout `sidebar-layout` or `body-ad-wrapper`).
fn drop_boilerplate(items: &mut [Item<'_>], own_drop: &[Drop], blocks: &Blocks) {
    let paragraph_text = &blocks.paragraph_text;
    let page_paragraphs = paragraph_text.first().copied().unwrap_or(0);
    let streamed = streamed_paragraphs(items, own_drop, paragraph_text);
    let streamed_holds_most = streamed >= WEAK_HINT_MAX_PARAGRAPH_CHARS
        && streamed as f64 > MOST_OF_THE_PAGE * page_paragraphs as f64;
    for index in 0..items.len() {
        let parent = items[index].parent;
        let paragraphs = paragraph_text[index];
        let holds_most = paragraphs >= WEAK_HINT_MAX_PARAGRAPH_CHARS
            && paragraphs as f64 > MOST_OF_THE_PAGE * page_paragraphs as f64;
        // A weak hint (a share bar, a tag list) on an element holding
        // pages of paragraphs is a wrapper the site named oddly; a strong
        // one, on most of the page's paragraphs.
        let hinted = match items[index].hint {
            hint if hint <= NEVER_ARTICLE_HINT => true,
            -2 => !holds_most,
            -1 => paragraphs < WEAK_HINT_MAX_PARAGRAPH_CHARS,
            _ => false,
        };
        let by_hint = items[index].kind == Kind::Element
            && hinted
            && !items[index].holds_landmark
            && !matches!(items[index].name, "html" | "body");
        let by_tag = match own_drop[index] {
            Drop::Keep => false,
            Drop::Always => true,
            Drop::Container => {
                !(blocks.holds_main[index] || (items[index].name == "form" && holds_most))
            }
            Drop::Faded => !holds_most,
            Drop::Streamed => !(holds_most || streamed_holds_most),
        };
        items[index].dropped = by_tag || by_hint || (parent != NO_PARENT && items[parent].dropped);
    }
}

/// The paragraph text of the page's streamed blocks without placeholder
/// ([`Drop::Streamed`]), each counted once (outermost blocks only).
fn streamed_paragraphs(items: &[Item<'_>], own_drop: &[Drop], paragraph_text: &[usize]) -> usize {
    let mut total = 0;
    let mut until = 0;
    for (index, item) in items.iter().enumerate() {
        if index >= until && own_drop[index] == Drop::Streamed {
            total += paragraph_text[index];
            until = item.end;
        }
    }
    total
}

/// Text statistics of what is kept, bottom-up: characters, link
/// characters, commas and `<article>`s below each element.
fn count_text(items: &mut [Item<'_>]) {
    // Text statistics, bottom-up.
    for index in (0..items.len()).rev() {
        if items[index].dropped {
            continue;
        }
        if items[index].kind == Kind::Text {
            let text = items[index].name;
            items[index].text_chars = text.chars().filter(|c| !c.is_whitespace()).count();
            items[index].commas = text
                .chars()
                .filter(|c| matches!(c, ',' | '،' | '、' | '，'))
                .count();
        }
        if items[index].name == "a" && items[index].kind == Kind::Element {
            items[index].link_chars = items[index].text_chars;
        }
        if items[index].name == "article" && items[index].kind == Kind::Element {
            items[index].articles += 1;
        }
        let parent = items[index].parent;
        if parent != NO_PARENT {
            let (text, link, commas, articles) = (
                items[index].text_chars,
                items[index].link_chars,
                items[index].commas,
                items[index].articles,
            );
            items[parent].text_chars += text;
            items[parent].link_chars += link;
            items[parent].commas += commas;
            items[parent].articles += articles;
        }
    }
}

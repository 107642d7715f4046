//! The article's publication date and byline, as the page states them.
//!
//! Both feed the brief's heading, not its text: they are read from
//! `<meta>` tags first (publishers fill these for search engines and social
//! networks, so they are the most reliable), then from the article markup
//! (`<time datetime>`, a `rel=author` link, a short `byline`/`author`
//! element). Values are kept as written, whitespace collapsed, at most
//! [`MAX_FIELD_CHARS`] characters.

use std::ops::Deref;

use scraper::node::Element;

/// A date or byline longer than this is not one.
const MAX_FIELD_CHARS: usize = 200;

/// `<meta>` names and properties of the publication date, best first.
const DATE_NAMES: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "publish-date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
];

/// `<meta>` names and properties of the author, best first.
const AUTHOR_NAMES: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
];

#[derive(Default)]
pub(super) struct Metadata {
    /// (rank in DATE_NAMES, value) of the best date meta seen so far.
    meta_date: Option<(usize, String)>,
    meta_author: Option<(usize, String)>,
    time_element: Option<String>,
    author_element: Option<String>,
}

impl Metadata {
    /// Looks at one element (in document order).
    pub(super) fn see(
        &mut self,
        name: &str,
        element: &Element,
        node: &ego_tree::NodeRef<'_, scraper::Node>,
    ) {
        match name {
            "meta" => {
                let Some(content) = element.attr("content").and_then(field) else {
                    return;
                };
                for key in ["property", "name", "itemprop"] {
                    let Some(key) = element.attr(key) else {
                        continue;
                    };
                    let key = key.trim().to_ascii_lowercase();
                    if let Some(rank) = DATE_NAMES.iter().position(|n| *n == key)
                        && self.meta_date.as_ref().is_none_or(|(r, _)| rank < *r)
                    {
                        self.meta_date = Some((rank, content.clone()));
                    }
                    // A profile URL is not a name.
                    if let Some(rank) = AUTHOR_NAMES.iter().position(|n| *n == key)
                        && !content.starts_with("http")
                        && self.meta_author.as_ref().is_none_or(|(r, _)| rank < *r)
                    {
                        self.meta_author = Some((rank, content.clone()));
                    }
                }
            }
            "time" if self.time_element.is_none() => {
                self.time_element = element
                    .attr("datetime")
                    .and_then(field)
                    .or_else(|| field(&node_text(node)));
            }
            _ if self.author_element.is_none() => {
                let rel_author = element
                    .attr("rel")
                    .is_some_and(|r| r.split_ascii_whitespace().any(|t| t == "author"));
                let author_class = element.attr("itemprop") == Some("author")
                    || element.attr("class").is_some_and(|c| {
                        c.split_ascii_whitespace().take(16).any(|t| {
                            let t = t.to_ascii_lowercase();
                            t == "byline" || t == "author" || t == "author-name"
                        })
                    });
                if rel_author || author_class {
                    self.author_element = field(&node_text(node));
                }
            }
            _ => {}
        }
    }

    pub(super) fn date(&self) -> Option<String> {
        self.meta_date
            .as_ref()
            .map(|(_, v)| v.clone())
            .or_else(|| self.time_element.clone())
    }

    pub(super) fn byline(&self) -> Option<String> {
        self.meta_author
            .as_ref()
            .map(|(_, v)| v.clone())
            .or_else(|| self.author_element.clone())
    }
}

/// The text of a subtree, bounded: a byline is a line, so reading stops after
/// a few times the longest one.
fn node_text(node: &ego_tree::NodeRef<'_, scraper::Node>) -> String {
    let mut text = String::new();
    for descendant in node.descendants() {
        if let Some(t) = descendant.value().as_text() {
            text.push_str(t.deref());
            text.push(' ');
            if text.len() > 4 * MAX_FIELD_CHARS {
                return String::new();
            }
        }
    }
    text
}

/// A value with whitespace collapsed, if it is neither empty nor too long.
fn field(value: &str) -> Option<String> {
    let mut out = String::new();
    for word in value.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        if out.chars().count() > MAX_FIELD_CHARS {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use crate::html::extract;

    #[test]
    fn date_and_byline_come_from_meta_tags_before_the_markup() {
        let page = extract(
            "<!DOCTYPE html><html><head><meta name='author' content=' Anna  Petrova '>\
             <meta property='article:published_time' content='2026-03-01T10:00:00Z'>\
             <meta name='date' content='2020-01-01'></head><body><article><h1>Dam opens</h1>\
             <p class='byline'>By Someone Else</p><time datetime='2019-01-01'>1 Jan</time>\
             <p>The new dam opened on Sunday, officials said, after ten years of work.</p>\
             </article></body></html>",
        );
        assert_eq!(page.date.as_deref(), Some("2026-03-01T10:00:00Z"));
        assert_eq!(page.byline.as_deref(), Some("Anna Petrova"));
        assert!(!page.body.contains("Someone Else"), "{}", page.body);
    }

    #[test]
    fn date_and_byline_fall_back_to_time_and_author_elements() {
        let page = extract(
            "<!DOCTYPE html><html><body><article><h1>Сбор урожая</h1>\
             <span class='author'>Анна  Смирнова</span> <time datetime='2026-09-01'>1 сентября</time>\
             <p>Урожай зерна в этом году оказался выше прошлогоднего, сообщили в министерстве.</p>\
             </article></body></html>",
        );
        assert_eq!(page.date.as_deref(), Some("2026-09-01"));
        assert_eq!(page.byline.as_deref(), Some("Анна Смирнова"));
        assert_eq!(page.title.as_deref(), Some("Сбор урожая"));
        assert!(page.body.starts_with("Урожай"), "{}", page.body);
        assert!(!page.body.contains("Смирнова"));
    }

    #[test]
    fn no_date_or_byline_when_the_page_has_none() {
        let page = extract("<html><body><p>Just a paragraph of text here.</p></body></html>");
        assert_eq!((page.date, page.byline), (None, None));
    }
}

//! What an element's tag, role and class/id say about it: article,
//! furniture, or nothing (the word lists are in `resources/html/`).

use super::hidden::Hiding;
use super::vocabulary::*;

/// Characters of class and id looked at: hints are near the start, and a
/// crafted page must not make this step slow.
const MAX_HINT_BYTES: usize = 512;

/// The hint weight of words that never name a wrapper around the article
/// (comments), whatever the element holds.
pub(super) const NEVER_ARTICLE_HINT: i32 = -3;

/// The weight of a class or id attribute: -1 if a token begins with a
/// boilerplate word, +1 if with an article word, else 0.
pub(super) fn hint_weight(attr: Option<&str>) -> i32 {
    let Some(value) = attr else { return 0 };
    let mut end = value.len().min(MAX_HINT_BYTES);
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    let value = value[..end].to_lowercase();
    let mut weight = 0;
    // `has-sidebar`, `no-comments`: a modifier says what is next to the
    // element, not what it is.
    let names = value
        .split_ascii_whitespace()
        .filter(|name| !HINT_MODIFIERS.iter().any(|m| name.starts_with(m)));
    for token in names
        .flat_map(|name| name.split(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty() && !HINT_EXCEPTIONS.contains(t))
    {
        if NEVER_ARTICLE_HINTS
            .iter()
            .any(|hint| hint_matches(token, hint))
        {
            return NEVER_ARTICLE_HINT;
        }
        if NEGATIVE_HINTS.iter().any(|hint| hint_matches(token, hint)) {
            return -2;
        }
        if WEAK_NEGATIVE_HINTS
            .iter()
            .any(|hint| hint_matches(token, hint))
        {
            weight = -1;
            continue;
        }
        if weight == 0 && POSITIVE_HINTS.iter().any(|hint| hint_matches(token, hint)) {
            weight = 1;
        }
    }
    weight
}

/// Short English words must be the whole token (`ad` is not `adjust`, `nav`
/// not `navy`), longer ones may begin it (`comment` → `comments`).
fn hint_matches(token: &str, hint: &str) -> bool {
    if hint.is_ascii() && hint.len() <= 4 {
        token == hint
            || (token.starts_with(hint)
                && token[hint.len()..]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == 's'))
    } else {
        token.starts_with(hint)
    }
}

/// Whether an element goes for what it is, whatever its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Drop {
    Keep,
    /// A container that is furniture by its tag (`<form>`, `<aside>`,
    /// `<nav>`, `<footer>`…) but that broken or old-fashioned pages wrap
    /// around the article: kept when it holds `<main>`, or (a page-wide
    /// `<form>`) most of the page's paragraphs.
    Container,
    /// Hidden in a way page scripts undo on load (`hidden::Hiding::Faded`):
    /// kept when it holds most of the page's paragraphs, as a wrapper
    /// faded in around the article does; small hidden text stays out.
    Faded,
    /// A streamed React block (`<div hidden id="S:n">`) whose placeholder
    /// is missing: kept when such blocks together hold most of the page's
    /// paragraphs (the page streams its article in pieces).
    Streamed,
    Always,
}

/// Elements dropped for what they are, whatever their class. A `revealed`
/// element is one a page script shows on load: its `hidden` attribute is
/// ignored (its style is not). A streamed React block (`<div hidden
/// id="S:n">`) without its placeholder is only faded.
pub(super) fn is_dropped(name: &str, element: &scraper::node::Element, revealed: bool) -> Drop {
    let attr = |attribute: &str| {
        if revealed && attribute == "hidden" {
            None
        } else {
            element.attr(attribute)
        }
    };
    let streamed = name == "div" && element.attr("id").is_some_and(|id| id.starts_with("S:"));
    match super::hidden::hiding(attr, streamed) {
        Hiding::Hidden => return Drop::Always,
        Hiding::Faded if streamed && element.attr("hidden").is_some() => return Drop::Streamed,
        Hiding::Faded => return Drop::Faded,
        Hiding::Shown => {}
    }
    if let Some(role) = element.attr("role")
        && DROPPED_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
    {
        return Drop::Always;
    }
    if CONTAINER_TAGS.contains(&name) {
        return Drop::Container;
    }
    if DROPPED_TAGS.contains(&name) {
        return Drop::Always;
    }
    Drop::Keep
}

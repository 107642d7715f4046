//! The vocabulary of page structure: the tags, roles and class/id words
//! that tell article text from page furniture (English, and the Russian and
//! Persian words common on sites that name classes in their language). The
//! lists are data files under `resources/html/`, embedded at build time, one
//! entry a line, sorted and unique (tested).

use std::sync::LazyLock;

/// A list of `resources/html/`: its entries, in file order (sorted).
type List = LazyLock<Vec<&'static str>>;

fn entries(text: &'static str) -> Vec<&'static str> {
    crate::resources::entries(text).collect()
}

macro_rules! list {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub(super) static $name: List =
            LazyLock::new(|| entries(include_str!(concat!("../../resources/html/", $file))));
    };
}

list!(
    /// Elements whose content is never article text.
    DROPPED_TAGS,
    "dropped_tags.txt"
);
list!(
    /// Furniture by tag that broken pages wrap around the article: dropped
    /// unless it holds `<main>` (or, a `<form>`, most of the page's paragraphs).
    CONTAINER_TAGS,
    "container_tags.txt"
);
list!(
    /// Elements that start and end a paragraph of the output.
    BLOCK_TAGS,
    "block_tags.txt"
);
list!(
    /// Roles whose elements are never the article.
    DROPPED_ROLES,
    "dropped_roles.txt"
);
list!(
    /// Words of `class`/`id` that mark boilerplate (see the file for how
    /// they match).
    NEGATIVE_HINTS,
    "negative_hints.txt"
);
list!(
    /// Words of `class`/`id` that mark what never wraps the article
    /// (comments), whatever the element holds.
    NEVER_ARTICLE_HINTS,
    "never_article_hints.txt"
);
list!(
    /// Words of `class`/`id` that mark boilerplate only on small elements:
    /// sites also put them on wrappers around the whole article, so an
    /// element with at least [`WEAK_HINT_MAX_PARAGRAPH_CHARS`] of paragraph
    /// text stays.
    WEAK_NEGATIVE_HINTS,
    "weak_negative_hints.txt"
);
list!(
    /// Words of `class`/`id` that mark the article.
    POSITIVE_HINTS,
    "positive_hints.txt"
);
list!(
    /// Prefixes of a class name that say what is next to the element
    /// (`has-sidebar`), so that the class name is no hint.
    HINT_MODIFIERS,
    "hint_modifiers.txt"
);
list!(
    /// Tokens that begin with a hint word but say something else
    /// (`promoted`).
    HINT_EXCEPTIONS,
    "hint_exceptions.txt"
);

/// Paragraph text (in `<p>`s, in characters) from which a weak hint no longer
/// drops an element: a few paragraphs, more than any share bar or tag list.
pub(super) const WEAK_HINT_MAX_PARAGRAPH_CHARS: usize = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_unique_lower_case_and_not_empty() {
        let lists: [(&str, &List); 10] = [
            ("dropped_tags", &DROPPED_TAGS),
            ("container_tags", &CONTAINER_TAGS),
            ("block_tags", &BLOCK_TAGS),
            ("dropped_roles", &DROPPED_ROLES),
            ("negative_hints", &NEGATIVE_HINTS),
            ("never_article_hints", &NEVER_ARTICLE_HINTS),
            ("weak_negative_hints", &WEAK_NEGATIVE_HINTS),
            ("positive_hints", &POSITIVE_HINTS),
            ("hint_modifiers", &HINT_MODIFIERS),
            ("hint_exceptions", &HINT_EXCEPTIONS),
        ];
        for (name, list) in lists {
            assert!(!list.is_empty(), "{name} is empty");
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for entry in list.iter() {
                assert_eq!(*entry, entry.to_lowercase(), "{name}: {entry:?}");
            }
        }
    }

    #[test]
    fn a_tag_is_never_both_dropped_and_a_container() {
        for tag in CONTAINER_TAGS.iter() {
            assert!(!DROPPED_TAGS.contains(tag), "{tag}");
        }
        for word in NEVER_ARTICLE_HINTS.iter() {
            assert!(!NEGATIVE_HINTS.contains(word), "{word}");
        }
    }
}

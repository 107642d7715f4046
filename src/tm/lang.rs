//! Language tags as a memory compares them.

/// The comparison form of a tag: trimmed, ASCII lower case, `_` as `-`
/// (TMX files from older tools write `en_US`).
pub(super) fn key(tag: &str) -> String {
    tag.trim().to_ascii_lowercase().replace('_', "-")
}

/// The primary language subtag of a [`key`].
pub(super) fn primary(key: &str) -> &str {
    key.split('-').next().unwrap_or("")
}

/// How well variant tag `have` serves a request for `want` (both [`key`]s):
/// `Some(0)` identical, `Some(1)` one is a subtag prefix of the other
/// (`fa` and `fa-IR`), `None` otherwise (`fa-IR` and `fa-AF` are different
/// languages for a desk).
pub(super) fn match_level(want: &str, have: &str) -> Option<u8> {
    if want.is_empty() || have.is_empty() {
        return None;
    }
    if want == have {
        return Some(0);
    }
    let prefix_of = |short: &str, long: &str| {
        long.len() > short.len() && long.starts_with(short) && long.as_bytes()[short.len()] == b'-'
    };
    (prefix_of(want, have) || prefix_of(have, want)).then_some(1)
}

/// Whether `tag` is a plausible BCP 47 tag: a primary subtag of 2–3 letters,
/// then subtags of 1–8 letters or digits.
pub(super) fn is_valid(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_match_by_prefix_not_by_sibling() {
        assert_eq!(key(" fa_IR "), "fa-ir");
        assert_eq!(match_level("fa-ir", "fa-ir"), Some(0));
        assert_eq!(match_level("fa-ir", "fa"), Some(1));
        assert_eq!(match_level("fa", "fa-ir"), Some(1));
        assert_eq!(match_level("fa-ir", "fa-af"), None);
        assert_eq!(match_level("f", "fa"), None);
        assert_eq!(match_level("fa", "fas"), None);
        assert_eq!(match_level("", ""), None);
        assert_eq!(primary("zh-hant-tw"), "zh");
        assert!(is_valid("ru-RU") && is_valid("en_US") && is_valid("zh-Hant-TW"));
        assert!(!is_valid("*all*") && !is_valid("e") && !is_valid("en--US") && !is_valid(""));
    }
}

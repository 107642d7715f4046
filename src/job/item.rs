//! The identity of a batch item's document inside an export.
//!
//! `brief export --input jsonl` names the `n`-th document of item `id` as
//! `<id>#<n>` in every unit it exports; merge and check find the item of a
//! unit again from that name. [`ItemId`] is that convention as a type, so
//! that no front end parses the string on its own.

use std::fmt;

/// A document of a batch item: the item's id and the document's index in
/// the item (from 0).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId {
    /// The item's id, as in the batch.
    pub item: String,
    /// The document's index in the item, from 0.
    pub document: usize,
}

impl ItemId {
    /// The id of document `document` of item `item`.
    pub fn new(item: impl Into<String>, document: usize) -> ItemId {
        ItemId {
            item: item.into(),
            document,
        }
    }

    /// The item a document name belongs to: `desk/a1#0` is document 0 of
    /// item `desk/a1`; the last `#` counts (`wire#7#12` is item `wire#7`).
    /// `None` for a name without a `#<digits>` ending (a one-cluster
    /// export names its documents by file name).
    ///
    /// ```
    /// use brief::ItemId;
    /// assert_eq!(ItemId::parse("desk/a1#0"), Some(ItemId::new("desk/a1", 0)));
    /// assert_eq!(ItemId::parse("article.txt"), None);
    /// ```
    pub fn parse(name: &str) -> Option<ItemId> {
        let (item, n) = name.rsplit_once('#')?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(ItemId::new(item, n.parse().ok()?))
    }
}

/// The document name written into exported files: `<item>#<document>`.
impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.item, self.document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_without_a_document_number_are_no_item() {
        assert_eq!(ItemId::parse("wire#7#12"), Some(ItemId::new("wire#7", 12)));
        assert_eq!(ItemId::parse("article.txt"), None);
        assert_eq!(ItemId::parse("tag#x"), None);
        assert_eq!(ItemId::parse("ends#"), None);
        assert_eq!(ItemId::parse("#3"), Some(ItemId::new("", 3)));
        // A number too large for an index is not a document of an item.
        assert_eq!(ItemId::parse("a#99999999999999999999999"), None);
    }

    #[test]
    fn the_name_is_the_one_batch_input_gives_its_documents() {
        let item = crate::input::parse_batch_line(
            r#"{"id": "desk#1", "documents": ["One.", "Two."]}"#,
            std::path::Path::new("b.jsonl"),
            1,
        )
        .unwrap();
        let names: Vec<String> = item
            .to_documents(None)
            .into_iter()
            .map(|d| d.name)
            .collect();
        assert_eq!(
            names,
            [
                ItemId::new("desk#1", 0).to_string(),
                ItemId::new("desk#1", 1).to_string()
            ]
        );
    }

    proptest! {
        #[test]
        fn every_item_id_reads_back_from_its_name(item in ".{0,12}", document in 0usize..100_000) {
            let id = ItemId::new(item, document);
            prop_assert_eq!(ItemId::parse(&id.to_string()), Some(id));
        }
    }
}

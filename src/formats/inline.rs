//! Reading the text of `<source>`, `<target>` and `<seg>` elements that may
//! hold inline markup, and namespace-aware child lookup.
//!
//! Translators' tools put inline codes into targets. Each is either mapped
//! to the text it stands for or refused with a message naming it: nothing is
//! dropped silently, and the native code that `<bpt>`/`<ept>`/`<ph>`/`<it>`
//! carry (`<b>` in `<bpt>&lt;b&gt;</bpt>`) never reaches the brief.

use super::xml::{Element, Node};

/// Which vocabulary of inline elements applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// XLIFF 2.x: `<pc>`, `<mrk>` (content), `<ph>`, `<sc>`, `<ec>` (`equiv`
    /// or `disp`), `<cp hex>` (the character), `<sm>`/`<em>` (markers, no text).
    Xliff2,
    /// XLIFF 1.2: `<g>`, `<mrk>` (content), `<x>`, `<bx>`, `<ex>`
    /// (`equiv-text`), `<bpt>`, `<ept>`, `<ph>`, `<it>` (native code: only
    /// their `<sub>` text counts).
    Xliff12,
    /// TMX: `<hi>` (content), `<bpt>`, `<ept>`, `<ph>`, `<it>`, `<ut>`
    /// (native code: only their `<sub>` text counts).
    Tmx,
}

/// Child elements with this local name in the namespace `ns` (the file's
/// own: elements of other vocabularies never count).
pub(crate) fn children<'a>(
    el: &'a Element,
    ns: Option<&'a str>,
    name: &'a str,
) -> impl Iterator<Item = &'a Element> {
    el.elements()
        .filter(move |e| e.name == name && e.ns.as_deref() == ns)
}

/// The first child element with this local name in the namespace `ns`.
pub(crate) fn child<'a>(
    el: &'a Element,
    ns: Option<&'a str>,
    name: &'a str,
) -> Option<&'a Element> {
    children(el, ns, name).next()
}

/// The child element with this local name in `ns`, which must be the only
/// one: a `<segment>` with two `<target>`s has no one translation, and
/// taking the first would drop the other unseen.
pub(crate) fn only_child<'a>(
    el: &'a Element,
    ns: Option<&'a str>,
    name: &'a str,
) -> Result<Option<&'a Element>, String> {
    let mut found = children(el, ns, name);
    let first = found.next();
    if first.is_some() && found.next().is_some() {
        return Err(format!("<{}> with more than one <{name}>", el.name));
    }
    Ok(first)
}

/// The text of `el` with its inline elements mapped (see [`Dialect`]);
/// `Err` names the element that has no text equivalent.
pub(crate) fn text(el: &Element, ns: Option<&str>, dialect: Dialect) -> Result<String, String> {
    let mut text = Text {
        ns,
        dialect,
        out: String::new(),
    };
    text.collect(el, 0)?;
    Ok(text.out)
}

/// The text being collected from one element, in one namespace and dialect.
struct Text<'a> {
    ns: Option<&'a str>,
    dialect: Dialect,
    out: String,
}

impl Text<'_> {
    fn collect(&mut self, el: &Element, depth: usize) -> Result<(), String> {
        for node in &el.children {
            let e = match node {
                Node::Text(t) => {
                    self.out.push_str(t);
                    continue;
                }
                Node::Element(e) => e,
            };
            if e.ns.as_deref() != self.ns {
                return Err(format!(
                    "<{}> from another vocabulary ({}) inside <{}>",
                    e.name,
                    e.ns.as_deref().unwrap_or("no namespace"),
                    el.name
                ));
            }
            // The parser bounds depth; this keeps the recursion obviously finite.
            if depth > 64 {
                return Err("inline markup nested too deeply".into());
            }
            match (self.dialect, e.name.as_str()) {
                (Dialect::Xliff2, "pc" | "mrk")
                | (Dialect::Xliff12, "g" | "mrk")
                | (Dialect::Tmx, "hi") => self.collect(e, depth + 1)?,
                (Dialect::Xliff2, "ph" | "sc" | "ec") => {
                    match e.attr("equiv").or_else(|| e.attr("disp")) {
                        Some(equiv) => self.out.push_str(equiv),
                        // A paired code's end or start without text stands for
                        // formatting only.
                        None if e.name != "ph" => {}
                        None => {
                            return Err(format!(
                                "<ph id=\"{}\"> without equiv or disp: what text does it stand for?",
                                e.attr("id").unwrap_or("")
                            ));
                        }
                    }
                }
                (Dialect::Xliff2, "sm" | "em") => {}
                (Dialect::Xliff2, "cp") => {
                    let c = e
                        .attr("hex")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'));
                    match c {
                        Some(c) => self.out.push(c),
                        None => {
                            return Err(format!(
                                "<cp hex=\"{}\"> is not a printable character",
                                e.attr("hex").unwrap_or("").escape_default()
                            ));
                        }
                    }
                }
                (Dialect::Xliff12, "x" | "bx" | "ex") => {
                    if let Some(equiv) = e.attr("equiv-text") {
                        self.out.push_str(equiv);
                    } else if e.name == "x" {
                        return Err(format!(
                            "<x id=\"{}\"> without equiv-text: what text does it stand for?",
                            e.attr("id").unwrap_or("")
                        ));
                    }
                }
                (Dialect::Xliff12, "bpt" | "ept" | "ph" | "it")
                | (Dialect::Tmx, "bpt" | "ept" | "ph" | "it" | "ut") => {
                    self.native_code_subs(e, depth + 1)?;
                }
                _ => {
                    return Err(format!(
                        "inline element <{}> inside <{}> is not supported",
                        e.name, el.name
                    ));
                }
            }
        }
        Ok(())
    }

    /// Inside a native-code element only `<sub>` holds translatable text.
    fn native_code_subs(&mut self, el: &Element, depth: usize) -> Result<(), String> {
        for sub in el.elements() {
            if sub.name == "sub" && sub.ns.as_deref() == self.ns {
                self.collect(sub, depth + 1)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn inner(xml: &str, dialect: Dialect) -> Result<String, String> {
        let root = super::super::xml::parse(xml, Path::new("t.xml")).unwrap();
        let ns = root.ns.clone();
        text(&root, ns.as_deref(), dialect)
    }

    #[test]
    fn xliff2_codes_map_to_their_text() {
        let x = r#"<target xmlns="urn:oasis:names:tc:xliff:document:2.0">a <pc id="1">bold</pc> <ph id="2" equiv="[1]"/> <sc id="3"/>b<ec startRef="3"/><cp hex="263A"/></target>"#;
        assert_eq!(inner(x, Dialect::Xliff2).unwrap(), "a bold [1] b\u{263A}");
        let bad =
            r#"<target xmlns="urn:oasis:names:tc:xliff:document:2.0">a <ph id="2"/></target>"#;
        assert!(
            inner(bad, Dialect::Xliff2)
                .unwrap_err()
                .contains("<ph id=\"2\">")
        );
        let esc =
            r#"<target xmlns="urn:oasis:names:tc:xliff:document:2.0"><cp hex="1B"/></target>"#;
        assert!(inner(esc, Dialect::Xliff2).is_err());
    }

    #[test]
    fn native_code_never_leaks() {
        let x = r#"<target xmlns="urn:oasis:names:tc:xliff:document:1.2"><bpt id="1">&lt;b&gt;</bpt>bold<ept id="1">&lt;/b&gt;</ept> <g id="2">g</g><ph id="3">&lt;img alt="<sub>alt</sub>"&gt;</ph></target>"#;
        assert_eq!(inner(x, Dialect::Xliff12).unwrap(), "bold galt");
        let t = r#"<seg><bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> <hi>hi</hi><ut>{\b}</ut></seg>"#;
        assert_eq!(inner(t, Dialect::Tmx).unwrap(), "bold hi");
    }

    #[test]
    fn foreign_and_unknown_elements_are_refused() {
        let x = r#"<target xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:o="urn:other">a<o:b>c</o:b></target>"#;
        assert!(
            inner(x, Dialect::Xliff2)
                .unwrap_err()
                .contains("another vocabulary")
        );
        let y = r#"<seg>a<blink>c</blink></seg>"#;
        assert!(inner(y, Dialect::Tmx).unwrap_err().contains("<blink>"));
    }

    #[test]
    fn lookup_is_namespace_aware() {
        let x = r#"<segment xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:x="urn:other"><source>s</source><x:target>t</x:target></segment>"#;
        let root = super::super::xml::parse(x, Path::new("t.xml")).unwrap();
        let ns = root.ns.as_deref();
        assert!(child(&root, ns, "source").is_some());
        assert!(child(&root, ns, "target").is_none());
    }
}

//! What a translation must be before brief accepts it: the right number of
//! them, each of a sane size, without control characters, without markup the
//! source does not have (an engine or a proxy injecting HTML), and written
//! in the target language's script (the same rule as `brief check`'s
//! untranslated check, so that what passes here passes there).

use crate::lang::Lang;

/// The most bytes a translation may have per source byte (and at least
/// [`MIN_ALLOWED_BYTES`]): Persian and Russian take two bytes a letter where
/// English takes one, so 8 leaves room for any honest translation.
const BYTES_PER_SOURCE_BYTE: usize = 8;
const MIN_ALLOWED_BYTES: usize = 1024;

/// Checks `translations` against the `sources` they were sent for; the
/// error says which text (from 1) and why.
pub(crate) fn check_batch(
    sources: &[&str],
    translations: &[String],
    target: Lang,
) -> Result<(), String> {
    if sources.len() != translations.len() {
        return Err(format!(
            "sent {} text(s) and got {} translation(s)",
            sources.len(),
            translations.len()
        ));
    }
    for (i, (s, t)) in sources.iter().zip(translations).enumerate() {
        check_one(s, t, target).map_err(|m| format!("translation {} of the batch: {m}", i + 1))?;
    }
    Ok(())
}

fn check_one(source: &str, translation: &str, target: Lang) -> Result<(), String> {
    let allowed = (source.len() * BYTES_PER_SOURCE_BYTE).max(MIN_ALLOWED_BYTES);
    if translation.len() > allowed {
        return Err(format!(
            "{} bytes for a source of {} bytes",
            translation.len(),
            source.len()
        ));
    }
    if let Some(c) = translation
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(format!("holds the control character U+{:04X}", c as u32));
    }
    if markup_count(translation) > markup_count(source) {
        return Err("holds markup (a tag or character reference) the source does not have".into());
    }
    if !source.trim().is_empty() && translation.trim().is_empty() {
        return Err("is empty".into());
    }
    if let Some(message) = crate::check::foreign_script(translation, target) {
        return Err(message);
    }
    Ok(())
}

/// Tags (`<b`, `</b`, `<!--`, `<?`) and character references (`&amp;`,
/// `&#39;`) in `text`.
fn markup_count(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        if c == b'<' && (next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')) {
            n += 1;
        }
        if c == b'&' {
            let rest = &b[i + 1..];
            let name = rest
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
                .count();
            if name > 0 && rest.get(name) == Some(&b';') {
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn honest_translations_pass() {
        let s = ["Prices rose 5% in 2019.", "Tom & Jerry <3"];
        let t = [
            "Цены выросли на 5% в 2019 году.".to_string(),
            "Том и Джерри <3".to_string(),
        ];
        check_batch(&s, &t, Lang::RU).unwrap();
    }

    #[test]
    fn each_misbehaviour_is_refused_with_its_reason() {
        let s = ["Hello there."];
        let cases = [
            ("Привет.<script>x</script>", "markup"),
            ("Привет &amp; пока.", "markup"),
            // A single capitalised word may be a name; two words are text.
            ("Hello there.", "no Cyrillic letter"),
            ("Привет\u{1b}[31m.", "control character"),
            ("", "is empty"),
        ];
        for (t, why) in cases {
            let e = check_batch(&s, &[t.to_string()], Lang::RU).unwrap_err();
            assert!(e.contains(why), "{t:?}: {e}");
        }
        let e = check_batch(&s, &[], Lang::RU).unwrap_err();
        assert!(e.contains("sent 1 text(s) and got 0"), "{e}");
        let huge = "п".repeat(4000);
        assert!(
            check_batch(&s, &[huge], Lang::RU)
                .unwrap_err()
                .contains("bytes")
        );
    }

    proptest! {
        // Markup the source already has is not an injection, whatever it is.
        #[test]
        fn markup_kept_from_the_source_passes(tag in "<[a-z]{1,5}>|&[a-z]{2,4};|&#[0-9]{2};", word in "[а-я]{1,10}") {
            let source = format!("x {tag} y");
            let translation = format!("{word} {tag} {word}");
            prop_assert!(check_batch(&[source.as_str()], std::slice::from_ref(&translation), Lang::RU).is_ok());
            let injected = format!("{translation} {tag}");
            prop_assert!(check_batch(&[source.as_str()], &[injected], Lang::RU).is_err());
        }
    }
}

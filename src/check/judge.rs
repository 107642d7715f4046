//! The one judgement of a target as a whole, which `brief merge` and
//! `brief check` both make, so that they cannot disagree: blank, marked
//! unfinished by the file, partly translated, a copy of the source, in
//! another script, in another language of the same script, with a
//! number of the source changed in value, or with a URL, e-mail address,
//! @handle or #hashtag of the source changed.
//!
//! Merge keeps what only merge can know (drift, missing and duplicate ids,
//! files of other exports); everything about one target is decided here.

use super::{language, numbers, script, text};
use crate::formats::TargetState;
use crate::lang::Lang;

/// What is wrong with a target as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Absent, or nothing visible: white space, ZWNJ, bidi marks.
    Blank,
    /// The file marks the target unfinished (XLIFF 2 `state="initial"`,
    /// XLIFF 1.2 `approved="no"`, a fuzzy or MT-suggested state): the
    /// reason.
    NotFinal(String),
    /// Some segments of the unit have a target and others have none.
    Partial,
    /// The target is the source, and the source has words to translate.
    Copy,
    /// No letter of the target language's script: the message.
    WrongScript(String),
    /// The right script but another language: the message naming it.
    WrongLanguage(String),
    /// A number of the source changed in value or missing: the message.
    Numbers(String),
    /// A URL, e-mail address, @handle or #hashtag of the source is not in
    /// the target verbatim: the message.
    Untouchable(String),
    /// Machine translation no translator has confirmed (`brief translate`'s
    /// marks still in place). It comes first, before what the text itself
    /// shows; a desk may accept it (`merge --accept-mt`).
    Machine,
}

/// Judges one target against its source. At most one fault about the
/// target as a whole comes first (in the order of [`Fault`]'s variants,
/// the first that applies); the number errors follow only when the target
/// is otherwise a translation. `target_lang` is `None` for a language tag
/// brief cannot name: then only blank, state and copy are judged.
///
/// ```
/// use brief::check::{judge_target, Fault};
/// use brief::{Lang, TargetState};
/// let j = |t: &str| judge_target("Turnout was 7.5%.", Some(t), TargetState::Unspecified, Lang::EN, Some(Lang::RU));
/// assert_eq!(j("Явка составила 7,5%."), []);
/// assert!(matches!(j("Явка составила 75%.")[..], [Fault::Numbers(_)]));
/// assert!(matches!(j("Явка становила 7,5%, і це більше, ніж торік.")[..], [Fault::WrongLanguage(_)]));
/// assert_eq!(j(" \u{200c}"), [Fault::Blank]);
/// ```
pub fn judge_target(
    source: &str,
    target: Option<&str>,
    state: TargetState,
    source_lang: Lang,
    target_lang: Option<Lang>,
) -> Vec<Fault> {
    let mut faults = judge_text(source, target, state, source_lang, target_lang);
    if state == TargetState::Machine && faults.first() != Some(&Fault::Blank) {
        faults.insert(0, Fault::Machine);
    }
    faults
}

/// [`judge_target`] without the machine origin: the text and the state.
fn judge_text(
    source: &str,
    target: Option<&str>,
    state: TargetState,
    source_lang: Lang,
    target_lang: Option<Lang>,
) -> Vec<Fault> {
    let source = super::bounded(source);
    let Some(target) = target.map(super::bounded).filter(|t| !text::is_blank(t)) else {
        return vec![Fault::Blank];
    };
    match state {
        TargetState::Partial => return vec![Fault::Partial],
        TargetState::Initial => {
            // A CAT tool that never touches states leaves filled targets
            // "initial": say what to change (docs/guide.md, section 4).
            return vec![Fault::NotFinal(
                "the target is filled but its segment's state is still \"initial\"; if it is \
                 translated, set state=\"translated\" on the <segment> (docs/guide.md, section 4)"
                    .to_string(),
            )];
        }
        TargetState::Unapproved => {
            return vec![Fault::NotFinal(
                "the file marks the translation as not approved (approved=\"no\", a reviewer's rejected-* qualifier, or a fuzzy, TM or machine-suggested state)"
                    .to_string(),
            )];
        }
        TargetState::Unspecified | TargetState::Machine => {}
    }
    if target_lang != Some(source_lang) && text::is_copy(source, target) {
        return vec![Fault::Copy];
    }
    let Some(lang) = target_lang else {
        return Vec::new();
    };
    if let Some(m) = script::foreign_script(target, lang) {
        return vec![Fault::WrongScript(m)];
    }
    if let Some(m) = language::other_language(target, lang) {
        return vec![Fault::WrongLanguage(m)];
    }
    let errors = |f: &super::Finding| f.severity == super::Severity::Error;
    let mut out: Vec<Fault> = numbers::check(source, target, source_lang, lang)
        .into_iter()
        .filter(errors)
        .map(|f| Fault::Numbers(f.message))
        .collect();
    out.extend(
        text::untouchables(source, target)
            .into_iter()
            .filter(errors)
            .map(|f| Fault::Untouchable(f.message)),
    );
    out
}

impl Fault {
    /// What is wrong, in a sentence (the message of a check finding).
    pub fn message(&self) -> String {
        match self {
            Fault::Blank => "the target is blank".to_string(),
            Fault::NotFinal(m) => format!("not final: {m}"),
            Fault::Partial => "some segments of the unit have no target".to_string(),
            Fault::Copy => "the target is the source, untranslated".to_string(),
            Fault::Machine => "machine translation that no translator has confirmed".to_string(),
            Fault::WrongScript(m)
            | Fault::WrongLanguage(m)
            | Fault::Numbers(m)
            | Fault::Untouchable(m) => m.clone(),
        }
    }
}

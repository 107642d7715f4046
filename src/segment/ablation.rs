//! Switches that turn single rules off, for measuring what each rule is
//! worth (`scripts/seg_ablation.py`). Not part of the documented interface:
//! the binary reads them from the hidden `BRIEF_SEGMENT_ABLATE` environment
//! variable (rule names, comma-separated) and passes them in through
//! [`SegmentSettings`](super::SegmentSettings); they are all on when it is
//! unset, as in every ordinary run. The library reads no variable.

/// A rule that can be switched off. Each one names a place where the
/// segmenter decides differently from plain UAX #29 sentence boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    /// Not a rule: segment with plain UAX #29 (`unicode-segmentation`), the
    /// baseline every rule is compared with.
    Uax29,
    /// Known abbreviations that may end a sentence (`Inc.`, `и т. д.`).
    Abbreviations,
    /// Abbreviations that never end a sentence (`Mr.`, `г.`, `т. е.`).
    Prefixes,
    /// English abbreviations only before a number (`No. 5`).
    NumberPrefixes,
    /// Spaced abbreviations (`т. е.`, `до н. э.`) looked up as one.
    SpacedAbbreviations,
    /// Dotted acronyms not in the lists (`E.U.`, `Ph.D.`), and dotted
    /// capitals as initials in Russian and Persian.
    DottedAcronyms,
    /// A single capital and a period is an initial.
    Initials,
    /// A lone lowercase letter and a period is an initial or list letter.
    LoneLetters,
    /// After `?` or `!`, a lowercase word directly after starts a sentence.
    LowercaseAfterStrong,
    /// English: a plain word, a period and a lowercase word is an end.
    LowercaseStarts,
    /// An ellipsis before a capitalised word ends the sentence.
    Ellipsis,
    /// Ends with no space after the mark (`quality.You'll`).
    Glued,
    /// List markers (`1.`, `b)`) at a sentence start are no end, and one
    /// continuing a sequence mid-line starts a sentence.
    ListMarkers,
    /// Bullets (`•`) start a sentence.
    Bullets,
    /// A bracketed group at a sentence start is a sentence of its own.
    BracketGroups,
    /// An unmatched `)` (a smiley) before a capitalised word is an end.
    Smileys,
    /// Inside «…», a period or question mark and a dash goes on.
    QuoteDash,
    /// An emoji, emoticon or hashtag before a capitalised word is an end.
    EmojiEnds,
    /// An emoji glued to a word is that sentence's bullet.
    EmojiBullets,
    /// `@name` after whitespace starts a sentence.
    Handles,
    /// English e-mail and web layout (separators, header stamps,
    /// salutations, addresses).
    EmailLayout,
    /// An ellipsis before a letter of a caseless script (Persian `و…`)
    /// goes on: no capital letter says a sentence starts.
    CaselessEllipsis,
    /// Outside English, a short lowercase word, a period and a number
    /// followed by a lowercase word goes on (`макс. 2-3 года`).
    NumberAfterWord,
    /// Russian `г.`/`гг.` after a year, late in a long clause, end the sentence
    /// before a capitalised word (`… в 1990 г. Потом …`).
    YearEnds,
    /// No new sentence before an `@name` after another one, after `RT`,
    /// `via`, `cc`, or after a preposition (`с @name`).
    HandleContext,
    /// A terminator glued to a letter of a caseless script ends the
    /// sentence (`می‌آید؟نمی‌دانم`), as in UAX #29.
    CaselessGlued,
    /// A list marker continuing a sequence mid-line starts a sentence only
    /// before a word that is not lowercase (`вопроса: 1) бюджет; 2) налоги`
    /// stays one sentence).
    InlineLists,
    /// Russian units after a number (`20 т.`, `18 ч.`, `30 см.`) may end the
    /// sentence before a capitalised word, as in UAX #29.
    UnitEnds,
    /// Russian: a single Latin capital after a word (`Пётр I.`, `витамин
    /// D.`) is a numeral or a letter name, not an initial.
    LatinLetters,
    /// Inside an open «quotation», an ellipsis before a capitalised word
    /// goes on with the quoted speech (`«Я думал… Нет, …», — сказал он`).
    QuoteEllipsis,
    /// Persian: after a quotation closed by `؟` or `!`, a word that cannot
    /// open a sentence (`را`, `و`, a verb of saying) goes on.
    QuoteContinuation,
    /// An emoji run that opens a sentence is its bullet, not an end
    /// (`✔ К середине зимы …`).
    SymbolBullets,
    /// An `@name` directly before a terminator ends the sentence it is in
    /// (`Приглашаем на базу @name!`): no new sentence before it.
    HandleAtEnd,
    /// English `etc.` closes a list: before a capitalised word it ends the
    /// sentence whatever the word (`spring rolls, etc. Everything was cold`).
    EtcEnds,
    /// Caseless scripts: the period of an abbreviation closing a bracket
    /// (`(۷۲۷–۷۹۲ ه.ق.) از …`) is the abbreviation's, and the sentence goes on.
    BracketAbbreviation,
    /// Russian dates in other forms before `г.`/`гг.`/`в.`/`вв.`: ranges with
    /// an em dash (`1863—1869 гг.`) and decades (`1990-х гг.`).
    YearForms,
    /// Russian: a century that closes a clause opening the sentence needs two
    /// words of its own, like a year (`Город основан в XII в. Впервые …`).
    CenturyOpening,
    /// Persian: an ellipsis after a finite verb ends the sentence
    /// (`… می‌بارید... پیرمرد …`).
    VerbEllipsis,
    /// Persian: after a quotation closed by `؟` or `!`, a short clause that
    /// ends in a verb of saying goes on (`«چرا دیر آمدی؟» مادر پرسید.`).
    SayingVerbs,
    /// Caseless scripts: a mark typed after a space and glued to the next
    /// word (`… ببندم .کارشناس …`) ends the sentence, as in UAX #29.
    DetachedMark,
    /// Caseless scripts: a period set after an ellipsis (`و... .`) is a full
    /// stop and ends the sentence.
    EllipsisPeriod,
    /// A zero-width non-joiner typed after a terminator (`دهد.\u{200C} …`)
    /// belongs to the mark and does not hide the space after it.
    FormatAfterMark,
    /// Persian: an ellipsis before `اما` or `ولی` ("but") ends the sentence
    /// (`… و... اما مهمان‌ها نیامدند`).
    EllipsisConjunction,
    /// Persian: a `«` or `(` right after a mark and before a space closes a
    /// quotation or bracket whose marks are mirrored (`»من می‌روم.« سپس …`,
    /// as Persian text stored in visual order has them).
    MirroredQuotes,
    /// Persian verbs before an ellipsis written without the joiner: `می`
    /// as a word of its own (`می کنند...`) or glued (`میکنند...`).
    VerbSpellings,
    /// Persian: a news dateline (`تهران - واحد مرکزی خبر`) opening a
    /// sentence, followed directly by a word, is a sentence of its own.
    Datelines,
    /// A document written in capitals: the rules that ask the case of the
    /// next word ask the word itself (`AT 5 P.M. ON MONDAY` goes on).
    Capitals,
    /// A `“` (or `‘`) after the mark closes a quotation that a low `„`
    /// (or `‚`) opened (`„хорошо!“ Это правда.`), as `”` does.
    LowQuotes,
    /// A day, month or time zone after `a.m.`/`p.m.` carries the sentence
    /// on (`at 5 p.m. Monday`).
    ClockFollowers,
    /// After a short word and a period, a number and a month name is a
    /// date that opens a sentence (`… в год. 12 мая он вышел.`), not a
    /// counted number (`макс. 2-3 года`).
    DateAfterWord,
    /// In capitals, a quotation closed by its mark and followed by its
    /// attribution goes on (`"GREAT." SHE SAID.`, `«…?» СПРАШИВАЛИ …`).
    Attribution,
    /// English: a unit after a number (`5 ft. 2 in. tall`) is no plain
    /// word before a lowercase word: the sentence goes on.
    UnitAbbreviations,
    /// English: a day, month or time zone after a clock time, with a period
    /// (`7 p.m. EST. Mr. Jones …`), ends the sentence before a capital.
    ZoneEnds,
    /// Russian: an abbreviation of `quote_prefixes.txt` before an opening
    /// quote (`газ. «Правда»`) never ends the sentence.
    QuotePrefixes,
    /// In capitals, a Russian present-tense verb and its pronoun after a
    /// dialogue dash are the author's words (`— КРИЧУ Я.`).
    AuthorPresent,
    /// In capitals, a title after `P.M.` that closes a clause opens a
    /// sentence (`… AT 6 P.M. MR. SMITH STAYED.`).
    TitleAfterClock,
    /// Persian: an era marker after the clause's verb ends the sentence
    /// (`… ساخته شد در ۵۰۰ ق.م. او …`).
    EraEnds,
}

impl Rule {
    /// Every rule, with the name the environment variable uses.
    pub(super) const ALL: [(Rule, &'static str); 57] = [
        (Rule::Uax29, "uax29"),
        (Rule::Abbreviations, "abbreviations"),
        (Rule::Prefixes, "prefixes"),
        (Rule::NumberPrefixes, "number-prefixes"),
        (Rule::SpacedAbbreviations, "spaced-abbreviations"),
        (Rule::DottedAcronyms, "dotted-acronyms"),
        (Rule::Initials, "initials"),
        (Rule::LoneLetters, "lone-letters"),
        (Rule::LowercaseAfterStrong, "lowercase-after-strong"),
        (Rule::LowercaseStarts, "lowercase-starts"),
        (Rule::Ellipsis, "ellipsis"),
        (Rule::Glued, "glued"),
        (Rule::ListMarkers, "list-markers"),
        (Rule::Bullets, "bullets"),
        (Rule::BracketGroups, "bracket-groups"),
        (Rule::Smileys, "smileys"),
        (Rule::QuoteDash, "quote-dash"),
        (Rule::EmojiEnds, "emoji-ends"),
        (Rule::EmojiBullets, "emoji-bullets"),
        (Rule::Handles, "handles"),
        (Rule::EmailLayout, "email-layout"),
        (Rule::CaselessEllipsis, "caseless-ellipsis"),
        (Rule::NumberAfterWord, "number-after-word"),
        (Rule::YearEnds, "year-ends"),
        (Rule::HandleContext, "handle-context"),
        (Rule::CaselessGlued, "caseless-glued"),
        (Rule::InlineLists, "inline-lists"),
        (Rule::UnitEnds, "unit-ends"),
        (Rule::LatinLetters, "latin-letters"),
        (Rule::QuoteEllipsis, "quote-ellipsis"),
        (Rule::QuoteContinuation, "quote-continuation"),
        (Rule::SymbolBullets, "symbol-bullets"),
        (Rule::HandleAtEnd, "handle-at-end"),
        (Rule::EtcEnds, "etc-ends"),
        (Rule::BracketAbbreviation, "bracket-abbreviation"),
        (Rule::YearForms, "year-forms"),
        (Rule::CenturyOpening, "century-opening"),
        (Rule::VerbEllipsis, "verb-ellipsis"),
        (Rule::SayingVerbs, "saying-verbs"),
        (Rule::DetachedMark, "detached-mark"),
        (Rule::EllipsisPeriod, "ellipsis-period"),
        (Rule::FormatAfterMark, "format-after-mark"),
        (Rule::EllipsisConjunction, "ellipsis-conjunction"),
        (Rule::MirroredQuotes, "mirrored-quotes"),
        (Rule::VerbSpellings, "verb-spellings"),
        (Rule::Datelines, "datelines"),
        (Rule::Capitals, "capitals"),
        (Rule::LowQuotes, "low-quotes"),
        (Rule::ClockFollowers, "clock-followers"),
        (Rule::DateAfterWord, "date-after-word"),
        (Rule::Attribution, "attribution"),
        (Rule::UnitAbbreviations, "unit-abbreviations"),
        (Rule::ZoneEnds, "zone-ends"),
        (Rule::QuotePrefixes, "quote-prefixes"),
        (Rule::AuthorPresent, "author-present"),
        (Rule::TitleAfterClock, "title-after-clock"),
        (Rule::EraEnds, "era-ends"),
    ];

    fn bit(self) -> u64 {
        1 << (self as u64)
    }
}

/// The rules switched off: none, unless an ablation run names some.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Disabled(u64);

impl Disabled {
    /// The rules named in `names` (comma-separated). Names not in
    /// [`Rule::ALL`] are ignored; the ablation script takes its names from
    /// that table.
    pub fn parse(names: &str) -> Disabled {
        let mut bits = 0;
        for name in names.split(',').map(str::trim) {
            if let Some((rule, _)) = Rule::ALL.iter().find(|(_, n)| *n == name) {
                bits |= rule.bit();
            }
        }
        Disabled(bits)
    }

    /// Whether `rule` is switched off.
    #[inline]
    pub(super) fn off(self, rule: Rule) -> bool {
        self.0 & rule.bit() != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_unknown_names_are_ignored() {
        let d = Disabled::parse("handles, ellipsis,nonsense");
        assert!(d.off(Rule::Handles) && d.off(Rule::Ellipsis));
        assert!(!d.off(Rule::Glued) && !d.off(Rule::Uax29));
        assert_eq!(Disabled::parse(""), Disabled::default());
        for (k, (rule, _)) in Rule::ALL.iter().enumerate() {
            assert_eq!(*rule as usize, k, "ALL is in declaration order");
        }
        // Every rule has a bit of its own (the mask is 64 bits wide).
        assert!(Rule::ALL.len() <= 64);
        let last = Rule::ALL[Rule::ALL.len() - 1].0;
        let d = Disabled::parse(Rule::ALL[Rule::ALL.len() - 1].1);
        assert!(d.off(last) && !d.off(Rule::Uax29));
    }
}

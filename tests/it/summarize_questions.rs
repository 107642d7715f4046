//! A question of a story is a brief sentence only with the sentence after
//! it, which answers it: a brief states what happened, and a question alone
//! (`Think it's hard to redeem your miles?`, a page's subheading `What is
//! Robot Vacuum Mapping?`, an interviewer's `Q. How long will the works
//! take?`, one of a list of open questions `آيا رده‌بندي ميزان خطرناكي است؟`)
//! tells the reader nothing. A seeded generator puts questions in English,
//! Russian and Persian stories: as a subheading line above a paragraph,
//! inside a paragraph, as the lead, in quotes, with `?!`, in text laid out
//! one sentence a line; every brief (by sentences and by words) must hold
//! each of its questions together with the sentence right after it.
//!
//! `BRIEF_MUTATION_REPORT=1` prints the counts.

use crate::common::{Rng, assert_none_wrong, summarize_batch, transport_story as story};

/// Questions, per language: plain, in quotes, with `?!`, an interviewer's.
fn questions(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "Who will pay for it?",
            "What does this mean for drivers who commute to the centre every day?",
            "Is the plan realistic?",
            "Q. How long will the works take?",
            "'Where will the money come from?'",
            "So what changed?!",
            "How much will a ticket cost?",
        ],
        "ru" => &[
            "Кто за это заплатит?",
            "Что это значит для водителей, которые каждый день ездят в центр?",
            "Насколько реалистичен этот план?",
            "— Сколько продлятся работы?",
            "«Откуда возьмутся деньги?»",
            "Что же изменилось?!",
        ],
        _ => &[
            "هزینه آن را چه کسی می‌پردازد؟",
            "این برای رانندگانی که هر روز به مرکز شهر می‌روند چه معنایی دارد؟",
            "آیا این طرح واقع‌بینانه است؟",
            "«پول از کجا می‌آید؟»",
            "پس چه چیزی تغییر کرد؟!",
            "آيا رده‌بندي ميزان خطرناكي است؟",
        ],
    }
}

/// How the text is laid out around the question.
#[derive(Clone, Copy, Debug)]
enum Layout {
    /// Paragraphs of two sentences; the question a line of its own above one.
    Subheading,
    /// The question inside a paragraph, before the sentence it asks about.
    InParagraph,
    /// The question opens the story, in its first paragraph.
    Lead,
    /// One sentence a line (NTREX), the question one of the lines.
    OneALine,
}

const LAYOUTS: [Layout; 4] = [
    Layout::Subheading,
    Layout::InParagraph,
    Layout::Lead,
    Layout::OneALine,
];

/// The text: the headline, then the story with `question` before sentence
/// `at` (1..=5; 0 for a lead).
fn text(lang: &str, layout: Layout, question: &str, at: usize) -> String {
    let (headline, s) = story(lang);
    let mut out = format!("{headline}\n\n");
    match layout {
        Layout::Subheading => {
            let above = if at >= 4 { 2 } else { 1 };
            for (k, pair) in s.chunks(2).enumerate() {
                if k == above {
                    out += &format!("{question}\n\n");
                }
                out += &format!("{}\n\n", pair.join(" "));
            }
        }
        Layout::InParagraph | Layout::Lead => {
            let at = if matches!(layout, Layout::Lead) {
                0
            } else {
                at
            };
            let mut line: Vec<&str> = Vec::new();
            for (k, sentence) in s.iter().enumerate() {
                if k == at {
                    line.push(question);
                }
                line.push(sentence);
                if line.len() >= 3 {
                    out += &format!("{}\n\n", line.join(" "));
                    line.clear();
                }
            }
            if !line.is_empty() {
                out += &line.join(" ");
            }
        }
        Layout::OneALine => {
            out = format!("{headline}\n");
            for (k, sentence) in s.iter().enumerate() {
                if k == at {
                    out += &format!("{question}\n");
                }
                out += &format!("{sentence}\n");
            }
        }
    }
    out
}

/// Whether a brief sentence asks (ends with a question mark, perhaps with
/// `!`, quotes or brackets after it).
fn asks(text: &str) -> bool {
    let end = text
        .trim_end()
        .trim_end_matches(['!', '"', '\'', '»', '”', '’', ')', ']']);
    end.ends_with(['?', '؟'])
}

#[test]
fn a_question_comes_with_the_sentence_that_answers_it() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut items = Vec::new();
    for k in 0..240 {
        let lang = *rng.pick(&["en", "ru", "fa"]);
        let layout = *rng.pick(&LAYOUTS);
        let question = *rng.pick(questions(lang));
        let at = 1 + rng.below(5);
        items.push(serde_json::json!({
            "id": format!("{k}:{lang}:{layout:?}"),
            "lang": lang,
            "text": text(lang, layout, question, at),
        }));
    }
    let budgets: [&[&str]; 4] = [
        &["--sentences", "2"],
        &["--sentences", "3"],
        &["--sentences", "4"],
        &["--words", "60"],
    ];
    let mut wrong = Vec::new();
    let mut questions_held = 0;
    for budget in budgets {
        for v in summarize_batch(&items, budget) {
            let summary = v["summary"].as_array().unwrap();
            assert!(!summary.is_empty(), "{budget:?}: empty brief {v}");
            for (k, s) in summary.iter().enumerate() {
                if !asks(s["text"].as_str().unwrap()) {
                    continue;
                }
                questions_held += 1;
                let at = s["sentence"].as_u64().unwrap();
                let answered = summary.get(k + 1).is_some_and(|n| {
                    n["doc"] == s["doc"] && n["sentence"].as_u64().unwrap() == at + 1
                });
                if !answered {
                    wrong.push(format!("{budget:?} {}: {}", v["id"], s["text"]));
                }
            }
        }
    }
    if std::env::var_os("BRIEF_MUTATION_REPORT").is_some() {
        eprintln!("questions held with their answer: {questions_held}");
    }
    assert_none_wrong(
        "questions without the sentence that answers them",
        &wrong,
        items.len() * budgets.len(),
    );
}

/// A brief of a text made of questions alone still says something: the
/// questions are all it has.
#[test]
fn a_text_of_questions_alone_still_has_a_brief() {
    let text = "Who will pay for it? Where will the money come from? How long will the works take?";
    let items = [serde_json::json!({"id": "q", "lang": "en", "text": text})];
    let records = summarize_batch(&items, &["--sentences", "2"]);
    let summary = records[0]["summary"].as_array().unwrap();
    assert!(!summary.is_empty(), "{}", records[0]);
}

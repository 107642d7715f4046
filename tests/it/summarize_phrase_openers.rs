//! References that open a sentence after a preposition or as a phrase:
//! `For that reason,`, `Despite this,`, `The latter`, `По его словам,`,
//! `В связи с этим`, `در این راستا`, `پس از آن`, `البته`. Such a sentence
//! needs the one before it as much as one opening with `This` does. Each
//! is planted in a story (en/ru/fa) after its second to fifth sentence,
//! with words of the whole story so that it ranks well, and every ranking
//! algorithm summarizes it at one to three sentences through the real
//! binary: a brief may hold the planted sentence only together with the
//! sentence before it. `BRIEF_MUTATION_REPORT=1` prints the counts.

use crate::common::{RANKINGS, assert_none_wrong, summarize_batch, summary_texts, transport_story};

fn phrases(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "For that reason,",
            "For this reason,",
            "Despite this,",
            "Because of that,",
            "In this case,",
            "Since then,",
            "After that,",
            "Under this plan,",
            "With these changes,",
            "The latter said",
            "By then,",
            "On top of that,",
        ],
        "ru" => &[
            "По его словам,",
            "По ее словам,",
            "В связи с этим",
            "Для этого",
            "После этого",
            "Таким образом,",
            "В результате",
            "В этой связи",
            "Кроме этого,",
            "На этом фоне",
        ],
        _ => &[
            "در این راستا",
            "در این نشست",
            "پیش از این",
            "پس از آن",
            "به این ترتیب،",
            "از سوی دیگر،",
            "بر این اساس،",
            "به گفته وی،",
            "البته",
            "در همین حال",
        ],
    }
}

/// A sentence with words of the whole story, for the planted phrase to
/// open: central, so a ranking takes it when it may.
fn central(lang: &str) -> &'static str {
    match lang {
        "en" => {
            "the council's plan for trams, electric buses, fares and the depot relied on federal grants, the mayor said."
        }
        "ru" => {
            "план думы по трамваям, электробусам, стоимости проезда и депо зависит от федеральных субсидий, сообщил мэр."
        }
        _ => {
            "طرح شورای شهر برای تراموا، اتوبوس برقی، کرایه و پایانه به کمک‌های دولت مرکزی وابسته است، شهردار گفت."
        }
    }
}

#[test]
fn a_reference_phrase_is_never_a_brief_sentence_without_its_predecessor() {
    // (language, the planted sentence, the sentence before it, the text).
    let mut cases = Vec::new();
    for lang in ["en", "ru", "fa"] {
        let (headline, sentences) = transport_story(lang);
        for phrase in phrases(lang) {
            for at in 2..=5 {
                let planted = format!("{phrase} {}", central(lang));
                let mut story: Vec<String> = sentences.iter().map(|s| s.to_string()).collect();
                story.insert(at, planted.clone());
                let text = format!("{headline}\n\n{}", story.join(" "));
                cases.push((lang, planted, sentences[at - 1], text));
            }
        }
    }
    let items: Vec<serde_json::Value> = cases
        .iter()
        .enumerate()
        .map(|(i, (lang, _, _, text))| serde_json::json!({"id": i.to_string(), "lang": lang, "text": text}))
        .collect();
    let mut wrong = Vec::new();
    let mut briefs_made = 0;
    for algorithm in RANKINGS {
        for n in ["1", "2", "3"] {
            let briefs = summarize_batch(&items, &["--algorithm", algorithm, "--sentences", n]);
            for ((_, planted, before, _), brief) in cases.iter().zip(&briefs) {
                briefs_made += 1;
                let texts = summary_texts(brief);
                let holds = |s: &str| texts.iter().any(|t| t.trim() == s.trim());
                if holds(planted) && !holds(before) {
                    wrong.push(format!(
                        "{algorithm} at {n}: {planted:?} without {before:?}"
                    ));
                }
            }
        }
    }
    assert_none_wrong("reference phrases", &wrong, briefs_made);
}

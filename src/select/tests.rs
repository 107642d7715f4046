use super::*;

fn size(words: usize) -> Size {
    Size {
        words,
        chars: words * 6,
        bytes: words * 7,
    }
}

#[test]
fn separators_count_in_chars_and_bytes() {
    let v = SparseVec::new();
    let c = |s| Candidate {
        score: s,
        size: size(1),
        vector: &v,
        eligible: true,
        needs: None,
    };
    let cands = [c(1.0), c(0.5)];
    let mut opts = SelectOptions {
        budget: Budget::Chars(12),
        redundancy: 1.0,
        min_words: 0,
        max_words: 0,
    };
    assert_eq!(select(&cands, &opts).chosen, [0]);
    opts.budget = Budget::Chars(13);
    assert_eq!(select(&cands, &opts).used, 13);
}

#[test]
fn redundant_sentences_are_skipped() {
    let a: SparseVec = vec![(0, 1.0)];
    let b: SparseVec = vec![(1, 1.0)];
    let cands = [
        Candidate {
            score: 3.0,
            size: size(5),
            vector: &a,
            eligible: true,
            needs: None,
        },
        Candidate {
            score: 2.0,
            size: size(5),
            vector: &a,
            eligible: true,
            needs: None,
        },
        Candidate {
            score: 1.0,
            size: size(5),
            vector: &b,
            eligible: true,
            needs: None,
        },
    ];
    let opts = SelectOptions {
        budget: Budget::Sentences(2),
        redundancy: 0.5,
        min_words: 0,
        max_words: 0,
    };
    assert_eq!(select(&cands, &opts).chosen, [0, 2]);
}

#[test]
fn short_sentences_are_a_last_resort() {
    let v = SparseVec::new();
    let cands = [
        Candidate {
            score: 3.0,
            size: size(2),
            vector: &v,
            eligible: true,
            needs: None,
        },
        Candidate {
            score: 1.0,
            size: size(9),
            vector: &v,
            eligible: true,
            needs: None,
        },
    ];
    let opts = SelectOptions {
        budget: Budget::Sentences(1),
        redundancy: 1.0,
        min_words: 5,
        max_words: 0,
    };
    assert_eq!(select(&cands, &opts).chosen, [1]);
    assert_eq!(select(&cands[..1], &opts).chosen, [0]);
}

#[test]
fn submodular_greedy_respects_the_budget_and_avoids_duplicates() {
    use crate::rank::Graph;
    use crate::rank::submodular::{Objective, SubmodularParams, mean_similarity, partition};
    // 0 and 1 are near-duplicates; 2 is about something else.
    let g = Graph {
        rows: vec![
            vec![(1, 0.95), (2, 0.1)],
            vec![(0, 0.95), (2, 0.1)],
            vec![(0, 0.1), (1, 0.1)],
        ],
    };
    let v = SparseVec::new();
    let cands: Vec<Candidate> = (0..3)
        .map(|_| Candidate {
            score: 0.0,
            size: size(10),
            vector: &v,
            eligible: true,
            needs: None,
        })
        .collect();
    let reward = mean_similarity(&g);
    let p = SubmodularParams {
        alpha: 0.5,
        lambda: 1.0,
        mu: 0.0,
    };
    let mut f = Objective::new(&g, &reward, partition(&g, &reward, 0.5), p);
    let opts = SelectOptions {
        budget: Budget::Words(20),
        redundancy: 1.0,
        min_words: 0,
        max_words: 0,
    };
    let sel = select_submodular(&cands, &mut f, 0.3, &opts);
    let mut chosen = sel.chosen.clone();
    chosen.sort_unstable();
    assert_eq!(chosen, [0, 2]);
    assert_eq!(sel.used, 20);
    let opts = SelectOptions {
        budget: Budget::Words(9),
        ..opts
    };
    let mut f = Objective::new(&g, &reward, partition(&g, &reward, 0.5), p);
    assert!(
        select_submodular(&cands, &mut f, 0.3, &opts)
            .chosen
            .is_empty()
    );
}

#[test]
fn select_example() {
    use crate::select::{Budget, Candidate, SelectOptions, Size, select};
    let v = vec![];
    let cand = |score, words| Candidate {
        score,
        size: Size {
            words,
            chars: 5 * words,
            bytes: 5 * words,
        },
        vector: &v,
        eligible: true,
        needs: None,
    };
    let cands = [cand(0.1, 10), cand(0.9, 30), cand(0.5, 15)];
    let opts = SelectOptions {
        budget: Budget::Words(40),
        redundancy: 1.0,
        min_words: 0,
        max_words: 0,
    };
    let sel = select(&cands, &opts);
    assert_eq!(sel.chosen, [1, 0]); // 30 + 15 would exceed 40; 30 + 10 fits
    assert_eq!(sel.used, 40);
}

/// How a generated candidate needs a neighbour.
const STANDS: u8 = 0;
const LEANS: u8 = 1;
const INTRODUCES: u8 = 2;

/// Candidates of every kind, some leaning on the one before them, some
/// introducing the one after them (ending with a colon).
fn leaning_candidates() -> impl proptest::strategy::Strategy<Value = Vec<(f64, usize, u8, bool)>> {
    proptest::collection::vec(
        (
            0.0f64..1.0,
            1usize..30,
            0u8..3,
            proptest::bool::weighted(0.9),
        ),
        0..25,
    )
}

fn build<'v>(raw: &[(f64, usize, u8, bool)], v: &'v SparseVec) -> Vec<Candidate<'v>> {
    let n = raw.len();
    raw.iter()
        .enumerate()
        .map(|(i, &(score, words, kind, eligible))| Candidate {
            score,
            size: size(words),
            vector: v,
            eligible,
            needs: match kind {
                LEANS => i.checked_sub(1),
                INTRODUCES => Some(i + 1).filter(|&j| j < n),
                _ => None,
            },
        })
        .collect()
}

/// A selection of `cands` under `budget` that keeps every rule: within
/// the budget, no sentence twice, only eligible ones, none without the
/// one it needs, so that a sentence introducing the next is never the
/// brief's last in document order nor alone.
fn check_selection(
    cands: &[Candidate],
    sel: &Selection,
    budget: Budget,
) -> Result<(), proptest::test_runner::TestCaseError> {
    let words: usize = sel.chosen.iter().map(|&i| cands[i].size.words).sum();
    match budget {
        Budget::Sentences(n) => proptest::prop_assert!(sel.chosen.len() <= n),
        Budget::Words(limit) => proptest::prop_assert!(words <= limit),
        _ => unreachable!(),
    }
    let mut unique = sel.chosen.clone();
    unique.sort_unstable();
    unique.dedup();
    proptest::prop_assert_eq!(unique.len(), sel.chosen.len());
    for &i in &sel.chosen {
        proptest::prop_assert!(cands[i].eligible);
        if let Some(p) = cands[i].needs {
            proptest::prop_assert!(sel.chosen.contains(&p), "{} without {}", i, p);
        }
    }
    if let Some(&last) = unique.last() {
        proptest::prop_assert!(cands[last].needs.is_none_or(|n| n < last), "{} last", last);
    }
    Ok(())
}

proptest::proptest! {
    #[test]
    fn a_leaning_or_introducing_sentence_is_never_chosen_without_its_neighbour(
        raw in leaning_candidates(),
        limit in 1usize..80,
        sentences in proptest::bool::ANY,
        opening in 0usize..25,
    ) {
        use crate::rank::Graph;
        use crate::rank::submodular::{Objective, SubmodularParams, mean_similarity, partition};
        let v = SparseVec::new();
        let cands = build(&raw, &v);
        let budget = if sentences { Budget::Sentences(limit % 6 + 1) } else { Budget::Words(limit) };
        let opts = SelectOptions { budget, redundancy: 1.0, min_words: 0, max_words: 0 };
        check_selection(&cands, &select(&cands, &opts), budget)?;
        let seed = [opening];
        check_selection(&cands, &select_opening(&cands, &opts, &seed), budget)?;
        // The submodular greedy on a chain of neighbours.
        let n = cands.len();
        let g = Graph {
            rows: (0..n)
                .map(|i| (0..n).filter(|&j| j != i && j.abs_diff(i) < 3).map(|j| (j as u32, raw[j].0 as f32)).collect())
                .collect(),
        };
        let reward = mean_similarity(&g);
        let p = SubmodularParams { alpha: 0.5, lambda: 1.0, mu: 0.0 };
        let mut f = Objective::new(&g, &reward, partition(&g, &reward, 0.5), p);
        check_selection(&cands, &select_submodular(&cands, &mut f, 0.3, &opts), budget)?;
        let mut f = Objective::new(&g, &reward, partition(&g, &reward, 0.5), p);
        let sel = select_submodular_opening(&cands, &mut f, 0.3, &opts, &seed);
        check_selection(&cands, &sel, budget)?;
    }
}

#[test]
fn a_sentence_introducing_the_next_comes_with_it_or_not_at_all() {
    let v = SparseVec::new();
    // 0 ends with a colon and introduces 1; 2 stands alone.
    let raw = [
        (0.9, 10, INTRODUCES, true),
        (0.2, 10, STANDS, true),
        (0.5, 10, STANDS, true),
    ];
    let cands = build(&raw, &v);
    let opts = |budget| SelectOptions {
        budget,
        redundancy: 1.0,
        min_words: 0,
        max_words: 0,
    };
    // Room for two: 0 brings 1 along, however low 1 ranks.
    assert_eq!(select(&cands, &opts(Budget::Sentences(2))).chosen, [0, 1]);
    assert_eq!(select(&cands, &opts(Budget::Words(20))).chosen, [0, 1]);
    // Room for one: 0 gives way to 2.
    assert_eq!(select(&cands, &opts(Budget::Sentences(1))).chosen, [2]);
    assert_eq!(select(&cands, &opts(Budget::Words(19))).chosen, [2]);
    // As an opening too.
    let sel = select_opening(&cands, &opts(Budget::Sentences(3)), &[0]);
    assert_eq!(sel.chosen[..2], [0, 1]);
    // No room for the pair: the opening is not taken, the rest chosen as usual.
    let sel = select_opening(&cands, &opts(Budget::Sentences(1)), &[0]);
    assert_eq!(sel.chosen, [2]);
    // What it introduces cannot be chosen: it is never chosen.
    let raw = [
        (0.9, 10, INTRODUCES, true),
        (0.2, 10, STANDS, false),
        (0.5, 10, STANDS, true),
    ];
    let cands = build(&raw, &v);
    assert_eq!(select(&cands, &opts(Budget::Sentences(2))).chosen, [2]);
    // Nor when what it introduces is outside the word range.
    let cands = build(&[(0.9, 10, INTRODUCES, true), (0.2, 2, STANDS, true)], &v);
    let narrow = SelectOptions {
        min_words: 5,
        ..opts(Budget::Sentences(2))
    };
    assert!(select(&cands, &narrow).chosen.is_empty());
    // A colon sentence whose next one leans back on it: the two go together.
    let raw = [
        (0.3, 10, STANDS, true),
        (0.9, 10, INTRODUCES, true),
        (0.8, 10, LEANS, true),
    ];
    let cands = build(&raw, &v);
    assert_eq!(select(&cands, &opts(Budget::Sentences(2))).chosen, [1, 2]);
}

#[test]
fn a_leaning_sentence_brings_its_predecessor_or_gives_way() {
    let v = SparseVec::new();
    // 1 leans on 0 (which scores three quarters of it); 2 stands alone.
    let raw = [
        (0.7, 10, STANDS, true),
        (0.9, 10, LEANS, true),
        (0.5, 10, STANDS, true),
    ];
    let cands = build(&raw, &v);
    let opts = |budget| SelectOptions {
        budget,
        redundancy: 1.0,
        min_words: 0,
        max_words: 0,
    };
    // Room for two: 1 brings 0 along.
    assert_eq!(select(&cands, &opts(Budget::Sentences(2))).chosen, [0, 1]);
    // Room for one: 1 gives way to 0, the next candidate.
    assert_eq!(select(&cands, &opts(Budget::Sentences(1))).chosen, [0]);
    // 0 ranks too low to come along: 1 gives way.
    let raw = [
        (0.1, 10, STANDS, true),
        (0.9, 10, LEANS, true),
        (0.5, 10, STANDS, true),
    ];
    let cands = build(&raw, &v);
    assert_eq!(select(&cands, &opts(Budget::Sentences(2))).chosen, [2, 0]);
    // 0 is not a sentence of the story: 1 cannot stand.
    let raw = [
        (0.6, 10, STANDS, false),
        (0.9, 10, LEANS, true),
        (0.5, 10, STANDS, true),
    ];
    let cands = build(&raw, &v);
    assert_eq!(select(&cands, &opts(Budget::Sentences(2))).chosen, [2]);
}

#[test]
fn a_sentence_leaning_on_a_fragment_gives_way() {
    // `Full stop.` (2 words) then `It's become so fundamental …` leaning
    // on it: the pair would put a fragment in the brief, so the leaning
    // sentence gives way to the next one.
    let v = SparseVec::new();
    let c = |score, words, needs| Candidate {
        score,
        size: size(words),
        vector: &v,
        eligible: true,
        needs,
    };
    let opts = SelectOptions {
        budget: Budget::Sentences(3),
        redundancy: 1.0,
        min_words: 3,
        max_words: 0,
    };
    let sorted = |cands: &[Candidate]| {
        let mut chosen = select(cands, &opts).chosen;
        chosen.sort_unstable();
        chosen
    };
    let cands = [
        c(3.0, 9, None),
        c(2.0, 2, None),
        c(2.5, 12, Some(1)),
        c(1.0, 8, None),
    ];
    assert_eq!(sorted(&cands), [0, 3]);
    // A predecessor of four words comes along.
    let cands = [
        c(3.0, 9, None),
        c(2.0, 4, None),
        c(2.5, 12, Some(1)),
        c(1.0, 8, None),
    ];
    assert_eq!(sorted(&cands), [0, 1, 2]);
}

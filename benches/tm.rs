//! Translation-memory speed: a 100,000-unit memory and 2,000 lookups.
//!
//! The memory is generated deterministically: English-like news sentences
//! of 8–40 words (mean about 22) drawn from a Zipf-distributed vocabulary of
//! about 20,000 words (common news words first, then made-up ones), each with
//! a Cyrillic "translation" of the same length. The 2,000 queries are a
//! quarter exact copies of memory sources, a quarter copies with one to three
//! words changed, and half new sentences.
//!
//! `cargo bench --bench tm -- --warm-up-time 1 --measurement-time 3` runs the
//! criterion benchmarks. With `BRIEF_TM_ONCE=1` the binary instead runs the
//! whole pipeline once and prints the time and resident memory of each step
//! (for `/usr/bin/time -v`); `BRIEF_TM_ONCE=write:FILE` writes the memory
//! to FILE, and `BRIEF_TM_ONCE=read:FILE` then measures reading it and
//! looking up, as `brief export --tm FILE` would.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use brief::tm::{Memory, NewTranslation, TmxDate};
use criterion::{BatchSize, Criterion, criterion_group};

const UNITS: usize = 100_000;
const QUERIES: usize = 2_000;

const NEWS_WORDS: &str = "the of to and a in that is for on said was with he it as at by from his \
    be have has are an this not but they were who had their will been which more one after would \
    its about two new also year people first government president last she there over other than \
    time when could up years we out all into percent police minister state city country officials \
    told killed week united states military war security court million billion news report \
    according since against party election vote leader prime foreign talks ceasefire forces \
    attack rebels syria russia iran moscow tehran washington europe china oil prices market \
    economy bank central interest rates growth inflation company shares trade deal agreement \
    sanctions nuclear program council meeting summit monday tuesday wednesday thursday friday \
    saturday sunday morning night capital region border troops army air strikes civilians \
    refugees aid humanitarian officials spokesman statement ministry defence interior health \
    hospital school children women men families homes streets protest protesters opposition \
    parliament law bill budget tax plan crisis talks negotiations peace conflict fighting \
    eastern western northern southern aleppo damascus kremlin putin assad rouhani trump \
    campaign candidate supporters critics analysts experts investigation prosecutors charges \
    trial judge prison arrested suspect victims fire explosion bomb emergency rescue workers \
    weather storm flood earthquake energy gas pipeline exports imports currency dollar euro \
    rouble rial stock exchange investors record level high low rise fall fell rose sharply \
    slightly expected announced confirmed denied warned called urged agreed refused began \
    ended continued remained became including while during before under between through";

/// A deterministic xorshift generator (no dependency, same stream everywhere).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Corpus {
    vocab: Vec<String>,
    /// Cumulative Zipf weights (exponent 1).
    cumulative: Vec<f64>,
    rng: Rng,
}

impl Corpus {
    fn new() -> Corpus {
        let mut vocab: Vec<String> = Vec::new();
        for w in NEWS_WORDS.split_whitespace() {
            if !vocab.iter().any(|v| v == w) {
                vocab.push(w.to_string());
            }
        }
        let syllables = [
            "ka", "ro", "mi", "ten", "sa", "vol", "di", "ner", "po", "lan", "gre", "tu", "bor",
            "el", "shi", "mar", "qu", "ven", "zo", "ath",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        while vocab.len() < 20_000 {
            let n = 2 + rng.below(3);
            let w: String = (0..n)
                .map(|_| syllables[rng.below(syllables.len())])
                .collect();
            if !vocab.contains(&w) {
                vocab.push(w);
            }
        }
        let mut total = 0.0;
        let cumulative = (0..vocab.len())
            .map(|r| {
                total += 1.0 / (r as f64 + 1.0);
                total
            })
            .collect();
        Corpus {
            vocab,
            cumulative,
            rng,
        }
    }

    fn word(&mut self) -> &str {
        let total = *self.cumulative.last().unwrap();
        let x = (self.rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.vocab[i.min(self.vocab.len() - 1)]
    }

    fn sentence(&mut self) -> String {
        // Sum of three uniforms: 8..=40 words, mean about 22.
        let len = 8 + self.rng.below(11) + self.rng.below(11) + self.rng.below(12);
        let mut words: Vec<String> = (0..len).map(|_| self.word().to_string()).collect();
        if let Some(first) = words.first_mut() {
            let mut c = first.chars();
            *first = c
                .next()
                .map(|h| h.to_uppercase().chain(c).collect())
                .unwrap_or_default();
        }
        if len > 14 {
            let comma = 4 + self.rng.below(len - 8);
            words[comma].push(',');
        }
        words.join(" ") + "."
    }

    /// A copy of `s` with 1–3 words replaced, inserted or deleted.
    fn edit(&mut self, s: &str) -> String {
        let mut words: Vec<String> = s.split(' ').map(str::to_string).collect();
        for _ in 0..1 + self.rng.below(3) {
            let at = self.rng.below(words.len());
            match self.rng.below(3) {
                0 => words[at] = self.word().to_string(),
                1 => words.insert(at, self.word().to_string()),
                _ if words.len() > 2 => {
                    words.remove(at);
                }
                _ => {}
            }
        }
        words.join(" ")
    }
}

/// The same letters in Cyrillic: a stand-in translation of realistic size.
fn cyrillic(s: &str) -> String {
    const MAP: &str = "абцдефгхийклмнопкрстуввхыз";
    let map: Vec<char> = MAP.chars().collect();
    s.chars()
        .map(|c| match c {
            'a'..='z' => map[c as usize - 'a' as usize],
            'A'..='Z' => map[c as usize - 'A' as usize]
                .to_uppercase()
                .next()
                .unwrap_or(c),
            _ => c,
        })
        .collect()
}

struct Data {
    pairs: Vec<(String, String)>,
    queries: Vec<String>,
}

fn data() -> Data {
    let mut corpus = Corpus::new();
    let pairs: Vec<(String, String)> = (0..UNITS)
        .map(|_| {
            let s = corpus.sentence();
            let t = cyrillic(&s);
            (s, t)
        })
        .collect();
    let queries = (0..QUERIES)
        .map(|i| match i % 4 {
            0 => pairs[corpus.rng.below(UNITS)].0.clone(),
            1 => {
                let s = pairs[corpus.rng.below(UNITS)].0.clone();
                corpus.edit(&s)
            }
            _ => corpus.sentence(),
        })
        .collect();
    Data { pairs, queries }
}

fn build(pairs: &[(String, String)]) -> Memory {
    let list: Vec<NewTranslation> = pairs
        .iter()
        .map(|(s, t)| NewTranslation {
            source: s,
            source_lang: "en",
            target: t,
            target_lang: "ru",
        })
        .collect();
    let mut memory = Memory::new();
    let date: TmxDate = "20261201T000000Z".parse().unwrap();
    memory.update(&list, "bench", &date).unwrap();
    memory
}

/// (exact, fuzzy) counts over all queries.
fn lookups(memory: &Memory, queries: &[String]) -> (usize, usize) {
    let mut counts = (0, 0);
    for q in queries {
        let hit = memory.lookup(q, "en", "ru");
        counts.0 += usize::from(hit.exact.is_some());
        counts.1 += usize::from(!hit.fuzzy.is_empty());
    }
    counts
}

fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .map(|l| l[field.len()..].trim().to_string())
        })
        .unwrap_or_else(|| "?".into())
}

/// CPU seconds (user + system) used by this process so far.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which ends with ')'): utime is the 12th, stime the 13th.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<f64> = rest
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0.0))
        .collect();
    fields
        .get(11)
        .zip(fields.get(12))
        .map(|(u, s)| (u + s) / 100.0)
        .unwrap_or(0.0)
}

fn step<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let cpu = cpu_seconds();
    let out = f();
    println!(
        "{name:<34} wall {:>7.3} s  cpu {:>6.2} s  RSS {:>10}  peak {:>10}",
        start.elapsed().as_secs_f64(),
        cpu_seconds() - cpu,
        status("VmRSS:"),
        status("VmHWM:")
    );
    out
}

/// The whole pipeline once, with timings and memory per step. With
/// `BRIEF_TM_ONCE=write:FILE` it only writes the memory to FILE; with
/// `read:FILE` it reads FILE instead of building the memory.
fn once(mode: &str) {
    let data = step("generate 100k units + 2k queries", data);
    if let Some(file) = mode.strip_prefix("read:") {
        let memory = step("Memory::read_file (100k-unit TMX)", || {
            Memory::read_file(Path::new(file)).unwrap()
        });
        step("index (first lookup)", || {
            lookups(&memory, &data.queries[..1])
        });
        let (exact, fuzzy) = step("2,000 lookups", || lookups(&memory, &data.queries));
        println!("queries with an exact match: {exact}, with fuzzy candidates: {fuzzy}");
        return;
    }
    let memory = step("Memory::update (100k units)", || build(&data.pairs));
    let tmx = step("Memory::to_tmx", || memory.to_tmx().unwrap());
    println!("TMX size: {} bytes", tmx.len());
    if let Some(file) = mode.strip_prefix("write:") {
        std::fs::write(file, &tmx).unwrap();
        return;
    }
    drop(memory);
    let memory = step("Memory::read (100k-unit TMX)", || {
        Memory::read(tmx, Path::new("bench.tmx")).unwrap()
    });
    step("index (first lookup)", || {
        lookups(&memory, &data.queries[..1])
    });
    let (exact, fuzzy) = step("2,000 lookups", || lookups(&memory, &data.queries));
    println!("queries with an exact match: {exact}, with fuzzy candidates: {fuzzy}");
}

fn benchmarks(c: &mut Criterion) {
    let data = data();
    let memory = build(&data.pairs);
    let tmx = memory.to_tmx().unwrap();
    let mut group = c.benchmark_group("tm");
    group.sample_size(10);
    group.bench_function("update_100k", |b| b.iter(|| black_box(build(&data.pairs))));
    group.bench_function("read_100k_tmx", |b| {
        b.iter_batched(
            || tmx.clone(),
            |bytes| black_box(Memory::read(bytes, Path::new("bench.tmx")).unwrap()),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("index_100k", |b| {
        b.iter_batched(
            || memory.clone(),
            |m| black_box(lookups(&m, &data.queries[..1])),
            BatchSize::LargeInput,
        )
    });
    lookups(&memory, &data.queries[..1]);
    group.bench_function("lookup_2000", |b| {
        b.iter(|| black_box(lookups(&memory, &data.queries)))
    });
    group.finish();
}

criterion_group!(benches, benchmarks);

fn main() {
    if let Some(mode) = std::env::var_os("BRIEF_TM_ONCE") {
        once(&mode.to_string_lossy());
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}

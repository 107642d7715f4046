//! Text helpers of the mutation battery (`mutation.rs`): numbers written
//! out as a translator writes them, month names, and targets rewritten in
//! the letters of another language of the same script; and the data the
//! battery reads, with its fixed random numbers.

use std::path::{Path, PathBuf};

pub(crate) fn persian_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0x06F0).unwrap(),
            _ => c,
        })
        .collect()
}

// ---- numbers written out, as a translator writes them (nominative forms) ----

pub(crate) fn ru_words(n: u64) -> String {
    const ONES: [&str; 20] = [
        "",
        "один",
        "два",
        "три",
        "четыре",
        "пять",
        "шесть",
        "семь",
        "восемь",
        "девять",
        "десять",
        "одиннадцать",
        "двенадцать",
        "тринадцать",
        "четырнадцать",
        "пятнадцать",
        "шестнадцать",
        "семнадцать",
        "восемнадцать",
        "девятнадцать",
    ];
    const TENS: [&str; 10] = [
        "",
        "",
        "двадцать",
        "тридцать",
        "сорок",
        "пятьдесят",
        "шестьдесят",
        "семьдесят",
        "восемьдесят",
        "девяносто",
    ];
    const HUNDREDS: [&str; 10] = [
        "",
        "сто",
        "двести",
        "триста",
        "четыреста",
        "пятьсот",
        "шестьсот",
        "семьсот",
        "восемьсот",
        "девятьсот",
    ];
    let below_thousand = |n: u64, feminine: bool| -> Vec<String> {
        let mut w = Vec::new();
        if n >= 100 {
            w.push(HUNDREDS[(n / 100) as usize].to_string());
        }
        let r = n % 100;
        let last = if r < 20 {
            r
        } else {
            w.push(TENS[(r / 10) as usize].to_string());
            r % 10
        };
        if last > 0 {
            let word = match (last, feminine) {
                (1, true) => "одна",
                (2, true) => "две",
                _ => ONES[last as usize],
            };
            w.push(word.to_string());
        }
        w
    };
    let plural = |n: u64, forms: [&str; 3]| -> String {
        let (r10, r100) = (n % 10, n % 100);
        let i = if r10 == 1 && r100 != 11 {
            0
        } else if (2..=4).contains(&r10) && !(12..=14).contains(&r100) {
            1
        } else {
            2
        };
        forms[i].to_string()
    };
    let mut words = Vec::new();
    let millions = n / 1_000_000;
    let thousands = n / 1000 % 1000;
    if millions > 0 {
        words.extend(below_thousand(millions, false));
        words.push(plural(millions, ["миллион", "миллиона", "миллионов"]));
    }
    if thousands > 0 {
        words.extend(below_thousand(thousands, true));
        words.push(plural(thousands, ["тысяча", "тысячи", "тысяч"]));
    }
    words.extend(below_thousand(n % 1000, false));
    words.join(" ")
}

/// An English number below a million written out as a reporter writes it:
/// "twenty-five", "three hundred and six", "four thousand two hundred".
pub(crate) fn en_words(n: u64) -> String {
    const ONES: [&str; 20] = [
        "",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let below_hundred = |n: u64| -> String {
        match n {
            0..=19 => ONES[n as usize].to_string(),
            _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_string(),
            _ => format!("{}-{}", TENS[(n / 10) as usize], ONES[(n % 10) as usize]),
        }
    };
    let below_thousand = |n: u64| -> String {
        match (n / 100, n % 100) {
            (0, r) => below_hundred(r),
            (h, 0) => format!("{} hundred", ONES[h as usize]),
            (h, r) => format!("{} hundred and {}", ONES[h as usize], below_hundred(r)),
        }
    };
    match (n / 1000, n % 1000) {
        (0, r) => below_thousand(r),
        (t, 0) => format!("{} thousand", below_thousand(t)),
        (t, r) => format!("{} thousand {}", below_thousand(t), below_thousand(r)),
    }
}

pub(crate) fn fa_words(n: u64) -> String {
    const ONES: [&str; 20] = [
        "",
        "یک",
        "دو",
        "سه",
        "چهار",
        "پنج",
        "شش",
        "هفت",
        "هشت",
        "نه",
        "ده",
        "یازده",
        "دوازده",
        "سیزده",
        "چهارده",
        "پانزده",
        "شانزده",
        "هفده",
        "هجده",
        "نوزده",
    ];
    const TENS: [&str; 10] = [
        "",
        "",
        "بیست",
        "سی",
        "چهل",
        "پنجاه",
        "شصت",
        "هفتاد",
        "هشتاد",
        "نود",
    ];
    const HUNDREDS: [&str; 10] = [
        "",
        "صد",
        "دویست",
        "سیصد",
        "چهارصد",
        "پانصد",
        "ششصد",
        "هفتصد",
        "هشتصد",
        "نهصد",
    ];
    let below_thousand = |n: u64| -> Vec<&str> {
        let mut w = Vec::new();
        if n >= 100 {
            w.push(HUNDREDS[(n / 100) as usize]);
        }
        let r = n % 100;
        if r >= 20 {
            w.push(TENS[(r / 10) as usize]);
            if !r.is_multiple_of(10) {
                w.push(ONES[(r % 10) as usize]);
            }
        } else if r > 0 {
            w.push(ONES[r as usize]);
        }
        w
    };
    let mut parts: Vec<String> = Vec::new();
    for (scale, word) in [(1_000_000, "میلیون"), (1000, "هزار")] {
        let k = n / scale % 1000;
        if k > 0 {
            parts.push(format!("{} {word}", below_thousand(k).join(" و ")));
        }
    }
    let rest = n % 1000;
    if rest > 0 {
        parts.push(below_thousand(rest).join(" و "));
    }
    parts.join(" و ")
}

pub(crate) const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
pub(crate) const FA_MONTHS: [&str; 12] = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
];
pub(crate) const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// ---- letters of other languages in the same script ----

pub(crate) fn ukrainian(ru: &str) -> String {
    ru.chars()
        .map(|c| match c {
            'и' => 'і',
            'И' => 'І',
            'ы' => 'и',
            'э' => 'е',
            'Э' => 'Е',
            'ъ' => '\'',
            'ё' => 'ї',
            _ => c,
        })
        .collect()
}

pub(crate) fn belarusian(ru: &str) -> String {
    let mut out = String::new();
    let mut prev = ' ';
    for c in ru.chars() {
        match c {
            'и' => out.push('і'),
            'И' => out.push('І'),
            'щ' => out.push_str("шч"),
            'ъ' => out.push('\''),
            'у' if "аеиоуыэюя".contains(prev) => out.push('ў'),
            _ => out.push(c),
        }
        prev = c;
    }
    out
}

/// Persian text in Tajik's Cyrillic alphabet (letter by letter, as a crude
/// but faithful sample of what Tajik letters look like).
pub(crate) fn tajik(fa: &str) -> String {
    let chars: Vec<char> = fa.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let last = chars.get(i + 1).is_none_or(|n| !n.is_alphabetic());
        let s = match c {
            'ا' => "а",
            'آ' => "о",
            'ب' => "б",
            'پ' => "п",
            'ت' | 'ط' => "т",
            'ث' | 'س' | 'ص' => "с",
            'ج' => "ҷ",
            'چ' => "ч",
            'ح' | 'ه' => "ҳ",
            'خ' => "х",
            'د' => "д",
            'ذ' | 'ز' | 'ض' | 'ظ' => "з",
            'ر' => "р",
            'ژ' => "ж",
            'ش' => "ш",
            'ع' => "ъ",
            'غ' => "ғ",
            'ف' => "ф",
            'ق' => "қ",
            'ک' => "к",
            'گ' => "г",
            'ل' => "л",
            'م' => "м",
            'ن' => "н",
            'و' => "у",
            'ی' if last => "ӣ",
            'ی' => "и",
            '\u{200c}' => "-",
            '،' => ",",
            '؟' => "?",
            '۰'..='۹' => {
                out.push(char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap());
                continue;
            }
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(s);
    }
    out
}

pub(crate) fn urdu(fa: &str) -> String {
    let chars: Vec<char> = fa.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let last = chars.get(i + 1).is_none_or(|n| !n.is_alphabetic());
            match c {
                'ه' => 'ہ',
                'ی' if last => 'ے',
                _ => c,
            }
        })
        .collect()
}

pub(crate) fn pashto(fa: &str) -> String {
    let chars: Vec<char> = fa.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let last = chars.get(i + 1).is_none_or(|n| !n.is_alphabetic());
            match c {
                'گ' => 'ګ',
                'ش' => 'ښ',
                'ی' if last => 'ې',
                _ => c,
            }
        })
        .collect()
}

/// Russian made to look like Bulgarian (as crude as the rewritings above,
/// faithful in what identifies it): no ы or э, and the definite article
/// `-ът` on lowercase words that end in a consonant.
pub(crate) fn bulgarian(ru: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let lower = word.starts_with(char::is_lowercase);
        let consonant = word
            .chars()
            .last()
            .is_some_and(|c| "бвгджзклмнпрстфхцчшщ".contains(c));
        out.push_str(word);
        if lower && consonant && word.chars().count() >= 4 {
            out.push_str("ът");
        }
        word.clear();
    };
    for c in ru.chars() {
        let c = match c {
            'ы' => 'и',
            'э' => 'е',
            'Э' => 'Е',
            _ => c,
        };
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

// ---- the data ----

/// The data file, looked up beside the checkout (`../shared`) and beside
/// the worktree's parent (`../../shared`).
pub(crate) fn data_file() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|d| here.join(d).join("data/parallel/ntrex_dev.jsonl"))
        .find(|p| p.is_file())
}

/// One aligned line: English source and the two translations.
pub(crate) struct Line {
    pub en: String,
    pub ru: String,
    pub fa: String,
}

pub(crate) fn load(path: &Path) -> Vec<Line> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = |k: &str| -> Vec<String> {
            v["docs"][k]
                .as_str()
                .unwrap()
                .split('\n')
                .map(str::to_string)
                .collect()
        };
        let (en, ru, fa) = (doc("en"), doc("ru"), doc("fa"));
        assert_eq!(en.len(), ru.len());
        assert_eq!(en.len(), fa.len());
        for ((en, ru), fa) in en.into_iter().zip(ru).zip(fa) {
            if en.trim().is_empty() || ru.trim().is_empty() || fa.trim().is_empty() {
                continue;
            }
            out.push(Line { en, ru, fa });
        }
    }
    out
}

/// SplitMix64 with a fixed seed: the battery is the same on every run.
pub(crate) struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

#!/usr/bin/env python3
"""Reads briefs as a reader would: counts the sentences that dangle, the
fragments and the repeats in brief's briefs of the dev sets.

usage: scripts/brief_defects.py [--bin target/release/brief] [--shared ../shared]
                                [--sets a,b,...] [--examples N]

Each dev set goes to `BIN summarize --input jsonl --format jsonl` (3 sentences
for single articles, 250 words for DUC 2006, 300 for Pasokh clusters); each
document of it to `BIN segment --input jsonl --format jsonl`, which gives the
sentence just before a brief sentence. Every brief sentence is then judged:

- dangle: it opens (after any opening quote or bracket) with a reference or a
  connective of its language (the lists below), the sentence just before it
  in its document is not in the brief, and it is not the document's first
  sentence;
- fragment: no sentence-ending mark at its end (after closing quotes and
  brackets), or fewer than 4 words. A brief sentence ending with a colon that
  is followed in the brief by the sentence it introduces (the next brief
  sentence is of the same document, after it, and no segment between them
  ends as a sentence: at most a subheading lies between) is judged together
  with it, as one sentence: a reader reads "...as follows: X." as one. With
  --colon-alone, every brief sentence is judged alone (a colon is then no
  sentence end);
- repeat: its word set overlaps an earlier sentence of the same brief with
  Jaccard >= 0.5;
- furniture: it opens with a dateline (a place in capitals before a dash or an
  agency in brackets, `(CNN)`, `/TASS/`, `date 2016-12-23`, `МОСКВА, 5
  декабря`, a Persian place and agency between dashes) or holds a line of a
  news page that is no story (copyright and licence, photo credits, "read
  more", share/follow/sign-up teasers, "Updated 10:32 GMT", reporting/editing
  credits), by the patterns below.

And each brief's first sentence (counted per brief, not a defect of the table
above):

- bad opening: it presupposes what the reader has not been told: it opens
  with direct speech (a quote of four words or more, a dash) or an aside (a
  bracket; an agency's "(CNN)" is skipped first), asks (ends with ? or !), or
  opens with a clause before its subject (English: a capitalized word in -ing
  or asked/pressed/told/questioned with a comma later; Russian: a verbal adverb
  of a short list, говоря, отвечая…; Persian: با اشاره, در پاسخ, با بیان…); or
  it sits mid-story: at least two sentences of its document end before it (a
  headline and a dateline line may precede a lead; lines all in capitals, such
  as a licence line, are not counted). A rough judge: a gerund
  subject ("Having a shop nearby is…, ") counts too.
- a brief that answers a query (DUC 2006, Pasokh multi) opens with the
  sentence that best answers it, so mid-story is no bad opening there: such
  openings are counted in a column of their own (query briefs opening
  mid-story); every other test above still applies to them.

A brief has a defect when any of its sentences has one. The `title` of a brief
is not a brief sentence and is not judged; it is shown above the sentences, so
a sentence whose predecessor is exactly that title does not dangle. ntrex_dev is read one language at
a time, its first line the headline, one segment a line, as crossling.py
feeds it. Prints a Markdown table; nothing here is shared with brief's own
furniture or connective detection (an independent judge). Standard library
only.
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

DANGLE = {
    "en": """he she it they his her its their him them this these that those but however
        also and meanwhile still instead moreover then there such so yet furthermore
        besides nevertheless nonetheless thus therefore hence otherwise likewise
        similarly accordingly""".split(),
    "ru": """он она оно они его ее её их ему ей им это этот эта эти этого этой этих
        но однако также и а при этом кроме того тем не менее поэтому же впрочем
        зато причем притом тогда там такой такая такие такое""".split(),
    "fa": """او وی آنها آنان این آن اما ولی همچنین و نیز بنابراین لذا سپس
        ایشان همین همان""".split(),
}
DANGLE_PHRASES = {
    "ru": ["при этом", "кроме того", "тем не менее", "в то же время", "вместе с тем"],
    "fa": ["با این حال", "با این وجود", "از این رو", "در این حال", "به همین دلیل"],
    "en": ["in addition", "as a result", "on the other hand", "at the same time"],
}
for _lang in DANGLE:
    DANGLE[_lang] = set(w for w in DANGLE[_lang] if " " not in w)
DANGLE["ru"] -= {"при", "кроме", "тем"}

OPENERS = "\"'«»“”„‘’‹›([{<—–-‐ \t\u200f\u200e\u202b\u202a"
CLOSERS = "\"'«»“”‘’‹›)]}>* \t\u200f\u200e\u202c"
ENDS = ".!?…؟۔。！？"
WORD = re.compile(r"\w+")
ARABIC = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "\u200c": ""})


def norm(text):
    return text.translate(ARABIC).lower().replace("ё", "е")


def first_words(text, n):
    words = norm(text).lstrip(OPENERS).split()
    return [w.strip(",;:.!?،؛\"'«»“”()") for w in words[:n]]


def dangles_open(text, lang):
    ws = first_words(text, 4)
    if not ws:
        return False
    table = DANGLE.get(lang, DANGLE["en"])
    if ws[0] in table:
        return True
    joined = " ".join(ws)
    return any(joined == p or joined.startswith(p + " ") for p in DANGLE_PHRASES.get(lang, []))


PARTICIPLE_EN = re.compile(r"^(?:[A-Z][a-z]+ing|Asked|Pressed|Told|Questioned)\b[^.]*,")
ADVERBS_RU = ("говоря", "отвечая", "комментируя", "выступая", "подчеркнув", "подчеркивая", "отметив",
              "отмечая", "добавив", "касаясь", "описывая", "напомнив", "заявив", "признав", "ссылаясь")
AGENCY = re.compile(r"^\([A-Za-z ]{2,20}\)\s*")
OPENERS_FA = ("با اشاره", "در پاسخ", "با بیان", "با تاکید", "با تأکید", "در ادامه", "ضمن ")
NOT_PARTICIPLE_EN = {"During", "Nothing", "Something", "Everything", "Anything", "Beijing", "King",
                     "Morning", "Evening", "Wyoming", "Sterling", "Spring", "Boeing"}


def bad_opening(text, lang, before):
    t = AGENCY.sub("", text.lstrip(" \t\u200f\u200e\u202a\u202b"))
    if not t or t.rstrip().rstrip(CLOSERS)[-1:] in ("?", "!", "؟"):
        return True
    if t[0] in "\"'`«»“”„‘’‹›":
        quoted = re.split(r"[\"`«»“”„‹›]|'(?!\w)|’(?!\w)", t[1:].lstrip("`'"), maxsplit=1)[0]
        if len(quoted.split()) >= 4:  # speech, not a quoted name
            return True
    if t[0] in "—–-([{":
        return True
    if lang == "en":
        m = PARTICIPLE_EN.match(t)
        if m and t.split()[0] not in NOT_PARTICIPLE_EN:
            return True
    if lang == "ru" and norm(t).split()[0].strip(",") in ADVERBS_RU:
        return True
    if lang == "fa" and t.translate(ARABIC).startswith(OPENERS_FA):
        return True
    return before >= 2


DATELINE = [re.compile(p) for p in (
    r"^\(\s*[A-Z][A-Za-z. ]{1,25}\)\s*(--|[-–—_])?",
    r"^[A-ZА-ЯЁ]{2,}[A-ZА-ЯЁ.' -]{0,40}?(,[^.\n]{0,40}?)?\s*(\([^)]{1,30}\))?\s*(--|[-–—_])\s",
    r"^[A-ZА-ЯЁ][A-ZА-ЯЁ-]{2,}, \d{1,2} [а-яa-z]+\.?\s",
    r"^.{0,60}/[A-ZА-ЯЁ]{2,10}/",
    r"^date \d{4}-\d\d-\d\d",
    r"^[\u0600-\u06FF\u200c ]{2,25}\s?[-–—]\s?(ایرنا|ایسنا|ایلنا|خبرگزاری [\u0600-\u06FF]+|واحد مرکزی خبر)\s?[-–—]",
)]
FURNITURE = [re.compile(p, re.I) for p in (
    r"all rights reserved", r"copyright (\d{4}|©)", r"©", r"\bread more\b", r"\bshare (this|on)\b",
    r"\bfollow us\b", r"\bsign up for\b", r"\breporting by\b", r"\bediting by\b", r"^photo:",
    r"\bimage copyright\b", r"getty images", r"^(updated|published|posted)\b[^.]{0,40}\d{1,2}:\d\d",
    r"^фото:", r"читайте также", r"все права защищены", r"подписывайтесь", r"^(обновлено|опубликовано)\b",
    r"^عکس:", r"انتهای پیام", r"بیشتر بخوانید", r"^کد خبر", r"^تاریخ انتشار",
    # A news wire's layout codes opening a line, notes to editors, photo captions.
    r"^&[A-Z]{2,3};", r"attention editors", r"optional trim", r"xxxx end of story",
    r"\b[A-Z0-9]+(-[A-Z0-9]+){2,},? \d{1,2}-\d{1,2} --",
)]


def is_furniture(text):
    """A dateline opening a brief sentence, or a line of page furniture in it."""
    t = text.strip()
    return any(p.search(t) for p in DATELINE) or any(p.search(t) for p in FURNITURE)


def in_capitals(text):
    """Whether a text has cased letters and every one of them is a capital."""
    cased = [c for c in text if c.isupper() or c.islower()]
    return bool(cased) and all(c.isupper() for c in cased)


def is_fragment(text):
    if len(text.split()) < 4:
        return True
    end = text.rstrip().rstrip(CLOSERS)
    return not end or end[-1] not in ENDS


def introduces(text):
    end = text.rstrip().rstrip(CLOSERS)
    return end.endswith((":", "："))


def units(summary, sentences_of, alone):
    """The brief's sentences as a reader reads them: a sentence ending with a
    colon joined with the one it introduces (see the module docs)."""
    out = []
    k = 0
    while k < len(summary):
        s = dict(summary[k])
        nxt = summary[k + 1] if k + 1 < len(summary) else None
        if not alone and nxt is not None and introduces(s["text"]) and nxt["doc"] == s["doc"] \
                and nxt["start"] >= s["end"]:
            between = [x for x in sentences_of(s["doc"]) if x["start"] >= s["end"] and x["end"] <= nxt["start"]]
            if len(between) <= 1 and not any(not is_fragment(x["text"]) for x in between):
                s["text"] = s["text"] + " " + nxt["text"]
                s["end"] = nxt["end"]
                k += 1
        out.append(s)
        k += 1
    return out


def words(text):
    return set(WORD.findall(norm(text)))


def jaccard(a, b):
    return len(a & b) / len(a | b) if a | b else 0.0


def run(argv, items):
    data = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items).encode()
    with tempfile.TemporaryDirectory(prefix="brief_defects.") as tmp:
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(tmp, "xdg"))
        p = subprocess.run(argv, input=data, capture_output=True, cwd=tmp, env=env)
    if p.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited {p.returncode}: {p.stderr.decode(errors='replace')[-1500:]}")
    out = {}
    for line in p.stdout.decode().split("\n"):
        if line.strip():
            o = json.loads(line)
            out[o["id"]] = o
    return out


def load_set(shared, name):
    """Items {"id","lang","documents",...} and the length flags. A name
    `PATH.jsonl:FLAG=N` is a file of such items judged at `--FLAG N`
    (sets made from the dev data, e.g. `scripts/defect_sets.py`)."""
    path, _, flag = name.partition(":")
    if path.endswith(".jsonl") and os.path.isfile(path):
        key, _, n = flag.partition("=")
        with open(path, encoding="utf-8") as f:
            items = [json.loads(line) for line in f if line.strip()]
        return items, [f"--{key or 'sentences'}", n or "3"]
    if name.startswith("ntrex_dev_"):
        lang = name.rsplit("_", 1)[1]
        path = os.path.join(shared, "data/parallel/ntrex_dev.jsonl")
        items = []
        for line in open(path, encoding="utf-8"):
            if line.strip():
                d = json.loads(line)
                items.append({"id": d["id"], "lang": lang, "text": d["docs"][lang]})
        return items, ["--sentences", "3"]
    if name == "wcxb_dev":
        # Web pages (the WCXB dev articles): brief extracts each page's
        # story itself; the language is the one brief reports.
        path = os.path.join(shared, "data/html/wcxb_dev_articles.jsonl.gz")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            items = [{"id": d["id"], "html": d["html"]} for d in map(json.loads, f) if d.get("html")]
        return items, ["--sentences", "3"]
    path = os.path.join(shared, "data/summarization", name + ".jsonl")
    items = []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        d = json.loads(line)
        item = {"id": d["id"], "lang": d["lang"], "documents": d["documents"]}
        for key in ("title", "query"):
            if isinstance(d.get(key), str):
                item[key] = d[key]
        items.append(item)
    flags = {"duc2006_dev": ["--words", "250"], "pasokh_multi_abs_dev": ["--words", "300"]}
    return items, flags.get(name, ["--sentences", "3"])


def judge(binary, shared, name, examples, colon_alone=False):
    items, flags = load_set(shared, name)
    briefs = run([binary, "-q", "summarize", "--input", "jsonl", "--format", "jsonl", *flags], items)
    seg_items = []
    for it in items:
        if "html" in it:
            it["lang"] = briefs.get(it["id"], {}).get("lang", "en")
            seg_items.append({"id": f"{it['id']}#0", "html": it["html"]})
            continue
        docs = it["documents"] if "documents" in it else [it["text"]]
        for k, text in enumerate(docs):
            seg_items.append({"id": f"{it['id']}#{k}", "lang": it["lang"], "text": text})
    segs = run([binary, "-q", "segment", "--input", "jsonl", "--format", "jsonl"], seg_items)
    n_briefs = n_bad = n_sent = n_dangle = n_frag = n_rep = n_furn = n_open = n_mid_query = 0
    shown = []
    for it in items:
        b = briefs.get(it["id"])
        if b is None:
            sys.exit(f"{name}: no brief for {it['id']}")
        chosen = {(s["doc"], s["start"]) for s in b["summary"]}
        chosen_end = {(s["doc"], s["end"]) for s in b["summary"]}
        seen = []
        bad = False
        if b["summary"]:
            s0 = b["summary"][0]
            segs0 = segs[f"{it['id']}#{s0['doc']}"]["sentences"]
            # Lines in capitals alone (a licence, a slug) are no sentences of the story.
            story_before = sum(1 for x in segs0 if x["end"] <= s0["start"] and not in_capitals(x["text"]))
            # A brief that answers a query opens with the sentence that best
            # answers it, mid-story or not: counted apart, not as a bad opening.
            if it.get("query"):
                n_mid_query += story_before >= 2
                story_before = 0
            opening = bad_opening(s0["text"], it["lang"], story_before)
            n_open += opening
            if opening and len(shown) < examples:
                shown.append(f"  {name} {it['id']} opening: {s0['text'][:110]!r}")
        for s in units(b["summary"], lambda d: segs[f"{it['id']}#{d}"]["sentences"], colon_alone):
            text, d = s["text"], s["doc"]
            sentences = segs[f"{it['id']}#{d}"]["sentences"]
            # The sentence just before this one in its document: the last
            # one of brief's segmentation that ends at or before its start.
            before = [x for x in sentences if x["end"] <= s["start"]]
            dangle = False
            if before and dangles_open(text, it["lang"]):
                prev = before[-1]
                # The brief's title is shown above its sentences: a sentence
                # right after the headline it repeats is read after it.
                shown_title = (b.get("title") or "").strip()
                dangle = ((d, prev["start"]) not in chosen and (d, prev["end"]) not in chosen_end
                          and not (shown_title and prev["text"].strip() == shown_title))
            frag = is_fragment(text)
            ws = words(text)
            rep = any(jaccard(ws, w) >= 0.5 for w in seen)
            seen.append(ws)
            furn = is_furniture(text)
            n_furn += furn
            n_sent += 1
            n_dangle += dangle
            n_frag += frag
            n_rep += rep
            if dangle or frag or rep or furn:
                bad = True
                if len(shown) < examples:
                    kind = "/".join(k for k, v in (("dangle", dangle), ("fragment", frag), ("repeat", rep),
                                                   ("furniture", furn)) if v)
                    shown.append(f"  {name} {it['id']} {kind}: {text[:110]!r}")
        n_briefs += 1
        n_bad += bad
    pct = lambda a, b: 100.0 * a / b if b else 0.0
    return {"set": name, "briefs": n_briefs, "sentences": n_sent,
            "defective": pct(n_bad, n_briefs), "dangle": pct(n_dangle, n_sent),
            "fragment": pct(n_frag, n_sent), "repeat": pct(n_rep, n_sent), "furniture": pct(n_furn, n_sent),
            "opening": pct(n_open, n_briefs), "mid_query": pct(n_mid_query, n_briefs)}, shown


SETS = ["ntrex_dev_en", "ntrex_dev_ru", "ntrex_dev_fa", "duc2006_dev", "pasokh_multi_abs_dev",
        "pasokh_single_abs_dev", "cnndm_dev"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="target/release/brief")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--examples", type=int, default=0, help="print up to N defective sentences per set")
    ap.add_argument("--json", action="store_true", help="one JSON line per set instead of a table")
    ap.add_argument("--colon-alone", action="store_true",
                    help="judge a sentence ending with a colon alone, not with the one it introduces")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary}: no such executable (cargo build --release)")
    shared = os.path.abspath(a.shared)
    rows, shown = [], []
    for name in a.sets.split(","):
        row, ex = judge(binary, shared, name, a.examples, a.colon_alone)
        rows.append(row)
        shown += ex
    if a.json:
        for r in rows:
            print(json.dumps(r))
    else:
        print("| dev set | briefs | sentences | briefs with a defect | sentences that dangle | fragments | repeats "
              "| furniture | briefs with a bad opening | query briefs opening mid-story |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['set']} | {r['briefs']} | {r['sentences']} | {r['defective']:.1f} % | {r['dangle']:.1f} % "
                  f"| {r['fragment']:.1f} % | {r['repeat']:.1f} % | {r['furniture']:.1f} % "
                  f"| {r['opening']:.1f} % | {r['mid_query']:.1f} % |")
    for line in shown:
        print(line, file=sys.stderr)


if __name__ == "__main__":
    main()

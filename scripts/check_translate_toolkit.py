#!/usr/bin/env python3
"""Check brief's export files with third-party tools, and fill them like a translator.

  check DIR --expected SEGMENTS.json
      Reads every XLIFF file in DIR with translate-toolkit and checks that it holds
      exactly the expected source sentences, in order; that unit ids are identical
      across languages of one format, unique, and NMTOKEN-safe; that XLIFF 2 files
      carry trgLang and Persian ones trgDir="rtl". SEGMENTS.json is the output of
      `brief segment --format json` for the exported inputs (with `export --all`),
      or of `brief summarize --format json` with the same length (for the brief).

  fill DIR OUT --expected-out TRANSLATIONS.json
      Writes translations into every XLIFF (with translate-toolkit), TMX (with lxml),
      TSV (split on tabs) and JSONL file in DIR, marks them translated, saves
      them to OUT, and records the translations written per language and id.

  compare MERGED.json --expected TRANSLATIONS.json
      Checks that `brief merge --format json` gave back exactly the filled translations.

  drift FILE OUT [--id s2]
      Edits one unit's source with translate-toolkit, to check that merge notices.

Exit status 0 when everything holds; 1 with one line per problem otherwise.
"""

import argparse
import json
import re
import sys
from pathlib import Path

from lxml import etree
from translate.storage import xliff, xliff2

XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
NMTOKEN = re.compile(r"^[\w.:-]+$")
ZWNJ = "\u200c"

problems = []


def problem(msg):
    problems.append(msg)
    print(f"PROBLEM: {msg}", file=sys.stderr)


def is_xliff2(path):
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    return root.get("version", "").startswith("2")


def load_store(path):
    cls = xliff2.Xliff2File if is_xliff2(path) else xliff.xlifffile
    return cls.parsefile(str(path))


def unit_id(unit):
    # XLIFF 1.2 ids come back as "<original>\x04<id>" from translate-toolkit.
    return unit.getid().split("\x04")[-1]


def translation_for(lang, uid, source):
    """A deterministic translation full of characters that must survive
    exactly. It keeps the source's numbers, as a translator does (merge
    compares numbers as values), and names the unit in letters, not digits."""
    n = "".join("abcdefghij"[int(d)] for d in uid.lstrip("s") if d.isdigit())
    numbers = " ".join(
        w.strip(".,;:!?()[]«»\"'“”")
        for w in (source or "").split()
        if any(c.isdigit() for c in w)
    )
    if lang.startswith("fa"):
        return f"«جمله{ZWNJ}ی {n}» می{ZWNJ}گوید: A&B <tag> \"نقل\" {numbers}".rstrip()
    return f"«Предложение {n}» — A&B <тег> 'кавычки' & ещё {numbers}".rstrip()


def check(args):
    data = json.loads(Path(args.expected).read_text(encoding="utf-8"))
    if isinstance(data, dict):  # `brief summarize --format json`
        expected = [s["text"] for s in data["summary"]]
    else:  # `brief segment --format json`
        expected = [s["text"] for doc in data for s in doc["sentences"]]
    files = sorted(Path(args.dir).glob("*.xlf"))
    if not files:
        problem(f"no XLIFF files in {args.dir}")
    ids_by_format = {}
    for path in files:
        store = load_store(path)
        units = [u for u in store.units if not u.isheader()]
        sources = [str(u.source) for u in units]
        ids = [unit_id(u) for u in units]
        if sources != expected:
            first = next((i for i, (a, b) in enumerate(zip(sources, expected)) if a != b), min(len(sources), len(expected)))
            problem(f"{path.name}: translate-toolkit sees {len(sources)} sentences, expected {len(expected)}; first difference at #{first + 1}")
        if len(set(ids)) != len(ids):
            problem(f"{path.name}: duplicate unit ids")
        bad = [i for i in ids if not NMTOKEN.match(i)]
        if bad:
            problem(f"{path.name}: ids that are not NMTOKENs: {bad[:5]}")
        # name: brief.<lang>.<format>.xlf
        _, lang, fmt, _ = path.name.split(".")
        ids_by_format.setdefault(fmt, {})[lang] = ids
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        if fmt.startswith("xliff2"):
            if root.get("trgLang") != lang:
                problem(f"{path.name}: trgLang is {root.get('trgLang')!r}, expected {lang!r}")
            seg_ids = [s.get("id") for s in root.iter(f"{{{XLIFF2_NS}}}segment") if s.get("id")]
            if len(set(seg_ids)) != len(seg_ids):
                problem(f"{path.name}: duplicate segment ids")
            if lang.split("-")[0] == "fa":
                for el in list(root.iter(f"{{{XLIFF2_NS}}}file")) + list(root.iter(f"{{{XLIFF2_NS}}}unit")):
                    if el.get("trgDir") != "rtl":
                        problem(f"{path.name}: <{etree.QName(el).localname} id={el.get('id')}> lacks trgDir=\"rtl\"")
                        break
        else:
            for f in root.iter(f"{{{XLIFF12_NS}}}file"):
                if f.get("target-language") != lang:
                    problem(f"{path.name}: target-language is {f.get('target-language')!r}")
        if store.gettargetlanguage() != lang:
            problem(f"{path.name}: translate-toolkit reads target language {store.gettargetlanguage()!r}")
    for fmt, by_lang in ids_by_format.items():
        langs = sorted(by_lang)
        for other in langs[1:]:
            if by_lang[other] != by_lang[langs[0]]:
                problem(f"{fmt}: unit ids differ between {langs[0]} and {other}")
    print(f"checked {len(files)} XLIFF file(s) with translate-toolkit: {len(expected)} sentences each")


def fill(args):
    src, out = Path(args.dir), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for path in sorted(src.iterdir()):
        lang = path.name.split(".")[1]
        record = written.setdefault(lang, {})
        if path.suffix == ".xlf":
            store = load_store(path)
            for u in store.units:
                if u.isheader():
                    continue
                uid = unit_id(u)
                u.target = translation_for(lang, uid, str(u.source))
                record[uid] = u.target
                # Mark the unit translated, as a CAT tool does.
                el = u.xmlelement
                if is_xliff2(path):
                    el.set("state", "translated")
                else:
                    el.find(f"{{{XLIFF12_NS}}}target").set("state", "translated")
            store.savefile(str(out / path.name))
        elif path.suffix == ".tmx":
            tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
            for tu in tree.getroot().iter("tu"):
                uid = tu.get("tuid")
                tuvs = tu.findall("tuv")
                # The source variant comes first in brief's TMX.
                source = "".join(tuvs[0].find("seg").itertext()) if tuvs else ""
                for tuv in tuvs:
                    if tuv.get("{http://www.w3.org/XML/1998/namespace}lang") == lang:
                        tuv.find("seg").text = translation_for(lang, uid, source)
                        record[uid] = tuv.find("seg").text
            tree.write(str(out / path.name), xml_declaration=True, encoding="UTF-8", doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
        elif path.suffix == ".tsv":
            rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
            header = rows[0]
            t, i, si = header.index("target"), header.index("id"), header.index("source")
            for row in rows[1:]:
                # brief's TSV escaping: backslash, tab, LF, CR as \\ \t \n \r.
                source = row[si].replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\")
                text = translation_for(lang, row[i], source)
                row[t] = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
                record[row[i]] = text
            (out / path.name).write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
        elif path.suffix == ".jsonl":
            lines = []
            for line in path.read_text(encoding="utf-8").splitlines():
                obj = json.loads(line)
                obj["target"] = translation_for(lang, obj["id"], obj.get("source", ""))
                record[obj["id"]] = obj["target"]
                lines.append(json.dumps(obj, ensure_ascii=False))
            (out / path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    Path(args.expected_out).write_text(json.dumps(written, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"filled {sum(1 for _ in out.iterdir())} file(s) into {out}")


def compare(args):
    """The merged JSON (`brief merge --format json`) holds exactly the fill, in id order."""
    merged = json.loads(Path(args.merged).read_text(encoding="utf-8"))
    written = json.loads(Path(args.expected).read_text(encoding="utf-8"))
    for t in merged["translations"]:
        want = written.get(t["lang"], {})
        want_ids = sorted(want, key=lambda i: int(i.lstrip("s")))
        got = [(s["id"], s["target"]) for s in t["sentences"]]
        if got != [(i, want[i]) for i in want_ids]:
            problem(f"{args.merged}: {t['lang']}: merged translations differ from what was filled")
    if not merged["translations"]:
        problem(f"{args.merged}: no translations")
    print(f"compared {args.merged}: {sum(len(t['sentences']) for t in merged['translations'])} sentence(s)")


def drift(args):
    """Edits the source of one unit with translate-toolkit, as a careless translator might."""
    store = load_store(Path(args.file))
    unit = next(u for u in store.units if not u.isheader() and unit_id(u) == args.id)
    unit.source = str(unit.source) + " (edited)"
    store.savefile(args.out)
    print(f"edited the source of {args.id} into {args.out}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("dir")
    c.add_argument("--expected", required=True)
    f = sub.add_parser("fill")
    f.add_argument("dir")
    f.add_argument("out")
    f.add_argument("--expected-out", required=True)
    m = sub.add_parser("compare")
    m.add_argument("merged")
    m.add_argument("--expected", required=True)
    d = sub.add_parser("drift")
    d.add_argument("file")
    d.add_argument("out")
    d.add_argument("--id", default="s2")
    args = p.parse_args()
    {"check": check, "fill": fill, "compare": compare, "drift": drift}[args.cmd](args)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

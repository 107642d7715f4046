#!/usr/bin/env python3
"""Round trips of brief's translation files through the clients desks use.

    roundtrip.py --brief target/release/brief [--work DIR] [--require omegat,tt,npm]
                 [--only PATTERN] [--strict] [--markdown FILE] [--json FILE]

For fa and ru, `brief export` writes the files; a real client fills the
targets (OmegaT 3.6 headless with a TMX in tm/auto as the "translator",
translate-toolkit's storage classes and converters, the npm package `xliff`,
a spreadsheet-style TSV writer, plain scripts); `brief merge --format json`
reads them back. Each case's outcome (exit code, the unit and kind named on
stderr, the merged targets) is compared with expectations.py and printed as
one table: client x format x case -> exit, named unit, PASS/FAIL.

Clients that are not installed are skipped with a message (use --require to
make a missing client an error, as CI does). Found automatically:
  translate-toolkit: importable by this Python (run it with .venv-ci/bin/python)
  npm `xliff`:       $NPM_DIR/node_modules/xliff (default /tmp/brief-npm), and node
  OmegaT:            $OMEGAT_JAR (default /usr/share/omegat/OmegaT.jar), and java

Exit status: 0 when every case matches its expectation or is marked
known_failing; 1 when a case fails (or, with --strict, when a known_failing
case passes: flip it in expectations.py); 2 on a usage or setup error.
"""

import argparse
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from expectations import EXPECTATIONS, Expect  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
X12 = "urn:oasis:names:tc:xliff:document:1.2"
X20 = "urn:oasis:names:tc:xliff:document:2.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGS = ("fa", "ru")
ZWNJ = "\u200c"

# Three exports, so that OmegaT cases in one project never share a source
# sentence (OmegaT translates identical sources identically across files).
EXPORTS = {
    "A": (["seeds/en-putin-assad-aleppo.txt"], ["--sentences", "4"]),
    "B": (["seeds/en-iran-russia-phone-call.txt"], ["--sentences", "4"]),
    "C": (["tests/snapshots/tricky.en.txt"], ["--all"]),
    # Written into the work directory: one sentence twice (s1 and s3).
    "D": (["DUPLICATE_TEXT"], ["--all"]),
}
DUPLICATE_TEXT = "The meeting was held in Vienna today. Officials said nothing.\n\nThe meeting was held in Vienna today. Reporters waited outside.\n"
FORMATS = "xliff20,xliff12,tmx,tsv,jsonl"
OMEGAT_TOKENIZERS = {
    "en": "org.omegat.tokenizer.LuceneEnglishTokenizer",
    "fa": "org.omegat.tokenizer.LucenePersianTokenizer",
    "ru": "org.omegat.tokenizer.LuceneRussianTokenizer",
}
# What each case does, for the table (the builders below do it).
DESCRIPTIONS = {
    "script-jsonl-fill": "targets written into the JSONL",
    "script-tsv-fill": "target column filled, brief's escapes",
    "lxml-tmx-fill": "target <seg> filled",
    "spreadsheet-tsv": "saved as a spreadsheet does: RFC 4180 quotes, CRLF, BOM",
    "lxml-tmx-inline-bpt": "s2 target with <bpt>&lt;b&gt;</bpt>bold<ept>&lt;/b&gt;</ept>",
    "tt-xliff12-fill": "xlifffile: targets set, state=translated",
    "tt-xliff20-fill": "Xliff2File: targets set, state=translated",
    "tt-xliff2po-pomerge": "xliff2po, PO translated, pomerge -t exported.xlf",
    "tt-xliff2po-pomerge-duplicate": "same, s1 and s3 have the same source",
    "tt-po2tmx": "the translated PO as TMX (po2tmx): no tuid",
    "tt-po2xliff": "the translated PO as XLIFF (po2xliff, no template): 1.1, new ids",
    "tt-xliff20-target-equals-source": "s2 target = its source",
    "tt-xliff20-state-initial": 's2 translated, segment state="initial"',
    "tt-xliff20-fill-state-untouched": 'Xliff2File: only unit.target set; state stays "initial"',
    "tt-xliff12-left-empty": "s2 left empty",
    "tt-xliff20-foreign-ns-target": 's2 target only as <x:target xmlns:x="urn:other">',
    "tt-xliff20-resegmented": "s2 split into 2 segments, the first translated",
    "tt-xliff20-export-mix": "fa file of export A + ru file of export B",
    "tt-xliff20-inline-pc": 's2 target with <pc id="1">bold</pc>',
    "tt-xliff20-inline-ph-equiv": 's2 target with <ph equiv="[1]"/>',
    "tt-xliff12-inline-g": 's2 target with <g id="1">bold</g>',
    "tt-xliff12-inline-bpt": "s2 target with <bpt>&lt;b&gt;</bpt>bold<ept>&lt;/b&gt;</ept>",
    "tt-xliff20-lang-upper": 'trgLang="FA" with a ru file, --tmx: fa expected',
    "tt-xliff12-lang-underscore": 'target-language="fa_IR", --tmx: fa-IR expected',
    "tt-xliff12-two-languages": "one XLIFF 1.2 with a fa <file> and a ru <file>",
    "tt-xliff20-and-tmx-agree": "fa as XLIFF 2.0 and as TMX, same targets",
    "npm-xliff20-roundtrip": "xliff2js, targets set, js2xliff",
    "npm-xliff12-roundtrip": "xliff12ToJs, targets set, jsToXliff12",
    "npm-xliff20-paragraphs": "same; the paragraphs of the brief",
    "npm-xliff20-no-reference": "same, merged without --reference (metadata lost)",
    "npm-xliff20-edited-source": "metadata dropped, s2 source edited",
    "npm-xliff20-deleted-last": "metadata dropped, the last unit deleted",
    "npm-xliff12-swapped-ids": "metadata dropped, ids of s1 and s2 swapped",
    "npm-xliff20-deleted-middle": "metadata dropped, s2 deleted",
    "tt-xliff20-swapped-ids": "ids of s1 and s2 exchanged, metadata moved with them",
    "omegat-xliff12-roundtrip": "--target source; every unit in tm/auto",
    "omegat-project-tmx": "<project>-omegat.tmx (TMX 1.1, lang=, no tuid)",
    "omegat-xliff12-untranslated": "--target source; last unit not in tm/auto",
    "omegat-xliff12-sentence-seg": "sentence_seg on (the GUI default): s1 split",
    "omegat-xliff20-source-copy": "XLIFF 2.0 --target source: 0 segments",
    "omegat-xliff12-empty-targets": "XLIFF 1.2 --target empty: 0 segments",
}
PROBLEM_LINE = re.compile(r"^brief: (?P<file>.*?): (?P<id>\S+) \[(?P<lang>[^\]]*)\]: (?P<what>.*)$")


def kept(source):
    """What a translator keeps from the source: its numbers, URLs, e-mail
    addresses, @handles and #hashtags (merge checks that they are there)."""
    out = []
    for token in source.split():
        core = token.strip("()[]{}«»\"'“”‘’.,;:!?")
        if any(c.isdigit() for c in core) or core.startswith(("http", "www.", "@", "#")) or "@" in core:
            out.append(token)
    return (" " + " ".join(out)) if out else ""


def translation(export, lang, uid, source=""):
    """The translator's text: distinct per unit, with characters that must
    survive, and what the source's translation must keep (kept())."""
    n = uid.lstrip("s")
    if lang.lower().startswith("fa"):
        return f"«ترجمه{ZWNJ}ی {export}{n}» می{ZWNJ}گوید: A&B <تگ> \"نقل\"{kept(source)}"
    return f"«Перевод {export}{n}» — A&B <тег> 'кавычки'{kept(source)}"


# --- The run's context -------------------------------------------------------


@dataclass
class Case:
    name: str
    client: str
    fmt: str
    lang: str
    export: str = "A"
    files: list = field(default_factory=list)
    # For exit-0 expectations: per language the targets merge must give.
    want: dict = field(default_factory=dict)
    merge_args: list = field(default_factory=list)
    # Extra check on the merge output: returns None or what is wrong.
    extra_check: Optional[Callable] = None
    skipped: Optional[str] = None
    error: Optional[str] = None
    note: str = ""
    # Filled by run_case.
    code: Optional[int] = None
    named: str = ""
    status: str = ""
    detail: str = ""
    seconds: float = 0.0


class Ctx:
    def __init__(self, brief, work):
        self.brief = brief
        self.work = work
        self.config = work / "empty.toml"
        self.config.write_text("", encoding="utf-8")
        self.exports = {}  # (name, mode) -> directory

    def brief_cmd(self, *args):
        return [str(self.brief), "--config", str(self.config), "-q", *map(str, args)]

    def export(self, name, mode):
        key = (name, mode)
        if key not in self.exports:
            inputs, flags = EXPORTS[name]
            if inputs == ["DUPLICATE_TEXT"]:
                dup = self.work / "duplicate.en.txt"
                dup.write_text(DUPLICATE_TEXT, encoding="utf-8")
                inputs = [dup]
            out = self.work / "export" / f"{name}-{mode}"
            cmd = self.brief_cmd("export", *inputs, *flags, "--to", ",".join(LANGS), "--format", FORMATS, "--target", mode, "--out-dir", out)
            p = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
            if p.returncode != 0:
                raise SystemExit(f"roundtrip: brief export failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr}")
            self.exports[key] = out
        return self.exports[key]

    def file(self, name, lang, fmt, mode="empty"):
        suffix = {"xliff20": "xliff20.xlf", "xliff12": "xliff12.xlf", "tmx": "tmx", "tsv": "tsv", "jsonl": "jsonl"}[fmt]
        return self.export(name, mode) / f"brief.{lang}.{suffix}"

    def reference(self, name, lang):
        """The export's own records, in brief order: the truth about ids and paragraphs."""
        path = self.file(name, lang, "jsonl")
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def targets(self, name, lang, skip=()):
        return {r["id"]: translation(name, lang, r["id"], r["source"]) for r in self.reference(name, lang) if r["id"] not in skip}

    def last_id(self, name, lang="fa"):
        return self.reference(name, lang)[-1]["id"]

    def out(self, case_dir, filename):
        d = self.work / "cases" / case_dir
        d.mkdir(parents=True, exist_ok=True)
        return d / filename


def expected_text(records, targets):
    """The brief as merge assembles it: a space within a paragraph, a blank line between."""
    paragraphs, last = [], None
    for r in records:
        key = (r.get("document_index"), r.get("paragraph"))
        if paragraphs and key == last:
            paragraphs[-1].append(targets[r["id"]].strip())
        else:
            paragraphs.append([targets[r["id"]].strip()])
        last = key
    return "\n\n".join(" ".join(p) for p in paragraphs)


# --- Clients -----------------------------------------------------------------


def have_tt():
    try:
        import translate.storage.xliff  # noqa: F401
        import lxml.etree  # noqa: F401
    except ImportError:
        return "translate-toolkit/lxml not importable by " + sys.executable
    return None


def npm_dir():
    return Path(os.environ.get("NPM_DIR", "/tmp/brief-npm"))


def have_npm():
    if not shutil.which("node"):
        return "node not found"
    if not (npm_dir() / "node_modules" / "xliff" / "package.json").exists():
        return f"npm package xliff not installed under {npm_dir()} (set NPM_DIR)"
    return None


def omegat_jar():
    return Path(os.environ.get("OMEGAT_JAR", "/usr/share/omegat/OmegaT.jar"))


def have_omegat():
    if not shutil.which("java"):
        return "java not found"
    if not omegat_jar().exists():
        return f"{omegat_jar()} not found (apt-get install omegat, or set OMEGAT_JAR)"
    return None


def tool_versions():
    out = {}
    if not have_tt():
        import translate.__version__ as v

        out["translate-toolkit"] = v.sver
    if not have_npm():
        pkg = json.loads((npm_dir() / "node_modules" / "xliff" / "package.json").read_text())
        out["npm xliff"] = pkg["version"]
    if not have_omegat():
        out["OmegaT"] = str(omegat_jar())
    return out


# --- Plain scripts: JSONL, TSV, TMX (stdlib only) ----------------------------


def fill_jsonl(src, dst, targets):
    lines = []
    for line in src.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        if obj["id"] in targets:
            obj["target"] = targets[obj["id"]]
        lines.append(json.dumps(obj, ensure_ascii=False))
    dst.write_text("\n".join(lines) + "\n", encoding="utf-8")


def tsv_escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def tsv_rows(src):
    return [line.split("\t") for line in src.read_text(encoding="utf-8").splitlines()]


def fill_tsv(src, dst, targets):
    rows = tsv_rows(src)
    i, t = rows[0].index("id"), rows[0].index("target")
    for row in rows[1:]:
        if row[i] in targets:
            row[t] = tsv_escape(targets[row[i]])
    dst.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")


def fill_tsv_spreadsheet(src, dst, targets):
    """What LibreOffice Calc or Excel write on "save as tab-separated": RFC 4180
    quoting of fields with quotes, CRLF line ends, a UTF-8 byte-order mark.
    brief's backslash escapes are plain text to a spreadsheet and stay as they are."""
    rows = tsv_rows(src)
    i, t = rows[0].index("id"), rows[0].index("target")
    for row in rows[1:]:
        if row[i] in targets:
            row[t] = tsv_escape(targets[row[i]])
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(rows)
    dst.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


def tmx_seg_fill(src, dst, lang, targets, inline=None):
    """Fills the target <seg> of each <tu> (by tuid). `inline` maps an id to
    a function that fills the <seg> element itself."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(src)
    for tu in tree.getroot().iter("tu"):
        uid = tu.get("tuid")
        for tuv in tu.findall("tuv"):
            if tuv.get(XML_LANG) == lang and uid in targets:
                seg = tuv.find("seg")
                seg.text = targets[uid]
                if inline and uid in inline:
                    inline[uid](seg)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    dst.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + body + "\n", encoding="utf-8")


# --- translate-toolkit ----------------------------------------------------------


def tt_store(path):
    from translate.storage import xliff, xliff2

    head = path.read_text(encoding="utf-8")[:400]
    cls = xliff2.Xliff2File if 'version="2' in head else xliff.xlifffile
    return cls.parsefile(str(path))


def tt_units(store):
    # XLIFF 1.2 ids come back as "<original>\x04<id>".
    return [(u.getid().split("\x04")[-1], u) for u in store.units if not u.isheader()]


def tt_fill(src, dst, targets, edit=None):
    """Fills targets with translate-toolkit's storage classes and marks them
    translated, as a CAT tool does; `edit(uid, unit)` may change a unit further."""
    store = tt_store(src)
    v2 = store.__class__.__name__ == "Xliff2File"
    for uid, unit in tt_units(store):
        if uid in targets:
            unit.target = targets[uid]
            if v2:
                unit.xmlelement.set("state", "translated")
            else:
                unit.xmlelement.find(f"{{{X12}}}target").set("state", "translated")
        if edit:
            edit(uid, unit)
    store.savefile(str(dst))


def tt_cli(tool, *args):
    exe = Path(sys.executable).parent / tool
    cmd = [str(exe) if exe.exists() else tool, *map(str, args)]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError(f"{tool} failed ({p.returncode}): {p.stderr.strip()[-300:]}")


def tt_fill_po(src, dst, targets_by_source):
    from translate.storage import po

    store = po.pofile.parsefile(str(src))
    for u in store.units:
        if not u.isheader() and str(u.source) in targets_by_source:
            u.target = targets_by_source[str(u.source)]
    store.savefile(str(dst))


def lxml_edit(src, dst, edit):
    from lxml import etree

    tree = etree.parse(str(src), etree.XMLParser(resolve_entities=False, no_network=True))
    edit(tree.getroot())
    tree.write(str(dst), xml_declaration=True, encoding="UTF-8")


def x20_unit(root, uid):
    return next(u for u in root.iter(f"{{{X20}}}unit") if u.get("id") == uid)


def x12_unit(root, uid):
    return next(u for u in root.iter(f"{{{X12}}}trans-unit") if u.get("id") == uid)


def set_inline(target, head, parts):
    """Replaces the content of `target` by `head` and (element, text, tail) parts."""
    from lxml import etree

    for c in list(target):
        target.remove(c)
    target.text = head
    for tag, attrs, text, tail in parts:
        el = etree.SubElement(target, tag, attrs)
        el.text = text
        el.tail = tail


# --- OmegaT ----------------------------------------------------------------------


def omegat_project(root, lang, sources, memory, sentence_seg=False):
    """An OmegaT 3.6 project: source files, and the translator's TMX in tm/auto
    (OmegaT inserts its exact matches as translations when it loads the project).
    brief's units are sentences already: OmegaT's own sentence segmentation (on
    by default in a project made in the GUI) would split some of them again."""
    for d in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (root / d).mkdir(parents=True, exist_ok=True)
    (root / "omegat.project").write_text(
        f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes><mask>**/.svn/**</mask></source_dir_excludes>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>en</source_lang>
    <target_lang>{lang}</target_lang>
    <source_tok>{OMEGAT_TOKENIZERS['en']}</source_tok>
    <target_tok>{OMEGAT_TOKENIZERS.get(lang, OMEGAT_TOKENIZERS['en'])}</target_tok>
    <sentence_seg>{'true' if sentence_seg else 'false'}</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
""",
        encoding="utf-8",
    )
    for name, src in sources.items():
        shutil.copyfile(src, root / "source" / name)
    tus = "".join(
        f'<tu><tuv xml:lang="en"><seg>{escape(s)}</seg></tuv><tuv xml:lang={quoteattr(lang)}><seg>{escape(t)}</seg></tuv></tu>\n' for s, t in memory
    )
    (root / "tm" / "auto" / "translator.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="roundtrip.py" creationtoolversion="1" '
        'segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/><body>\n' + tus + "</body></tmx>\n",
        encoding="utf-8",
    )


def omegat_command(project, config_dir):
    return [
        "java",
        # A short run: the C1 compiler and the serial collector halve OmegaT's CPU time.
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-Djava.awt.headless=true",
        "-jar",
        str(omegat_jar()),
        str(project),
        "--mode=console-translate",
        "--no-team",
        "--disable-project-locking",
        f"--config-dir={config_dir}",
    ]


def start_omegat(projects, work):
    """Starts every project at once, so that OmegaT's start-up overlaps with the
    other clients' cases; `finish_omegat` waits for them."""
    running = []
    for proj in projects:
        log = open(proj.with_suffix(".log"), "w")
        cmd = omegat_command(proj, work / "omegat-config" / proj.name)
        running.append((proj, subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT), log))
    return running


def finish_omegat(running):
    failures = []
    for proj, proc, log in running:
        try:
            rc = proc.wait(timeout=300)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            rc = "timeout (300 s)"
        log.close()
        if rc != 0:
            failures.append(f"{proj.name}: OmegaT exit {rc}, see {proj.with_suffix('.log')}")
    return failures


# --- Cases -----------------------------------------------------------------------


def build_script_cases(ctx):
    cases = []
    for lang in LANGS:
        want = {lang: ctx.targets("C", lang)}
        c = Case("script-jsonl-fill", "script", "jsonl", lang, export="C", want=want)
        c.files = [ctx.out(f"jsonl-{lang}", f"brief.{lang}.jsonl")]
        fill_jsonl(ctx.file("C", lang, "jsonl"), c.files[0], want[lang])
        cases.append(c)
        c = Case("script-tsv-fill", "script", "tsv", lang, export="C", want=want)
        c.files = [ctx.out(f"tsv-{lang}", f"brief.{lang}.tsv")]
        fill_tsv(ctx.file("C", lang, "tsv"), c.files[0], want[lang])
        cases.append(c)
        c = Case("lxml-tmx-fill", "script", "tmx", lang, export="C", want=want)
        c.files = [ctx.out(f"tmx-{lang}", f"brief.{lang}.tmx")]
        tmx_seg_fill(ctx.file("C", lang, "tmx"), c.files[0], lang, want[lang])
        cases.append(c)
    lang = "fa"
    want = {lang: ctx.targets("C", lang)}
    c = Case("spreadsheet-tsv", "spreadsheet", "tsv", lang, export="C", want=want, note="RFC 4180 quotes, CRLF, BOM")
    c.files = [ctx.out("spreadsheet", f"brief.{lang}.tsv")]
    fill_tsv_spreadsheet(ctx.file("C", lang, "tsv"), c.files[0], want[lang])
    cases.append(c)
    # TMX with inline codes: <bpt>/<ept> hold native code that must not leak.
    want = {lang: ctx.targets("A", lang)}
    uid = "s2"
    want[lang][uid] = "پیش bold پس"

    def bpt(seg):
        seg.text = "پیش "
        import xml.etree.ElementTree as ET

        b = ET.SubElement(seg, "bpt", {"i": "1"})
        b.text = "<b>"
        b.tail = "bold"
        e = ET.SubElement(seg, "ept", {"i": "1"})
        e.text = "</b>"
        e.tail = " پس"

    c = Case("lxml-tmx-inline-bpt", "script", "tmx", lang, want=want, note="<bpt>&lt;b&gt;</bpt>bold<ept>")
    c.files = [ctx.out("tmx-inline", f"brief.{lang}.tmx")]
    tmx_seg_fill(ctx.file("A", lang, "tmx"), c.files[0], lang, want[lang], inline={uid: bpt})
    cases.append(c)
    return cases


def build_tt_cases(ctx):
    from lxml import etree  # noqa: F401  (imported here: the module is optional)

    cases = []

    def case(name, fmt, lang, export="A", **kw):
        c = Case(name, "translate-toolkit", fmt, lang, export=export, **kw)
        cases.append(c)
        return c

    def attempt(c, fn):
        try:
            fn()
        except Exception as e:  # a client failing is a finding, not a crash
            c.error = f"{type(e).__name__}: {e}"

    for lang in LANGS:
        targets = ctx.targets("A", lang)
        for fmt in ("xliff12", "xliff20"):
            c = case(f"tt-{fmt}-fill", fmt, lang, want={lang: targets})
            c.files = [ctx.out(f"tt-{fmt}-{lang}", f"brief.{lang}.{fmt}.xlf")]
            attempt(c, lambda c=c, fmt=fmt: tt_fill(ctx.file("A", lang, fmt), c.files[0], targets))
        # xliff2po -> the PO is translated -> pomerge into the exported XLIFF.
        c = case("tt-xliff2po-pomerge", "xliff12→po→xliff12", lang, want={lang: targets})
        d = ctx.out(f"tt-po-{lang}", "")
        po_in, po_done = d / f"brief.{lang}.po", d / f"brief.{lang}.done.po"
        c.files = [d / f"brief.{lang}.xliff12.xlf"]
        by_source = {r["source"]: targets[r["id"]] for r in ctx.reference("A", lang)}

        def pomerge(c=c, po_in=po_in, po_done=po_done, by_source=by_source, lang=lang):
            tt_cli("xliff2po", ctx.file("A", lang, "xliff12"), po_in)
            tt_fill_po(po_in, po_done, by_source)
            tt_cli("pomerge", "-t", ctx.file("A", lang, "xliff12"), "-i", po_done, "-o", c.files[0])

        attempt(c, pomerge)
        if lang == "fa":
            # The same sentence twice: xliff2po keeps one msgid, pomerge fills the first unit only.
            c = case("tt-xliff2po-pomerge-duplicate", "xliff12→po→xliff12", lang, export="D", note="s1 and s3 have the same source")
            dd = ctx.out("tt-po-duplicate", "")
            c.files = [dd / "brief.fa.xliff12.xlf"]
            by_source_d = {r["source"]: translation("D", lang, r["id"], r["source"]) for r in ctx.reference("D", lang)}

            def pomerge_duplicate(c=c, dd=dd, by_source_d=by_source_d):
                tt_cli("xliff2po", ctx.file("D", "fa", "xliff12"), dd / "d.po")
                tt_fill_po(dd / "d.po", dd / "d.done.po", by_source_d)
                tt_cli("pomerge", "-t", ctx.file("D", "fa", "xliff12"), "-i", dd / "d.done.po", "-o", c.files[0])

            attempt(c, pomerge_duplicate)
        # The same PO written as TMX (po2tmx: no tuid) and as XLIFF (po2xliff, no template).
        c = case("tt-po2tmx", "po→tmx", lang, want={lang: targets})
        c.files = [d / f"brief.{lang}.po2tmx.tmx"]
        attempt(c, lambda c=c, po_done=po_done, lang=lang: tt_cli("po2tmx", "-l", lang, po_done, c.files[0]))
        c = case("tt-po2xliff", "po→xliff", lang, want={lang: targets})
        c.files = [d / f"brief.{lang}.po2xliff.xlf"]
        attempt(c, lambda c=c, po_done=po_done: tt_cli("po2xliff", po_done, c.files[0]))

    lang = "fa"
    targets = ctx.targets("A", lang)
    src20, src12 = ctx.file("A", lang, "xliff20"), ctx.file("A", lang, "xliff12")
    last = ctx.last_id("A", lang)

    def negative(name, fmt, fn, **kw):
        c = case(name, fmt, lang, **kw)
        c.files = [ctx.out(name, f"brief.{lang}.{fmt}.xlf")]
        attempt(c, lambda: fn(c.files[0]))
        return c

    def same_as_source(uid, unit):
        if uid == "s2":
            unit.target = str(unit.source)

    negative("tt-xliff20-target-equals-source", "xliff20", lambda out: tt_fill(src20, out, targets, edit=same_as_source))

    def initial(uid, unit):
        if uid == "s2":
            unit.xmlelement.set("state", "initial")

    # Xliff2File sets the target and leaves the segment's state="initial"
    # (xlifffile, for 1.2, sets state="translated" by itself).
    def plain_fill(out):
        store = tt_store(src20)
        for uid, unit in tt_units(store):
            unit.target = targets[uid]
        store.savefile(str(out))

    negative("tt-xliff20-fill-state-untouched", "xliff20", plain_fill)
    negative("tt-xliff20-state-initial", "xliff20", lambda out: tt_fill(src20, out, targets, edit=initial), note='s2 translated text, state="initial"')
    c = case("tt-xliff12-left-empty", "xliff12", "ru")
    c.files = [ctx.out("tt-xliff12-left-empty", "brief.ru.xliff12.xlf")]
    ru_targets = ctx.targets("A", "ru", skip={"s2"})
    attempt(c, lambda: tt_fill(ctx.file("A", "ru", "xliff12"), c.files[0], ru_targets))

    def foreign(out):
        def edit(root):
            from lxml import etree

            seg = x20_unit(root, "s2").find(f"{{{X20}}}segment")
            seg.remove(seg.find(f"{{{X20}}}target"))
            t = etree.SubElement(seg, "{urn:other}target", nsmap={"x": "urn:other"})
            t.text = targets["s2"]

        tt_fill(src20, out, {k: v for k, v in targets.items() if k != "s2"})
        lxml_edit(out, out, edit)

    negative("tt-xliff20-foreign-ns-target", "xliff20", foreign, note='<x:target xmlns:x="urn:other">')

    def resegment(out):
        def edit(root):
            from lxml import etree

            unit = x20_unit(root, "s2")
            seg = unit.find(f"{{{X20}}}segment")
            src = seg.find(f"{{{X20}}}source").text
            cut = src.index(" ", len(src) // 2)
            seg.find(f"{{{X20}}}source").text = src[:cut]
            seg.find(f"{{{X20}}}target").text = "نیمه" + " اول"
            ign = etree.SubElement(unit, f"{{{X20}}}ignorable")
            etree.SubElement(ign, f"{{{X20}}}source").text = " "
            seg2 = etree.SubElement(unit, f"{{{X20}}}segment", {"state": "initial"})
            etree.SubElement(seg2, f"{{{X20}}}source").text = src[cut + 1 :]
            etree.SubElement(seg2, f"{{{X20}}}target").text = ""

        tt_fill(src20, out, targets)
        lxml_edit(out, out, edit)

    negative("tt-xliff20-resegmented", "xliff20", resegment, note="s2 split in 2 segments, 1 translated")

    # Two units exchange their ids, metadata and all (a tool that renumbers).
    def swap_ids(out):
        def edit(root):
            a, b = x20_unit(root, "s1"), x20_unit(root, "s2")
            a.set("id", "s2")
            b.set("id", "s1")

        tt_fill(src20, out, targets)
        lxml_edit(out, out, edit)

    negative("tt-xliff20-swapped-ids", "xliff20", swap_ids, note="<unit> ids s1 and s2 exchanged, metadata kept")

    # fa of export A with ru of export B: same ids s1..s4, different articles.
    c = case("tt-xliff20-export-mix", "xliff20", "fa+ru")
    c.files = [ctx.out("tt-export-mix", "brief.fa.xliff20.xlf"), ctx.out("tt-export-mix", "brief.ru.xliff20.xlf")]
    attempt(c, lambda: (tt_fill(src20, c.files[0], targets), tt_fill(ctx.file("B", "ru", "xliff20"), c.files[1], ctx.targets("B", "ru"))))

    # Inline markup in targets.
    def inline(name, fmt, parts, expected, note):
        want = dict(targets)
        want["s2"] = expected
        c = case(name, fmt, lang, want={lang: want}, note=note)
        c.files = [ctx.out(name, f"brief.{lang}.{fmt}.xlf")]

        def build():
            def edit(root):
                if fmt == "xliff20":
                    t = x20_unit(root, "s2").find(f"{{{X20}}}segment/{{{X20}}}target")
                    ns = X20
                else:
                    t = x12_unit(root, "s2").find(f"{{{X12}}}target")
                    ns = X12
                set_inline(t, "پیش ", [(f"{{{ns}}}{tag}", a, txt, tail) for tag, a, txt, tail in parts])

            tt_fill(src20 if fmt == "xliff20" else src12, c.files[0], targets)
            lxml_edit(c.files[0], c.files[0], edit)

        attempt(c, build)

    inline("tt-xliff20-inline-pc", "xliff20", [("pc", {"id": "1"}, "bold", " پس")], "پیش bold پس", '<pc id="1">bold</pc>')
    inline("tt-xliff20-inline-ph-equiv", "xliff20", [("ph", {"id": "1", "equiv": "[1]", "disp": "{1}"}, None, " پس")], "پیش [1] پس", '<ph equiv="[1]"/>')
    inline("tt-xliff12-inline-g", "xliff12", [("g", {"id": "1"}, "bold", " پس")], "پیش bold پس", '<g id="1">bold</g>')
    inline(
        "tt-xliff12-inline-bpt",
        "xliff12",
        [("bpt", {"id": "1"}, "<b>", "bold"), ("ept", {"id": "1"}, "</b>", " پس")],
        "پیش bold پس",
        "<bpt>&lt;b&gt;</bpt>bold<ept>",
    )

    # Language tags as other tools write them.
    def retag(out, src, fmt, tag):
        def edit(root):
            if fmt == "xliff20":
                root.set("trgLang", tag)
            else:
                for f in root.iter(f"{{{X12}}}file"):
                    f.set("target-language", tag)

        tt_fill(src, out, targets)
        lxml_edit(out, out, edit)

    def tmx_has(tmx_out, tag):
        """The --tmx output holds one <tuv> per unit for the language, tagged `tag`."""

        def check(case, merged):
            if not tmx_out.exists():
                return "no --tmx output"
            text = tmx_out.read_text(encoding="utf-8")
            tuvs = re.findall(r'<tuv xml:lang="([^"]*)"', text)
            n = sum(t == tag for t in tuvs)
            if n != len(targets):
                return f"--tmx output has {n} <tuv xml:lang=\"{tag}\">, expected {len(targets)} (languages: {sorted(set(tuvs))})"
            return None

        return check

    tmx_out = ctx.out("tt-lang-upper", "merged.tmx")

    c = case("tt-xliff20-lang-upper", "xliff20", "FA+ru", want={"fa": targets, "ru": ctx.targets("A", "ru")}, note='trgLang="FA", with --tmx')
    c.files = [ctx.out("tt-lang-upper", "brief.FA.xliff20.xlf"), ctx.out("tt-lang-upper", "brief.ru.xliff20.xlf")]
    c.merge_args = ["--tmx", tmx_out, "--force"]
    c.extra_check = tmx_has(tmx_out, "fa")
    attempt(c, lambda: (retag(c.files[0], src20, "xliff20", "FA"), tt_fill(ctx.file("A", "ru", "xliff20"), c.files[1], ctx.targets("A", "ru"))))
    c = case("tt-xliff12-lang-underscore", "xliff12", "fa_IR", want={"fa-IR": targets}, note='target-language="fa_IR", with --tmx')
    c.files = [ctx.out("tt-lang-underscore", "brief.fa_IR.xliff12.xlf")]
    c.merge_args = ["--tmx", ctx.out("tt-lang-underscore", "merged.tmx"), "--force"]
    c.extra_check = tmx_has(ctx.out("tt-lang-underscore", "merged.tmx"), "fa-IR")
    attempt(c, lambda: retag(c.files[0], src12, "xliff12", "fa_IR"))

    # One XLIFF 1.2 file with a fa <file> and a ru <file>.
    c = case("tt-xliff12-two-languages", "xliff12", "fa+ru", want={"fa": targets, "ru": ctx.targets("A", "ru")})
    c.files = [ctx.out("tt-two-languages", "brief.fa+ru.xliff12.xlf")]

    def two_languages():
        from lxml import etree

        fa, ru = ctx.out("tt-two-languages", "fa.xlf"), ctx.out("tt-two-languages", "ru.xlf")
        tt_fill(src12, fa, targets)
        tt_fill(ctx.file("A", "ru", "xliff12"), ru, ctx.targets("A", "ru"))
        ru_files = etree.parse(str(ru)).getroot().findall(f"{{{X12}}}file")
        lxml_edit(fa, c.files[0], lambda root: [root.append(f) for f in ru_files])

    attempt(c, two_languages)

    # The same language returned twice: an XLIFF and a TMX that agree.
    c = case("tt-xliff20-and-tmx-agree", "xliff20+tmx", lang, want={lang: targets})
    c.files = [ctx.out("tt-xliff-and-tmx", f"brief.{lang}.xliff20.xlf"), ctx.out("tt-xliff-and-tmx", f"brief.{lang}.tmx")]
    attempt(c, lambda: (tt_fill(src20, c.files[0], targets), tmx_seg_fill(ctx.file("A", lang, "tmx"), c.files[1], lang, targets)))
    del last
    return cases


def build_npm_cases(ctx):
    cases = []

    def npm(c, version, src, edits):
        edits_path = c.files[0].with_suffix(".edits.json")
        edits_path.write_text(json.dumps(edits, ensure_ascii=False), encoding="utf-8")
        env = dict(os.environ, NODE_PATH=str(npm_dir() / "node_modules"))
        p = subprocess.run(["node", str(HERE / "npm_xliff_fill.js"), version, str(src), str(c.files[0]), str(edits_path)], capture_output=True, text=True, env=env, timeout=60)
        if p.returncode != 0:
            c.error = f"node exit {p.returncode}: {p.stderr.strip()[-300:]}"

    for lang in LANGS:
        targets = ctx.targets("A", lang)
        for version, fmt in (("20", "xliff20"), ("12", "xliff12")):
            c = Case(f"npm-{fmt}-roundtrip", "npm xliff", fmt, lang, want={lang: targets})
            c.files = [ctx.out(f"npm-{fmt}-{lang}", f"brief.{lang}.{fmt}.xlf")]
            npm(c, version, ctx.file("A", lang, fmt), {"targets": targets})
            cases.append(c)
    lang = "fa"
    targets = ctx.targets("A", lang)
    src20 = ctx.file("A", lang, "xliff20")
    last = ctx.last_id("A", lang)
    specs = [
        ("npm-xliff20-paragraphs", "20", {"targets": targets}, {lang: targets}, "same file; checks the paragraphs"),
        ("npm-xliff20-no-reference", "20", {"targets": targets}, {}, "same file, merged without --reference"),
        ("npm-xliff20-edited-source", "20", {"targets": targets, "edit_source": {"s2": "An edited sentence."}}, {}, "s2 source edited"),
        ("npm-xliff20-deleted-last", "20", {"targets": targets, "delete": [last]}, {}, f"{last} deleted"),
        ("npm-xliff20-deleted-middle", "20", {"targets": targets, "delete": ["s2"]}, {}, "s2 deleted"),
        ("npm-xliff12-swapped-ids", "12", {"targets": targets, "swap": ["s1", "s2"]}, {}, "ids of s1 and s2 swapped"),
    ]
    for name, version, edits, want, note in specs:
        fmt = "xliff20" if version == "20" else "xliff12"
        c = Case(name, "npm xliff", fmt, lang, want=want, note=note)
        c.files = [ctx.out(name, f"brief.{lang}.{fmt}.xlf")]
        npm(c, version, ctx.file("A", lang, fmt) if version == "12" else src20, edits)
        cases.append(c)
    return cases


def build_omegat_cases(ctx):
    projects, cases = [], []
    root = ctx.work / "omegat"
    for lang in LANGS:
        mem_a = [(r["source"], translation("A", lang, r["id"], r["source"])) for r in ctx.reference("A", lang)]
        mem_c = [(r["source"], translation("C", lang, r["id"], r["source"])) for r in ctx.reference("C", lang)]
        # B's last unit has no translation in the memory: the translator skipped it.
        mem_b = [(r["source"], translation("B", lang, r["id"], r["source"])) for r in ctx.reference("B", lang)[:-1]]
        p1 = root / f"brief-{lang}"
        omegat_project(
            p1,
            lang,
            {
                "A.xliff12.xlf": ctx.file("A", lang, "xliff12", "source"),
                "C.xliff20.xlf": ctx.file("C", lang, "xliff20", "source"),
                "C.empty.xliff12.xlf": ctx.file("C", lang, "xliff12"),
            },
            mem_a + mem_c,
        )
        p2 = root / f"brief-{lang}-skipped"
        omegat_project(p2, lang, {"B.xliff12.xlf": ctx.file("B", lang, "xliff12", "source")}, mem_b)
        projects += [p1, p2]
        if lang == "fa":
            p3 = root / f"brief-{lang}-sentence-seg"
            omegat_project(p3, lang, {"C.xliff12.xlf": ctx.file("C", lang, "xliff12", "source")}, mem_c, sentence_seg=True)
            projects.append(p3)
            c = Case("omegat-xliff12-sentence-seg", "OmegaT 3.6", "xliff12", lang, export="C", note="sentence_seg on: s1 split, no TMX match")
            c.files = [p3 / "target" / "C.xliff12.xlf"]
            cases.append(c)
        targets_a = ctx.targets("A", lang)
        c = Case("omegat-xliff12-roundtrip", "OmegaT 3.6", "xliff12", lang, want={lang: targets_a}, note="--target source")
        c.files = [p1 / "target" / "A.xliff12.xlf"]
        cases.append(c)
        c = Case("omegat-project-tmx", "OmegaT 3.6", "tmx", lang, want={lang: targets_a}, note="<project>-omegat.tmx, no tuid")
        c.files = [p1 / f"{p1.name}-omegat.tmx"]
        cases.append(c)
        c = Case("omegat-xliff12-untranslated", "OmegaT 3.6", "xliff12", lang, export="B", note="last unit not in the TMX")
        c.files = [p2 / "target" / "B.xliff12.xlf"]
        cases.append(c)
        if lang == "fa":
            c = Case("omegat-xliff20-source-copy", "OmegaT 3.6", "xliff20", lang, export="C", note="--target source: 0 segments")
            c.files = [p1 / "target" / "C.xliff20.xlf"]
            cases.append(c)
            c = Case("omegat-xliff12-empty-targets", "OmegaT 3.6", "xliff12", lang, export="C", note="--target empty: 0 segments")
            c.files = [p1 / "target" / "C.empty.xliff12.xlf"]
            cases.append(c)
    started = time.monotonic()
    running = start_omegat(projects, ctx.work)

    def finish():
        failures = finish_omegat(running)
        print(f"OmegaT: {len(projects)} projects translated in {time.monotonic() - started:.1f} s (started first, run beside the other clients)")
        for c in cases:
            if failures:
                c.error = "; ".join(failures)
            elif not c.files[0].exists():
                c.error = f"OmegaT wrote no {c.files[0].name}"

    return cases, finish


# --- Running and judging -----------------------------------------------------------


def problems_in(stderr):
    return [m.groupdict() for m in map(PROBLEM_LINE.match, stderr.splitlines()) if m]


def first_difference(want, got):
    for uid in sorted(set(want) | set(got), key=lambda i: (len(i), i)):
        if want.get(uid) != got.get(uid):
            return f"{uid}: got {got.get(uid)!r:.60}, want {want.get(uid)!r:.60}"
    return None


def judge(ctx, c, exp):
    """Sets c.status and c.detail from the merge outcome."""
    merged = None
    if c.code == 0 and c.stdout.strip():
        try:
            merged = json.loads(c.stdout)
        except json.JSONDecodeError as e:
            return "FAIL", f"merge printed no JSON: {e}"
    if exp.exit == 0:
        if c.code != 0:
            return "FAIL", f"exit {c.code}: {c.named or c.stderr.strip()[:120]}"
        by_lang = {t["lang"]: t for t in merged["translations"]}
        wrong = []  # every difference, so that one fix does not hide the next
        for lang, want in c.want.items():
            t = by_lang.get(lang)
            if t is None:
                wrong.append(f"no translation for {lang!r} (got {sorted(by_lang)})")
                continue
            got = {s["id"]: s["target"] for s in t["sentences"]}
            diff = first_difference(want, got)
            if diff:
                wrong.append(diff)
            elif exp.text:
                records = ctx.reference(c.export, lang.split("-")[0].lower())
                text = expected_text(records, want)
                if t["text"] != text:
                    wrong.append(f"text differs: {t['text'].count(chr(10) * 2) + 1} paragraph(s), want {text.count(chr(10) * 2) + 1}")
        if c.extra_check:
            extra = c.extra_check(c, merged)
            if extra:
                wrong.append(extra)
        return ("FAIL", "; ".join(wrong)) if wrong else ("PASS", "")
    unit = ctx.last_id(c.export) if exp.unit == "LAST" else exp.unit
    if c.code != exp.exit:
        return "FAIL", f"exit {c.code}, want {exp.exit} ({exp.kind} at {unit or 'file level'})"
    kind = re.compile(exp.kind, re.I) if exp.kind else None
    if unit is None:
        ok = kind is None or kind.search(c.stderr)
    else:
        ok = any(p["id"] == unit and (kind is None or kind.search(p["what"])) for p in problems_in(c.stderr))
    if not ok:
        return "FAIL", f"stderr does not name {unit or 'the files'} with /{exp.kind}/: {c.named or c.stderr.strip()[:120]}"
    return "PASS", ""


def run_case(ctx, c):
    exp = EXPECTATIONS.get(c.name)
    if exp is None:
        c.status, c.detail = "FAIL", "no entry in expectations.py"
        return
    args = list(c.merge_args)
    if exp.reference:
        args += ["--reference", ctx.file(c.export, c.lang.split("+")[0].split("_")[0].lower(), "jsonl")]
    started = time.monotonic()
    p = subprocess.run(ctx.brief_cmd("merge", "--format", "json", *args, *c.files), cwd=ctx.work, capture_output=True, text=True, timeout=120)
    c.seconds = time.monotonic() - started
    c.code, c.stdout, c.stderr = p.returncode, p.stdout, p.stderr.replace("brief: warning", "brief warning")
    found = problems_in(c.stderr)
    if found:
        shown = [f"{p['id']} {p['what'].split(':')[0]}" for p in found[:2]]
        c.named = "; ".join(shown) + (f" (+{len(found) - 2})" if len(found) > 2 else "")
    else:
        # A file-level error: "brief: PATH: message" -> "NAME: message".
        first = c.stderr.strip().splitlines()[0] if c.stderr.strip() else ""
        for f in c.files:
            first = first.replace(str(f), Path(f).name)
        c.named = first.removeprefix("brief: ")[:70]
    status, detail = judge(ctx, c, exp)
    if exp.known_failing:
        status = "FIXED?" if status == "PASS" else "KNOWN"
    c.status, c.detail = status, detail


def expectation_text(exp):
    if exp is None:
        return "?"
    ref = " (+ ref)" if exp.reference else ""
    if exp.exit == 0:
        return "0, exact" + (" + paragraphs" if exp.text else "") + ref
    return f"1, {exp.unit or 'files'} /{exp.kind}/" + ref


def print_table(cases, out):
    rows = [("client", "format", "case", "lang", "exit", "named by merge", "expected", "result")]
    for c in cases:
        exp = EXPECTATIONS.get(c.name)
        if c.skipped:
            rows.append((c.client, c.fmt, c.name, c.lang, "-", c.skipped[:50], expectation_text(exp), "SKIP"))
            continue
        result = {"KNOWN": "FAIL (known)", "FIXED?": "PASS (known_failing: flip it)"}.get(c.status, c.status)
        rows.append((c.client, c.fmt, c.name, c.lang, str(c.code) if c.code is not None else "-", c.named or "-", expectation_text(exp), result))
    widths = [min(max(len(r[i]) for r in rows), 60) for i in range(len(rows[0]))]
    for i, r in enumerate(rows):
        out.write("  ".join(cell[:60].ljust(w) for cell, w in zip(r, widths)).rstrip() + "\n")
        if i == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")


def markdown_table(cases):
    lines = ["| client | format | case | what the client did | lang | exit | named by merge | expected | result |", "|---|---|---|---|---|---|---|---|---|"]
    for c in cases:
        exp = EXPECTATIONS.get(c.name)
        result = "SKIP" if c.skipped else {"KNOWN": "FAIL (known)", "FIXED?": "PASS (flip)"}.get(c.status, c.status)
        what = DESCRIPTIONS.get(c.name, c.note)
        what = f"`{what}`" if "<" in what else what  # markup shown, not rendered
        cells = [c.client, c.fmt, f"`{c.name}`", what, c.lang, "-" if c.code is None else str(c.code), c.named or "-", expectation_text(exp), result]
        lines.append("| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--brief", required=True, type=Path, help="the brief binary to test")
    ap.add_argument("--work", type=Path, help="work directory (default: a temporary one, removed at the end)")
    ap.add_argument("--require", default="", help="comma-separated clients that must be present: omegat, tt, npm")
    ap.add_argument("--only", help="run only the cases whose name matches this regular expression")
    ap.add_argument("--strict", action="store_true", help="a known_failing case that passes fails the run")
    ap.add_argument("--markdown", type=Path, help="also write the table as Markdown to this file")
    ap.add_argument("--json", type=Path, help="also write every case's outcome as JSON to this file")
    args = ap.parse_args()
    brief = args.brief.resolve()
    if not brief.exists():
        print(f"roundtrip: {args.brief}: no such binary", file=sys.stderr)
        return 2
    started = time.monotonic()
    tmp = None
    if args.work:
        work = args.work.resolve()
        marker = work / ".brief-clients-work"
        if work.exists() and any(work.iterdir()) and not marker.exists():
            # Only a directory this script made is emptied.
            print(f"roundtrip: --work {work} is not empty and was not made by roundtrip.py; refusing to clear it", file=sys.stderr)
            return 2
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        marker.write_text("made by scripts/clients/roundtrip.py; cleared on its next run\n", encoding="utf-8")
    else:
        tmp = tempfile.TemporaryDirectory(prefix="brief-clients-")
        work = Path(tmp.name)
    ctx = Ctx(brief, work)
    missing = {"tt": have_tt(), "npm": have_npm(), "omegat": have_omegat()}
    for name in filter(None, args.require.split(",")):
        if name not in missing:
            print(f"roundtrip: --require: unknown client {name!r} (omegat, tt, npm)", file=sys.stderr)
            return 2
        if missing[name]:
            print(f"roundtrip: required client {name} is missing: {missing[name]}", file=sys.stderr)
            return 2
    print("client versions:", json.dumps(tool_versions()))
    cases = []
    # OmegaT first: its projects run in the background while the others build.
    builders = (
        ("omegat", "OmegaT 3.6", build_omegat_cases),
        ("script", "script", build_script_cases),
        ("tt", "translate-toolkit", build_tt_cases),
        ("npm", "npm xliff", build_npm_cases),
    )
    missing["script"] = None
    finishers = []
    prefixes = {"tt": ("tt-",), "npm": ("npm-",), "omegat": ("omegat-",), "script": ("script-", "lxml-", "spreadsheet-")}
    for key, label, build in builders:
        if args.only and not any(re.search(args.only, n) for n in EXPECTATIONS if n.startswith(prefixes[key])):
            continue
        if missing[key]:
            print(f"SKIP {label}: {missing[key]}")
            cases.append(Case(f"{key}-*", label, "-", "-", skipped=missing[key]))
            continue
        built = build(ctx)
        if isinstance(built, tuple):
            built, finish = built
            finishers.append(finish)
        cases += built
    for finish in finishers:
        finish()
    # The table lists the plain scripts first and OmegaT last.
    order = {"omegat": 3, "script": 0, "tt": 1, "npm": 2}
    key_of = {"OmegaT 3.6": "omegat", "translate-toolkit": "tt", "npm xliff": "npm"}
    cases.sort(key=lambda c: order[key_of.get(c.client, "script")])
    if args.only:
        cases = [c for c in cases if c.skipped or re.search(args.only, c.name)]
    elif not any(c.skipped for c in cases):
        stale = sorted(set(EXPECTATIONS) - {c.name for c in cases})
        if stale:
            print(f"roundtrip: expectations.py names cases that no longer exist: {', '.join(stale)}", file=sys.stderr)
            return 2
    for c in cases:
        if c.skipped:
            continue
        if c.error:
            c.status, c.detail, c.named = "FAIL", f"client step failed: {c.error}", "-"
            if EXPECTATIONS.get(c.name, Expect(exit=0)).known_failing:
                c.status = "KNOWN"
            continue
        run_case(ctx, c)
    print()
    print_table(cases, sys.stdout)
    print()
    for c in cases:
        if c.status in ("FAIL", "KNOWN") and c.detail:
            tag = "FAIL" if c.status == "FAIL" else "KNOWN FAILING"
            print(f"{tag}: {c.name} [{c.lang}] ({c.note or c.fmt}): {c.detail}")
    flips = [c for c in cases if c.status == "FIXED?"]
    for c in flips:
        print(f"!!! {c.name} [{c.lang}] now gives the expected result: set known_failing=False in scripts/clients/expectations.py")
    known = [c for c in cases if c.status == "KNOWN"]
    if known:
        print(f"!!! {len(known)} case(s) known to fail today (merge does not handle them yet): {', '.join(sorted({c.name for c in known}))}")
    failed = [c for c in cases if c.status == "FAIL"]
    passed = sum(c.status == "PASS" for c in cases)
    skipped = sum(bool(c.skipped) for c in cases)
    took = time.monotonic() - started
    print(f"clients: {passed} passed, {len(failed)} failed, {len(known)} known failing, {len(flips)} to flip, {skipped} client(s) skipped, {took:.1f} s")
    if args.markdown:
        args.markdown.write_text(markdown_table(cases), encoding="utf-8")
    if args.json:
        keys = ("name", "client", "fmt", "lang", "code", "named", "status", "detail", "note", "skipped")
        args.json.write_text(json.dumps([{k: getattr(c, k) for k in keys} for c in cases], ensure_ascii=False, indent=1), encoding="utf-8")
    if tmp:
        tmp.cleanup()
    return 1 if failed or (args.strict and flips) else 0


if __name__ == "__main__":
    sys.exit(main())

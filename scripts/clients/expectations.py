"""What `brief merge` must do with each file a real client gives back.

This is the table to flip while merge is being fixed (issue 9). One entry per
case of `roundtrip.py` (the case names are listed there with what they do):

- exit:   the exit code merge must give (0: merged, 1: problems found).
- kind:   for exit 1, a regular expression that the problem line naming the
          unit must match (the kind word, e.g. "untranslated" or "drift").
- unit:   for exit 1, the unit id that must be named ("s2", "s1-s4"; "LAST"
          for the last unit of the case's export); None when the problem is
          about whole files (mixed exports).
- text:   for exit 0, also compare the assembled text (paragraphs), not only
          the per-unit targets.
- reference: pass `--reference <the export's JSONL>` to merge (the flag of
          issue 9; leave False until merge has it).
- known_failing: merge does not handle the case yet. The case is run and
          reported loudly, but its failure does not fail the harness. Set it
          to False once merge is fixed: from then on a regression fails CI.

A case marked known_failing that passes is reported as "FIXED? flip it";
with `roundtrip.py --strict` it fails the run, so the table cannot go stale.
"""

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Expect:
    exit: int
    kind: Optional[str] = None
    unit: Optional[str] = None
    text: bool = False
    reference: bool = False
    known_failing: bool = False


UNTRANSLATED = r"untranslated|missing translation"

EXPECTATIONS = {
    # --- Round trips that must merge exactly (exit 0, every target right) ---
    "omegat-xliff12-roundtrip": Expect(exit=0, text=True),
    "tt-xliff12-fill": Expect(exit=0, text=True),
    "tt-xliff20-fill": Expect(exit=0, text=True),
    "tt-xliff2po-pomerge": Expect(exit=0, text=True),
    # npm `xliff` drops brief's metadata: merge checks its files against the
    # export's JSONL (--reference), as docs/clients.md tells the desk to.
    "npm-xliff20-roundtrip": Expect(exit=0, reference=True),
    "npm-xliff12-roundtrip": Expect(exit=0, reference=True),
    "script-jsonl-fill": Expect(exit=0, text=True),
    "script-tsv-fill": Expect(exit=0, text=True),
    "lxml-tmx-fill": Expect(exit=0, text=True),
    "omegat-xliff12-empty-targets": Expect(exit=1, kind=UNTRANSLATED, unit="s1"),
    "tt-xliff12-left-empty": Expect(exit=1, kind=UNTRANSLATED, unit="s2"),
    # pomerge matches PO entries by source text: of two units with the same
    # source only the first is filled. merge must report the second (a
    # limitation of pomerge, not of brief; see docs/clients.md).
    "tt-xliff2po-pomerge-duplicate": Expect(exit=1, kind=UNTRANSLATED, unit="s3"),
    # --- Files that are fine but refused or mangled today ---
    # npm `xliff` drops mda:metadata / context-group: the paragraphs are lost.
    "npm-xliff20-paragraphs": Expect(exit=0, text=True, reference=True),
    # LibreOffice/Excel save: RFC 4180 quotes, CRLF, a UTF-8 BOM.
    "spreadsheet-tsv": Expect(exit=0, text=True),
    # TMX without tuid (matched by source text against the reference).
    "omegat-project-tmx": Expect(exit=0, text=True, reference=True),
    "tt-po2tmx": Expect(exit=0, text=True, reference=True),
    # po2xliff without a template writes XLIFF 1.1 with new numeric ids.
    "tt-po2xliff": Expect(exit=0, reference=False, known_failing=True),
    # One XLIFF 1.2 holding a fa <file> and a ru <file>.
    "tt-xliff12-two-languages": Expect(exit=0),
    # The same language as an XLIFF and a TMX that agree.
    "tt-xliff20-and-tmx-agree": Expect(exit=0),
    # Language tags: FA (case) and fa_IR (underscore) are fa / fa-IR.
    "tt-xliff20-lang-upper": Expect(exit=0),
    "tt-xliff12-lang-underscore": Expect(exit=0),
    # Inline markup maps to its text (content of <pc>/<g>, equiv of <ph>),
    # native codes in <bpt>/<ept> never leak into the brief.
    "tt-xliff20-inline-pc": Expect(exit=0, known_failing=False),
    "tt-xliff20-inline-ph-equiv": Expect(exit=0),
    "tt-xliff12-inline-g": Expect(exit=0, known_failing=False),
    "tt-xliff12-inline-bpt": Expect(exit=0),
    "lxml-tmx-inline-bpt": Expect(exit=0),
    # --- Work that is wrong: exit 1, the unit and the kind named ---
    "omegat-xliff12-untranslated": Expect(exit=1, kind=UNTRANSLATED, unit="LAST"),
    "omegat-xliff12-sentence-seg": Expect(exit=1, kind=UNTRANSLATED, unit="s1"),
    "omegat-xliff20-source-copy": Expect(exit=1, kind=UNTRANSLATED, unit="s1"),
    "tt-xliff20-target-equals-source": Expect(exit=1, kind=UNTRANSLATED, unit="s2"),
    # translate-toolkit's Xliff2File leaves state="initial" when a script sets
    # only unit.target (the desk recipe sets state="translated"). Issue 9's
    # rule makes that untranslated, as tt-xliff20-state-initial. In XLIFF 1.2
    # the rule must not apply: OmegaT leaves state="needs-translation" on
    # every unit it translated (omegat-xliff12-roundtrip must stay exit 0).
    "tt-xliff20-fill-state-untouched": Expect(exit=1, kind=UNTRANSLATED, unit="s1"),
    "tt-xliff20-state-initial": Expect(exit=1, kind=UNTRANSLATED, unit="s2"),
    "tt-xliff20-foreign-ns-target": Expect(exit=1, kind=UNTRANSLATED, unit="s2"),
    "tt-xliff20-resegmented": Expect(exit=1, kind=r"partial|partly|untranslated|missing translation", unit="s2"),
    "tt-xliff20-export-mix": Expect(exit=1, kind=r"export", unit=None),
    "npm-xliff20-edited-source": Expect(exit=1, kind=r"drift", unit="s2", reference=True),
    "npm-xliff20-deleted-last": Expect(exit=1, kind=r"missing", unit="LAST", reference=True),
    # A gap in the ids is found without metadata (the last unit is not).
    # Without the reference a file without metadata cannot be checked: exit 1.
    "npm-xliff20-no-reference": Expect(exit=1, kind=r"cannot be checked", unit="s1"),
    "npm-xliff20-deleted-middle": Expect(exit=1, kind=r"missing", unit="s2"),
    # The fingerprints move with the units: only the positions (or a
    # reference) show that s1 now holds the second sentence.
    "tt-xliff20-swapped-ids": Expect(exit=1, kind=r"drift|swap|order", unit="s1"),
    "npm-xliff12-swapped-ids": Expect(exit=1, kind=r"drift|swap|order", unit="s1", reference=True),
}

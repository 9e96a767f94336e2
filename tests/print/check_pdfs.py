"""Reads PDF leaflets with real PDF clients, for tests/print/clients.sh.

    python check_pdfs.py [--allow 'CHECKER/RULE[@GLOB] reason']... easy=FILE... standard=FILE...

For each FILE:
- pdfplumber (pdfminer.six underneath) must find at least one page and some text, and no
  character smaller than the form allows: 14 pt in an Easy read leaflet, 11 pt in a standard
  one. The smallest size is printed, with the text set at it.
- two PDF/UA-1 checkers from PyPI look at it: `pdfua` (a dozen structural checks, the
  ones the issue names, on pikepdf) and `page` (package page-validation: the whole PDF/UA-1
  rule set that veraPDF checks, compiled from Rust). Two, because pdfua says itself that it
  covers 15 % of the machine-checkable rules, and page alone would leave the named checks
  to one tool that is young.
Every finding fails unless an --allow names it: `pdfua/UA-07-001` or `page/PDFUA1-...`,
optionally `@GLOB` to limit it to files whose name matches, then a reason. The list lives
in clients.sh, so that an exception is written where the check is run, with its reason.

Prints one block per file and a closing line; exits 1 if anything failed, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
from collections import defaultdict

import pdfplumber
import page
import pdfua

# The smallest text each form may have, in points. The templates set 16 pt (Easy read) and
# 12 pt (standard); the floors are lower, so that a footer or a note set a little
# smaller passes, but text a reader cannot read does not.
SMALLEST = {"easy": 14.0, "standard": 11.0}
FORM_NAMES = {"easy": "Easy read", "standard": "standard"}
# pdfminer's sizes come from matrices, so 14 pt may read as 13.9999999.
TOLERANCE = 0.01
# A rule that fires on every line would print hundreds of lines: show this many messages
# of each rule per file, and count the rest.
SHOWN_PER_RULE = 5


class Allow:
    """One allow-list entry: a finding key, the files it is for, and why."""

    def __init__(self, entry: str) -> None:
        key, _, reason = entry.strip().partition(" ")
        if not reason.strip() or "/" not in key:
            raise ValueError(f"allow-list entry {entry!r} needs 'CHECKER/RULE[@GLOB] reason'")
        self.key, _, glob = key.partition("@")
        self.glob = glob or "*"
        self.reason = reason.strip()
        self.used = False

    def covers(self, key: str, path: str) -> bool:
        return key == self.key and fnmatch.fnmatch(os.path.basename(path), self.glob)


def plumb(path: str, form: str) -> tuple[list[str], list[str]]:
    """pdfplumber's reading of one file: (lines to print, failures)."""
    failures: list[str] = []
    floor = SMALLEST[form]
    smallest = None
    sample = ""
    chars = 0
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for page_no, pdf_page in enumerate(pdf.pages, start=1):
            # A space prints nothing, so its size is nobody's concern.
            visible = [c for c in pdf_page.chars if c["text"].strip()]
            chars += len(visible)
            if not visible:
                continue
            least = min(round(c["size"], 2) for c in visible)
            if smallest is None or least < smallest - TOLERANCE:
                smallest = least
                # A line set at that size, with its spaces (pdfplumber puts them back from the
                # gaps), so that a failure says which text is too small. Not a line of a few
                # characters: Nastaliq's dots sit above the line and read as lines of their own.
                at_least = pdf_page.filter(
                    lambda o: o.get("object_type") != "char" or abs(round(o["size"], 2) - least) <= TOLERANCE
                )
                text = [line.strip() for line in (at_least.extract_text() or "").splitlines()]
                line = next((t for t in text if len(t) >= 8), text[0] if text else "")
                sample = f"page {page_no}: {line[:60]}"
    if pages < 1:
        failures.append("pdfplumber finds no page")
    if chars == 0:
        failures.append("pdfplumber finds no text")
    lines = [f"pdfplumber {pdfplumber.__version__}: {pages} page(s), {chars} characters"]
    if smallest is not None:
        verdict = "ok" if smallest >= floor - TOLERANCE else "TOO SMALL"
        lines.append(f"smallest text {smallest:g} pt (needs {floor:g} pt or more for {FORM_NAMES[form]}): {verdict}")
        lines.append(f"  first set at {smallest:g} pt: {sample}")
        if verdict != "ok":
            failures.append(f"text of {smallest:g} pt, below {floor:g} pt ({sample})")
    return lines, failures


def pdfua_findings(path: str) -> list[tuple[str, str]]:
    """(key, message) for each finding of pdfua, and each of its rules that could not run."""
    found: list[tuple[str, str]] = []
    try:
        report = pdfua.validate(path)
    except pdfua.PdfuaError as exc:
        return [("pdfua/unreadable", str(exc))]
    for finding in report.findings:
        found.append(
            (
                f"pdfua/{finding.rule_id}",
                f"{finding.severity.name.lower()} ({finding.confidence.value}) at "
                f"{finding.location.describe()}: {finding.message}",
            )
        )
    # pdfua reports a rule it could not evaluate as skipped, not as passed: that is no pass.
    for outcome in report.skipped:
        found.append((f"pdfua/{outcome.rule_id}", f"not run: {outcome.skipped_reason}"))
    return found


def page_findings(path: str) -> tuple[list[tuple[str, str]], str]:
    """(key, message) for each failed check of page's PDF/UA-1 profile, and a summary."""
    try:
        report = page.validate_pdf(path, profile=page.ValidationProfile.PDF_UA_1)
    except page.PageError as exc:
        return [("page/unreadable", f"{type(exc).__name__}: {exc}")], "could not read it"
    found = []
    for failure in report.failures:
        where = f"object {failure.object_id.object_number} {failure.object_id.generation}" if failure.object_id else "document"
        found.append((f"page/{failure.rule_id}", f"{failure.category.value} at {where}: {failure.message}"))
    verdict = "conformant" if report.is_compliant else "non-conformant"
    summary = f"{verdict}, {report.rules.failed} of {report.rules.total} rules failed"
    return found, summary


def judge(findings: list[tuple[str, str]], path: str, allows: list[Allow]) -> tuple[list[str], list[str]]:
    """Groups findings by rule, for printing, and gives the rules no allow-list entry covers."""
    by_rule: dict[str, list[str]] = defaultdict(list)
    for key, message in findings:
        by_rule[key].append(message)
    lines, failed = [], []
    for key, messages in by_rule.items():
        allow = next((a for a in allows if a.covers(key, path)), None)
        if allow:
            allow.used = True
            lines.append(f"  {key} (allowed: {allow.reason})")
        else:
            lines.append(f"  {key}")
            failed.append(f"{key} ({len(messages)} finding(s))")
        for message in messages[:SHOWN_PER_RULE]:
            lines.append(f"    {message}")
        if len(messages) > SHOWN_PER_RULE:
            lines.append(f"    … and {len(messages) - SHOWN_PER_RULE} more of {key}")
    return lines, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--allow", action="append", default=[], metavar="'CHECKER/RULE[@GLOB] reason'")
    parser.add_argument("leaflets", nargs="+", metavar="FORM=FILE", help="FORM is easy or standard")
    args = parser.parse_args()
    try:
        allows = [Allow(entry) for entry in args.allow]
    except ValueError as exc:
        parser.error(str(exc))
    leaflets = []
    for item in args.leaflets:
        form, _, path = item.partition("=")
        if form not in SMALLEST or not path:
            parser.error(f"{item!r}: expected easy=FILE or standard=FILE")
        leaflets.append((form, path))

    failures: list[str] = []
    passed = 0
    for form, path in leaflets:
        name = os.path.basename(path)
        print(f"{path} ({FORM_NAMES[form]})")
        problems: list[str] = []

        try:
            lines, failed = plumb(path, form)
        except Exception as exc:  # pdfminer has no one error class: any is a file it cannot read
            lines, failed = [f"pdfplumber cannot read it: {type(exc).__name__}: {exc}"], ["pdfplumber cannot read it"]
        problems += failed
        for line in lines:
            print(f"  {line}")

        found = pdfua_findings(path)
        print(f"  pdfua {pdfua.__version__}: {len(found)} finding(s)")
        lines, failed = judge(found, path, allows)
        problems += [f"pdfua: {f}" for f in failed]
        for line in lines:
            print(f"  {line}")

        found, summary = page_findings(path)
        print(f"  page {page.__version__} (PDF/UA-1): {summary}, {len(found)} failed check(s)")
        lines, failed = judge(found, path, allows)
        problems += [f"page: {f}" for f in failed]
        for line in lines:
            print(f"  {line}")

        if problems:
            failures += [f"{name}: {p}" for p in problems]
        else:
            passed += 1

    for allow in allows:
        if not allow.used:
            print(f"note: allow-list entry {allow.key}@{allow.glob} matched nothing: it can go")
    # The failures go to stderr; what came before them must show first.
    sys.stdout.flush()
    for failure in failures:
        print(f"check_pdfs.py: {failure}", file=sys.stderr)
    print(f"leaflets: {passed} passed, {len(leaflets) - passed} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

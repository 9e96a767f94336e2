#!/usr/bin/env python3
"""Time clearleaf on adversarial inputs at 1x and 4x size, to show that each costs linear time.

    python3 bench/adversarial.py [--bin PATH] [--work DIR] [--scale F] [--only NAME,...] [--repeat N]

For each input it writes a small site at 1x and at 4x size under DIR (default
/tmp/clearleaf-adversarial), runs `clearleaf check` on each and prints a table: the CPU seconds
(user + system, of the child process) at 1x and 4x, their ratio, and the verdict: linear when
the ratio is at most 5. CPU time rather than wall time, because the machines this runs on are
shared; each figure is the least of N runs (default 3) on the same site, for the same reason.
--scale multiplies every size (0.25 for a quick look; use the defaults for figures).
--bin defaults to target/release/clearleaf, else target/debug/clearleaf. Python 3 only.

The inputs are those of issue 19 ("quadratic time"), with nesting kept within the limit of 256
levels (deeper pages are refused early, and that row shows the refusal is linear too):

- deep-divs: sibling subtrees of raw <div>s, each 250 deep;
- deep-divs-refused: one chain of raw <div>s far past the limit (refused with an error);
- deep-quotes: sibling block quotes, each 250 deep;
- wide-table: one table with that many columns;
- same-headings: that many headings with the same text;
- footnotes: that many footnotes, each referenced once;
- yaml-flow-front: front matter with flow lists nested that deep (refused past the limit);
- yaml-flow-site: the same in site.yaml;
- deep-roles: sibling subtrees of <div role="listitem">, each 250 deep;
- one-folder: that many pages in one section;
- one-folder-top: that many pages at the top level (the home page's section).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

SITE_YAML = "title: Adversarial\nbase_url: https://example.org/\nlanguages: [en]\nchecks:\n  EASY-READ-MISSING: off\n"
HOME = "---\ntitle: Home\ndescription: The home page.\n---\nWelcome.\n"


def page(title: str, body: str) -> str:
    return f"---\ntitle: {title}\ndescription: A page.\n---\n{body}"


def deep_divs(n: int) -> dict[str, str]:
    # n divs in all, in trees 250 deep, one after another.
    depth = 250
    tree = "<div>" * depth + "x" + "</div>" * depth + "\n"
    return {"content/p.md": page("Divs", tree * max(1, n // depth))}


def deep_divs_refused(n: int) -> dict[str, str]:
    return {"content/p.md": page("Divs", "<div>" * n + "x" + "</div>" * n + "\n")}


def deep_quotes(n: int) -> dict[str, str]:
    depth = 250
    quote = "> " * depth + "deep\n\n"
    return {"content/p.md": page("Quotes", quote * max(1, n // depth))}


def wide_table(n: int) -> dict[str, str]:
    head = "|" + "|".join(f"h{i}" for i in range(n)) + "|\n"
    rule = "|" + "|".join("-" for _ in range(n)) + "|\n"
    row = "|" + "|".join(f"c{i}" for i in range(n)) + "|\n"
    return {"content/p.md": page("Table", head + rule + row)}


def same_headings(n: int) -> dict[str, str]:
    return {"content/p.md": page("Headings", "".join("## Same\n\nText.\n\n" for _ in range(n)))}


def footnotes(n: int) -> dict[str, str]:
    refs = "".join(f"Text[^{i}].\n\n" for i in range(n))
    notes = "".join(f"[^{i}]: Note {i}.\n" for i in range(n))
    return {"content/p.md": page("Notes", refs + notes)}


def yaml_flow_front(n: int) -> dict[str, str]:
    return {"content/p.md": f"---\ntitle: Flow\nx: {'[' * n}{']' * n}\n---\nText.\n"}


def yaml_flow_site(n: int) -> dict[str, str]:
    return {"site.yaml": SITE_YAML + f"x: {'[' * n}{']' * n}\n"}


def one_folder(n: int) -> dict[str, str]:
    files = {"content/many/_index.md": page("Many", "Many pages.\n")}
    for i in range(n):
        files[f"content/many/p{i}.md"] = page(f"Page {i}", f"Page number {i}.\n")
    return files


def one_folder_top(n: int) -> dict[str, str]:
    # The same pages at the top level: the home page is their section.
    return {f"content/p{i}.md": page(f"Page {i}", f"Page number {i}.\n") for i in range(n)}


def deep_roles(n: int) -> dict[str, str]:
    # ARIA list items nested 250 deep, in subtrees one after another: every item asks for the
    # role of the element it is in.
    depth = 250
    tree = '<div role="listitem">' * depth + "x" + "</div>" * depth + "\n"
    return {"content/p.md": page("Roles", tree * max(1, n // depth))}


# name, generator, 1x size
INPUTS = [
    ("deep-divs", deep_divs, 50_000),
    ("deep-divs-refused", deep_divs_refused, 25_000),
    ("deep-quotes", deep_quotes, 25_000),
    ("deep-roles", deep_roles, 25_000),
    ("wide-table", wide_table, 12_500),
    ("same-headings", same_headings, 5_000),
    ("footnotes", footnotes, 12_500),
    ("yaml-flow-front", yaml_flow_front, 25_000),
    ("yaml-flow-site", yaml_flow_site, 25_000),
    ("one-folder", one_folder, 25_000),
    ("one-folder-top", one_folder_top, 25_000),
]


def write_site(root: Path, files: dict[str, str]) -> None:
    if root.exists():
        shutil.rmtree(root)
    base = {"site.yaml": SITE_YAML, "content/_index.md": HOME}
    base.update(files)
    for rel, text in base.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def cpu_of_child(cmd: list[str]) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "CLEARLEAF_TODAY": "2026-11-21"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, done.returncode


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin")
    ap.add_argument("--work", default="/tmp/clearleaf-adversarial")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", default="")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    binary = args.bin or next((str(p) for p in [here / "target/release/clearleaf", here / "target/debug/clearleaf"] if p.exists()), None)
    if binary is None:
        print("no clearleaf binary: run `cargo build --release` or pass --bin", file=sys.stderr)
        return 2
    only = set(filter(None, args.only.split(",")))
    work = Path(args.work)
    print(f"binary: {binary}")
    print(f"{'input':<20} {'1x size':>9} {'1x s':>8} {'4x s':>8} {'ratio':>6}  verdict (exit 1x/4x)")
    all_linear = True
    for name, make, size in INPUTS:
        if only and name not in only:
            continue
        size = max(1, int(size * args.scale))
        times, codes = [], []
        for factor in (1, 4):
            root = work / f"{name}-{factor}x"
            write_site(root, make(size * factor))
            runs = [cpu_of_child([binary, "check", "--root", str(root)]) for _ in range(args.repeat)]
            cpu, code = min(runs)
            times.append(cpu)
            codes.append(code)
            shutil.rmtree(root)
        ratio = times[1] / max(times[0], 0.01)
        linear = ratio <= 5
        all_linear &= linear
        print(f"{name:<20} {size:>9,} {times[0]:>8.2f} {times[1]:>8.2f} {ratio:>6.2f}  {'linear' if linear else 'SUPERLINEAR'} ({codes[0]}/{codes[1]})", flush=True)
    return 0 if all_linear else 1


if __name__ == "__main__":
    sys.exit(main())

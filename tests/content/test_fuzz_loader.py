"""Mutated scenario files fed to the loader: it either loads them or reports findings; nothing else, and never slowly.

Hypothesis is derandomized in CI (the `ci` profile in tests/conftest.py), so the same mutations
run every time there; on a developer's machine each run tries new ones.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from content_kit import TINY
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.findings import ContentError
from game.content.load import load_scenario

SOURCE = (TINY / "content.yaml").read_text(encoding="utf-8")
LINES = SOURCE.splitlines()

# Fragments that stress YAML and the models: anchors, tags, odd scalars, brackets, big numbers.
FRAGMENTS = [
    "&a",
    "*a",
    "<<: *a",
    "!!python/object:os.system",
    "!!str",
    "!!binary",
    "!custom",
    "[",
    "]",
    "{",
    "}",
    "- ",
    ": ",
    "? ",
    "null",
    "~",
    "true",
    "1e9",
    "99999999999999999999",
    "-1",
    "0x1F",
    "0o17",
    "1_000",
    "'x'",
    '"\\u0000"',
    "|",
    ">",
    "#",
    "---",
    "...",
    "1957-13-45",
    "1960-Q9",
    "$op: patch",
    "$op: remove",
    "op: all",
    "op: nope",
    "id: rocket",
    "requires: [lander]",
    "\t",
    "\u00e9",
    "\ufeff",
    "%YAML 1.1",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "replace", "indent", "bytes"]))
        i = draw(st.integers(0, len(lines) - 1)) if lines else 0
        if not lines:
            lines.append(draw(st.sampled_from(FRAGMENTS)))
        elif kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            lines.insert(i, draw(st.sampled_from(FRAGMENTS)))
        elif kind == "replace":
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            cut = draw(st.integers(0, 8))
            lines[i] = line[:at] + draw(st.sampled_from(FRAGMENTS)) + line[at + cut :]
        elif kind == "indent":
            lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip()
        else:
            lines[i] = lines[i] + draw(st.text(min_size=1, max_size=4))
    return "\n".join(lines) + "\n"


@settings(max_examples=120)
@given(text=mutated())
def test_a_mutated_scenario_loads_or_is_reported(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "tiny"
        shutil.copytree(TINY, folder)
        (folder / "content.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        started = time.process_time()  # CPU time: a busy machine must not fail a load that is quick
        try:
            scenario = load_scenario(str(folder))
        except ContentError as e:
            assert e.findings, "a failed load must say why"
            for f in e.findings:
                assert "\n" not in f.format()
        else:
            assert scenario.ruleset.sides
        assert time.process_time() - started < 1.0  # no mutation makes the loader crawl (a YAML bomb)


@settings(max_examples=60)
@given(data=st.binary(max_size=2000))
def test_random_bytes_load_or_are_reported(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "tiny"
        shutil.copytree(TINY, folder)
        (folder / "content.yaml").write_bytes(data)
        try:
            load_scenario(str(folder))
        except ContentError as e:
            assert all("\n" not in f.format() for f in e.findings)

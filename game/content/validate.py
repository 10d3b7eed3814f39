"""Pass 1 of validation: every record against its model, for files and for content kept in saves alike.

What passes becomes `Content` (the records as their models); what does not becomes findings at the
exact file and line (`game.content.explain`), and its id is kept so that pass 2 does not call it unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from pydantic import ValidationError

from game.content import models as m
from game.content.build import Content, record_label
from game.content.explain import findings_for
from game.content.findings import ERROR, Finding
from game.content.formats import formats
from game.content.merge import Merged

MAX_EXPRESSION = 200  # conditions and effects in one record, counted one per `op`


def _expression_size(node: Any, budget: int) -> int:
    """How many conditions and effects `node` holds, counting no further than `budget`."""
    count = 0
    stack = [node]
    while stack and count <= budget:
        cur = stack.pop()
        if isinstance(cur, dict):
            if "op" in cur:
                count += 1
            stack.extend(cur.values())
        elif isinstance(cur, list):
            stack.extend(cur)
    return count


class Entry(NamedTuple):
    """One record to validate, and where it came from (for findings)."""

    kind: str
    rid: str
    data: Any
    path: str
    line: int


def _valid_settings(data: Any, path: str, line: int, findings: list[Finding]) -> m.Settings | None:
    try:
        return m.Settings.model_validate(data)
    except ValidationError as e:
        findings.extend(findings_for(m.Settings, data, e, path, line, "settings"))
        return None


def validate_records(
    entries: Iterable[Entry], findings: list[Finding]
) -> tuple[dict[str, list[Any]], dict[str, set[str]]]:
    """Pass 1: every record against its model, for files and saves alike.

    Returns the records that passed, by kind, and the ids of those that did not (so that pass 2
    does not call them unknown).
    """
    kinds = formats().kinds
    records: dict[str, list[Any]] = {k: [] for k in kinds}
    broken: dict[str, set[str]] = {k: set() for k in kinds}
    for kind, rid, data, path, line in entries:
        model, _prefix = kinds[kind]
        label = record_label(kind, rid)
        if _expression_size(data, MAX_EXPRESSION) > MAX_EXPRESSION:
            findings.append(
                Finding(
                    ERROR,
                    path,
                    line,
                    label,
                    "",
                    f"more than {MAX_EXPRESSION} conditions and effects in one record",
                    "split it into several events",
                    "limit/expression",
                )
            )
            broken[kind].add(rid)
            continue
        try:
            records[kind].append(model.model_validate(data))
        except ValidationError as e:
            findings.extend(findings_for(model, data, e, path, line, label))
            broken[kind].add(rid)
    return records, broken


def validated(merged: Merged, findings: list[Finding]) -> Content:
    """Pass 1 over merged files: the settings and every record against their models."""
    spath = merged.settings.file or "(scenario)"
    settings = None
    if not merged.settings:
        findings.append(
            Finding(
                ERROR,
                spath,
                0,
                "settings",
                "",
                "the scenario has no settings (start and end dates)",
                "add a `settings:` block to one of its files",
                "schema/no_settings",
            )
        )
    else:
        settings = _valid_settings(merged.settings, spath, merged.settings.line, findings)
    entries = (
        Entry(kind, rid, raw.data, raw.path, raw.line) for kind in m.KINDS for rid, raw in merged.records[kind].items()
    )
    records, broken = validate_records(entries, findings)
    strings = {lang: dict(table) for lang, table in merged.strings.items()}
    return Content(settings, records, strings, list(merged.languages), broken=broken)


SAVED = "(saved content)"


def saved_content(content: Any, findings: list[Finding]) -> Content | None:
    """Content kept in a save, through pass 1 like files; None if it is not content at all."""
    if not isinstance(content, dict) or not isinstance(content.get("settings"), dict):
        findings.append(Finding(ERROR, SAVED, 0, "settings", "", "missing or not a mapping", "", "save/content"))
        return None
    entries: list[Entry] = []
    for kind in m.KINDS:
        items = content.get(kind, [])
        if not isinstance(items, list):
            findings.append(Finding(ERROR, SAVED, 0, kind, "", "should be a list", "", "save/content"))
            return None
        for i, item in enumerate(items):
            rid = item.get("id", i) if isinstance(item, dict) else i
            entries.append(Entry(kind, str(rid), item, SAVED, 0))
    strings = content.get("strings", {})
    if not isinstance(strings, dict) or not all(
        isinstance(t, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in t.items())
        for t in strings.values()
    ):
        findings.append(
            Finding(ERROR, SAVED, 0, "strings", "", "should map languages to tables of texts", "", "save/content")
        )
        return None
    settings = _valid_settings(content["settings"], SAVED, 0, findings)
    records, broken = validate_records(entries, findings)
    languages = content.get("languages")
    return Content(
        settings,
        records,
        {lang: dict(table) for lang, table in strings.items()},
        [x for x in languages if isinstance(x, str)] if isinstance(languages, list) else [],
        id=str(content.get("id", "scenario")),
        mods=[str(x) for x in content.get("mods", ())] if isinstance(content.get("mods"), list) else [],
        broken=broken,
    )

"""Scenario + mods -> one merged, validated, read-only Ruleset with its translations.

The pipeline: order the layers (scenario, then mods by `requires`/`load_after`), read every
file with the safe YAML reader, merge records by id (`$op: patch` / `$op: remove`), validate
each merged record against its model (pass 1), check meaning across records (pass 2, in
`game.content.semantic`), then build the engine's rule dataclasses (`game.content.build`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game.content import models as m
from game.content.build import normalize_texts
from game.content.findings import ERROR, INFO, ContentError, Finding, did_you_mean
from game.content.packages import Package, discover, read_package
from game.content.yamlsafe import YamlError, load_yaml
from game.engine.rules import Ruleset

MAX_RECORDS = 5000
KIND_NAMES = {kind: prefix for kind, (_, prefix) in m.KINDS.items()}


@dataclass
class RawRecord:
    data: dict[str, Any]
    path: str
    line: int
    layer: str


@dataclass
class Merged:
    """Records of every kind by id, in first-seen order, with where each last came from."""

    settings: dict[str, Any] = field(default_factory=dict)
    settings_origin: tuple[str, int] = ("", 0)
    records: dict[str, dict[str, RawRecord]] = field(default_factory=lambda: {k: {} for k in m.KINDS})
    strings: dict[str, dict[str, str]] = field(default_factory=dict)
    string_origin: dict[tuple[str, str], str] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Scenario:
    """A playable ruleset with its texts, the layers it came from, and what validation said."""

    ruleset: Ruleset
    strings: dict[str, dict[str, str]]
    layers: tuple[Package, ...]
    findings: tuple[Finding, ...]
    content: dict[str, Any]  # the merged, validated content: what a save keeps to rebuild the ruleset

    @property
    def id(self) -> str:
        return self.ruleset.id

    @property
    def languages(self) -> list[str]:
        return list(self.strings)

    def text(self, key: str, lang: str = "en") -> str:
        for table in (self.strings.get(lang), self.strings.get("en")):
            if table and key in table:
                return table[key]
        return key


# ------------------------------------------------------------------------------ layers


def order_layers(packages: dict[str, Package], scenario: str, mods: list[str]) -> tuple[list[Package], list[Finding]]:
    """The scenario first, then mods so that each comes after what it requires or loads after."""
    problems: list[Finding] = []
    if scenario not in packages or packages[scenario].is_mod:
        choices = [p for p, pkg in packages.items() if not pkg.is_mod]
        hint = did_you_mean(scenario, choices)
        problems.append(Finding(ERROR, scenario, 0, "", "", f"no scenario {scenario!r} installed", hint))
        return [], problems
    wanted: list[str] = []
    for mod in mods:
        if mod not in packages:
            problems.append(Finding(ERROR, mod, 0, "", "", f"no mod {mod!r} installed", did_you_mean(mod, packages)))
        elif not packages[mod].is_mod:
            problems.append(Finding(ERROR, mod, 0, "", "", f"{mod!r} is a scenario, not a mod"))
        elif mod not in wanted:
            wanted.append(mod)
    present = {scenario, *wanted}
    for mod in wanted:
        man = packages[mod].manifest
        mpath = str(packages[mod].path / "manifest.yaml")
        for req in man.requires:
            if req not in present:
                problems.append(Finding(ERROR, mpath, 0, f"mod({mod})", "requires", f"needs {req!r}, which is not loaded"))
        for con in man.conflicts:
            if con in present:
                problems.append(Finding(ERROR, mpath, 0, f"mod({mod})", "conflicts", f"cannot be loaded with {con!r}"))
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(mod: str) -> None:
        if mod in ordered:
            return
        if mod in visiting:
            problems.append(Finding(ERROR, mod, 0, f"mod({mod})", "load_after", "load order goes round in a circle"))
            return
        visiting.add(mod)
        man = packages[mod].manifest
        for dep in [*man.requires, *man.load_after]:
            if dep in wanted:
                visit(dep)
        visiting.discard(mod)
        ordered.append(mod)

    for mod in wanted:
        visit(mod)
    return [packages[scenario], *(packages[x] for x in ordered)], problems


# ------------------------------------------------------------------------------ merging


def _flatten_strings(data: Any, prefix: str, out: dict[str, str]) -> None:  # noqa: ANN401
    if isinstance(data, dict):
        for k, v in data.items():
            _flatten_strings(v, f"{prefix}.{k}" if prefix else str(k), out)
    elif data is not None:
        out[prefix] = str(data)


def _merge_package(pkg: Package, merged: Merged, findings: list[Finding]) -> None:
    for lang in pkg.manifest.languages:
        if lang not in merged.languages:
            merged.languages.append(lang)
    for lang, path in pkg.string_files.items():
        try:
            data = load_yaml(path)
        except YamlError as e:
            findings.append(Finding(ERROR, e.path, e.line, "", "", e.message))
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            findings.append(Finding(ERROR, str(path), 1, "", "", "a strings file must map keys to texts"))
            continue
        flat: dict[str, str] = {}
        _flatten_strings(data, "", flat)
        table = merged.strings.setdefault(lang, {})
        for k, v in flat.items():
            table[k] = v
            merged.string_origin[(lang, k)] = str(path)
    for path in pkg.content_files:
        try:
            data = load_yaml(path)
        except YamlError as e:
            findings.append(Finding(ERROR, e.path, e.line, "", "", e.message))
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            findings.append(Finding(ERROR, str(path), 1, "", "", "a content file must be a mapping of record kinds"))
            continue
        for kind, items in data.items():
            if kind == "settings":
                if not isinstance(items, dict):
                    findings.append(Finding(ERROR, str(path), getattr(data, "line", 1), "settings", "", "must be a mapping"))
                    continue
                merged.settings.update({k: v for k, v in items.items() if k != "$op"})
                merged.settings_origin = (str(path), getattr(items, "line", 1))
                continue
            if kind not in m.KINDS:
                hint = did_you_mean(str(kind), [*m.KINDS, "settings"])
                findings.append(Finding(ERROR, str(path), getattr(data, "line", 1), "", str(kind), "unknown kind of record", hint))
                continue
            if not isinstance(items, list):
                findings.append(Finding(ERROR, str(path), getattr(items, "line", 1), "", str(kind), "must be a list of records"))
                continue
            for item in items:
                _merge_record(pkg, path, kind, item, merged, findings)
    total = sum(len(v) for v in merged.records.values())
    if total > MAX_RECORDS:
        findings.append(Finding(ERROR, str(pkg.path), 0, "", "", f"more than {MAX_RECORDS} records"))


def _merge_record(pkg: Package, path: Path, kind: str, item: Any, merged: Merged, findings: list[Finding]) -> None:  # noqa: ANN401
    prefix = KIND_NAMES[kind]
    line = getattr(item, "line", 0)
    if not isinstance(item, dict):
        findings.append(Finding(ERROR, str(path), line, prefix, "", "a record must be a mapping with an id"))
        return
    rid = item.get("id")
    if not isinstance(rid, str):
        findings.append(Finding(ERROR, str(path), line, prefix, "id", "every record needs a text id"))
        return
    op = item.get("$op", "add")
    table = merged.records[kind]
    label = f"{prefix}({rid})"
    if op == "remove":
        if rid not in table:
            findings.append(Finding(ERROR, str(path), line, label, "$op", "removes a record that does not exist", did_you_mean(rid, table)))
        else:
            del table[rid]
            findings.append(Finding(INFO, str(path), line, label, "", f"removed by {pkg.id}"))
        return
    if op == "patch":
        if rid not in table:
            findings.append(Finding(ERROR, str(path), line, label, "$op", "patches a record that does not exist", did_you_mean(rid, table)))
            return
        base = table[rid]
        data = dict(base.data)
        data.update({k: v for k, v in item.items() if k != "$op"})
        table[rid] = RawRecord(data, str(path), line, pkg.id)
        findings.append(Finding(INFO, str(path), line, label, "", f"patched by {pkg.id} (was from {base.layer})"))
        return
    if op != "add":
        findings.append(Finding(ERROR, str(path), line, label, "$op", f"unknown operation {op!r}", "use patch or remove"))
        return
    data = {k: v for k, v in item.items() if k != "$op"}
    if rid in table:
        old = table[rid]
        if old.layer == pkg.id:
            findings.append(Finding(ERROR, str(path), line, label, "id", f"defined twice (also at {old.path}:{old.line})"))
            return
        findings.append(Finding(INFO, str(path), line, label, "", f"replaced by {pkg.id} (was from {old.layer})"))
    table[rid] = RawRecord(data, str(path), line, pkg.id)


# ------------------------------------------------------------------------------ pass 1: shapes


def _line_at(data: Any, loc: tuple[Any, ...], default: int) -> int:  # noqa: ANN401
    line = default
    node = data
    for key in loc:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        line = getattr(node, "line", line)
    return line


def _loc_text(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).startswith(("Cond", "Eff")) or part in ("function-after", "tagged-union"):
            continue  # pydantic's union branch names mean nothing to a modder
        else:
            out += ("." if out else "") + str(part)
    return out


def _message(err: dict[str, Any]) -> str:
    if err["type"] == "extra_forbidden":
        return "unknown field"
    if err["type"] == "union_tag_invalid":
        return f"unknown op {err['input'] if not isinstance(err['input'], dict) else err['input'].get('op')!r}"
    if err["type"] == "union_tag_not_found":
        return "needs an `op`"
    return str(err["msg"])


def _validate(model: type[BaseModel], raw: dict[str, Any], path: str, line: int, label: str, findings: list[Finding]) -> BaseModel | None:
    try:
        return model.model_validate(raw)
    except ValidationError as e:
        for err in e.errors():
            loc = tuple(err["loc"])
            field_name = _loc_text(loc)
            hint = ""
            if err["type"] == "extra_forbidden" and loc:
                hint = did_you_mean(str(loc[-1]), _field_names(model, loc))
            findings.append(Finding(ERROR, path, _line_at(raw, loc, line), label, field_name, _message(err), hint))
        return None


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    if len(loc) == 1:
        return list(model.model_fields)
    return []


# ------------------------------------------------------------------------------ the whole pipeline


def merge_layers(layers: list[Package]) -> tuple[Merged, list[Finding]]:
    merged = Merged()
    findings: list[Finding] = []
    for pkg in layers:
        _merge_package(pkg, merged, findings)
    return merged, findings


def _validated(merged: Merged, findings: list[Finding]) -> dict[str, Any] | None:
    """Pass 1: every record against its model. Returns the content as plain data, or None."""
    path, line = merged.settings_origin
    settings = _validate(m.Settings, merged.settings, path or "settings", line, "settings", findings)
    if not merged.settings:
        findings.append(Finding(ERROR, path or "(scenario)", 0, "settings", "", "the scenario has no settings (start and end dates)"))
    content: dict[str, Any] = {"settings": settings.model_dump(mode="json") if settings else {}}
    ok = settings is not None
    for kind, (model, prefix) in m.KINDS.items():
        items = []
        for rid, raw in merged.records[kind].items():
            rec = _validate(model, raw.data, raw.path, raw.line, f"{prefix}({rid})", findings)
            if rec is None:
                ok = False
                continue
            items.append(rec.model_dump(mode="json", exclude_defaults=False))
        content[kind] = items
    content["strings"] = merged.strings
    content["languages"] = merged.languages
    normalize_texts(content)
    return content if ok else None


def fingerprint(content: dict[str, Any]) -> str:
    blob = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


Origins = dict[tuple[str, str], tuple[str, int]]


def build_scenario(
    content: dict[str, Any],
    layers: tuple[Package, ...] = (),
    findings: list[Finding] | None = None,
    origins: Origins | None = None,
) -> Scenario:
    """Build a playable Scenario from merged content (from files or from a save); raises ContentError.

    `origins` maps (kind, id) to the file and line a record came from, for the findings.
    """
    from game.content.build import build_ruleset
    from game.content.semantic import check_meaning

    findings = list(findings or [])
    origins = origins or {}
    check_meaning(content, origins, findings)
    if any(f.severity == ERROR for f in findings):
        raise ContentError(findings)
    ruleset = build_ruleset(content, fingerprint(content))
    return Scenario(ruleset, content["strings"], layers, tuple(findings), content)


def load_layers(layers: list[Package]) -> Scenario:
    merged, findings = merge_layers(layers)
    content = _validated(merged, findings)
    if content is None or any(f.severity == ERROR for f in findings):
        raise ContentError(findings)
    content["id"] = layers[0].id
    content["mods"] = [p.id for p in layers[1:]]
    origins: Origins = {
        (kind, rid): (raw.path, raw.line) for kind, table in merged.records.items() for rid, raw in table.items()
    }
    origins[("settings", "")] = merged.settings_origin
    for (lang, key), path in merged.string_origin.items():
        origins[(f"strings.{lang}", key)] = (path, 0)
    return build_scenario(content, tuple(layers), findings, origins)


def load_scenario(scenario: str, mods: list[str] | tuple[str, ...] = (), extra_dirs: list[Path] | None = None) -> Scenario:
    """Load an installed scenario (by id, or a folder path) with mods (ids or folders); raises ContentError."""
    packages, problems = discover(extra_dirs)
    scenario_id = _register_path(scenario, packages, problems)
    mod_ids = [_register_path(x, packages, problems) for x in mods]
    layers, order_problems = order_layers(packages, scenario_id, mod_ids)
    problems = [p for p in problems if p.severity == ERROR and _concerns(p, layers)] + order_problems
    if problems:
        raise ContentError(problems)
    return load_layers(layers)


def _concerns(problem: Finding, layers: list[Package]) -> bool:
    """A broken package elsewhere in the folder should not stop loading an unrelated scenario."""
    return any(str(p.path) in problem.path for p in layers)


def _register_path(name: str, packages: dict[str, Package], problems: list[Finding]) -> str:
    path = Path(name)
    if ("/" in name or name.startswith(".")) and path.is_dir():
        try:
            pkg = read_package(path)
        except ContentError as e:
            problems.extend(e.findings)
            return name
        packages[pkg.id] = pkg
        return pkg.id
    return name


def installed() -> tuple[dict[str, Package], list[Finding]]:
    return discover()

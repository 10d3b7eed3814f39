"""Scenario + mods -> one merged, validated, read-only Ruleset with its translations.

The pipeline: order the layers (scenario, then mods by `requires`/`load_after`), read every
file with the safe YAML reader, merge records by id (`game.content.merge`: add, replace,
`$op: patch`, `$op: remove`), validate each merged record into its model (pass 1,
`game.content.validate`), turn the models into the engine's rule dataclasses
(`game.content.build`), check meaning across records on both forms (pass 2,
`game.content.semantic`), and put the ruleset together. Content kept in a save takes the same
path from pass 1 on. Every problem found on the way is kept, so one run reports all of them.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from game.content import plurals
from game.content.build import Content, convert, own_texts, ruleset
from game.content.explain import locate
from game.content.findings import ERROR, INFO, ContentError, Finding, did_you_mean
from game.content.merge import KIND_NAMES, Merged, RawRecord, merge_package
from game.content.packages import MANIFEST, Package, discover, read_package
from game.content.semantic import check_meaning
from game.content.validate import MAX_EXPRESSION, SAVED, saved_content, validated
from game.engine.rules import Ruleset

__all__ = [
    "KIND_NAMES",
    "MAX_EXPRESSION",
    "PLAYER_WARNINGS",
    "USAGE_CODES",
    "Locator",
    "Merged",
    "RawRecord",
    "Scenario",
    "build_scenario",
    "fingerprint",
    "installed",
    "layer_changes",
    "load_layers",
    "load_scenario",
    "merge_layers",
    "order_layers",
    "resolve_layers",
]

# Findings about what was asked for on the command line rather than about any file: bad usage (exit 2).
USAGE_CODES = frozenset({"layers/unknown", "layers/not_a_mod", "layers/not_a_scenario"})
# Warnings a player must see before a game starts, not only in `validate`: which mod wins a record, which
# of two folders with one id is played.
PLAYER_WARNINGS = frozenset({"merge/clash", "packages/shadowed"})


@dataclass(frozen=True)
class Scenario:
    """A playable ruleset with its texts, the layers it came from, and what validation said."""

    ruleset: Ruleset
    strings: dict[str, dict[str, str]]
    layers: tuple[Package, ...]
    findings: tuple[Finding, ...]
    content: dict[str, Any]  # the merged, validated content: what a save keeps to rebuild the ruleset
    # (kind, id) -> the packages that added or changed the record, in load order (`Merged.origin`). Empty for
    # content from a save, which has no layers: all of it is the scenario's (see `packages_of`).
    origin: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.ruleset.id

    @property
    def languages(self) -> list[str]:
        return list(self.strings)

    @property
    def mods(self) -> tuple[str, ...]:
        return self.ruleset.mods

    @property
    def player_warnings(self) -> list[Finding]:
        """What `play` and `simulate` say before the game starts: mods that clash, a shadowed package."""
        return [f for f in self.findings if f.code in PLAYER_WARNINGS]

    def packages_of(self, kind: str, rid: str) -> tuple[str, ...]:
        """The packages a record belongs to: those that added or changed it (the scenario, for a save's content)."""
        return self.origin.get((kind, rid)) or (self.id,)

    def layer_info(self) -> list[dict[str, str]]:
        """Id, version and file fingerprint of the scenario and each mod, for a save to record."""
        return [{"id": p.id, "version": p.version, "fingerprint": p.fingerprint()} for p in self.layers]

    def text(self, key: str, lang: str = "en", n: float | None = None) -> str:
        """The text of `key` in `lang`, else in English, else the key; a plural takes the form of the count `n`."""
        for code in (lang, "en"):
            table = self.strings.get(code)
            if not table:
                continue
            if key in table and n is None:
                return table[key]
            found = plurals.pick(table, key, code, n)
            if found is not None:
                return found
            if key in table:
                return table[key]
        return key


# ------------------------------------------------------------------------------ layers


def order_layers(packages: dict[str, Package], scenario: str, mods: list[str]) -> tuple[list[Package], list[Finding]]:
    """The scenario first, then mods so that each comes after what it requires or loads after."""
    problems: list[Finding] = []
    if scenario not in packages or packages[scenario].is_mod:
        choices = [p for p, pkg in packages.items() if not pkg.is_mod]
        hint = did_you_mean(scenario, choices)
        if scenario in packages:
            problems.append(
                Finding(
                    ERROR,
                    scenario,
                    0,
                    "",
                    "",
                    f"{scenario!r} is a mod, not a scenario",
                    "give it with --mod",
                    "layers/not_a_scenario",
                )
            )
        else:
            problems.append(
                Finding(ERROR, scenario, 0, "", "", f"no scenario {scenario!r} installed", hint, "layers/unknown")
            )
        return [], problems
    wanted: list[str] = []
    for mod in mods:
        if mod not in packages:
            problems.append(
                Finding(
                    ERROR, mod, 0, "", "", f"no mod {mod!r} installed", did_you_mean(mod, packages), "layers/unknown"
                )
            )
        elif not packages[mod].is_mod:
            problems.append(
                Finding(
                    ERROR,
                    mod,
                    0,
                    "",
                    "",
                    f"{mod!r} is a scenario, not a mod",
                    "give it with --scenario",
                    "layers/not_a_mod",
                )
            )
        elif mod not in wanted:
            wanted.append(mod)
    present = {scenario, *wanted}
    for mod in wanted:
        man = packages[mod].manifest
        mpath = str(packages[mod].path / MANIFEST)
        for req in man.requires:
            if req not in present:
                message, how = _missing_requirement(req, packages)
                problems.append(Finding(ERROR, mpath, 0, f"mod({mod})", "requires", message, how, "layers/requires"))
        for con in man.conflicts:
            if con in present:
                problems.append(
                    Finding(
                        ERROR,
                        mpath,
                        0,
                        f"mod({mod})",
                        "conflicts",
                        f"cannot be loaded with {con!r}",
                        "",
                        "layers/conflicts",
                    )
                )
    ordered: list[str] = []
    visiting: list[str] = []

    def visit(mod: str) -> None:
        if mod in ordered:
            return
        if mod in visiting:
            loop = " → ".join([*visiting[visiting.index(mod) :], mod])
            mpath = str(packages[mod].path / MANIFEST)
            problems.append(
                Finding(
                    ERROR,
                    mpath,
                    0,
                    f"mod({mod})",
                    "load_after",
                    f"load order goes round in a circle: {loop}",
                    "",
                    "layers/cycle",
                )
            )
            return
        visiting.append(mod)
        man = packages[mod].manifest
        for dep in [*man.requires, *man.load_after]:
            if dep in wanted:
                visit(dep)
        visiting.pop()
        ordered.append(mod)

    for mod in wanted:
        visit(mod)
    return [packages[scenario], *(packages[x] for x in ordered)], problems


def _missing_requirement(req: str, packages: dict[str, Package]) -> tuple[str, str]:
    """What to say of a required package that is not loaded: a mod to add, another scenario, or nothing installed."""
    pkg = packages.get(req)
    if pkg is None:
        return (
            f"needs {req!r}, which is not installed",
            "install it in your mods folder (`spacerace paths` shows where)",
        )
    if pkg.is_mod:
        return f"needs the mod {req!r}, which is not loaded", f"add --mod {req}"
    return f"is made for the scenario {req!r}, not this one", f"play it on --scenario {req}"


def layer_changes(recorded: list[dict[str, str]], packages: dict[str, Package] | None = None) -> list[str]:
    """Plain sentences on how installed packages differ from those a save recorded (`Scenario.layer_info`)."""
    if packages is None:
        packages, _ = discover()
    out: list[str] = []
    for i, rec in enumerate(recorded):
        pid = str(rec.get("id", ""))
        pkg = packages.get(pid)
        noun = "scenario" if i == 0 else "mod"
        if pkg is None:
            out.append(f"{noun} {pid!r} is not installed")
        elif rec.get("version") and rec.get("version") != pkg.version:
            out.append(f"{noun} {pid!r} is version {pkg.version} now, the save used {rec.get('version')}")
        elif rec.get("fingerprint") and rec.get("fingerprint") != pkg.fingerprint():
            out.append(f"{noun} {pid!r} has changed since the game was saved")
    return out


# ------------------------------------------------------------------------------ merging and pass 1


def merge_layers(layers: list[Package]) -> tuple[Merged, list[Finding]]:
    merged = Merged()
    merged.follows = _follows(layers)
    findings: list[Finding] = []
    for pkg in layers:
        merge_package(pkg, merged, findings)
    return merged, findings


def _follows(layers: list[Package]) -> dict[str, frozenset[str]]:
    """For each layer, the layers its manifest puts before it (through `requires` and `load_after`, transitively)."""
    loaded = {p.id: p for p in layers}
    out: dict[str, frozenset[str]] = {}

    def before(pid: str, seen: set[str]) -> set[str]:
        if pid in out:
            return set(out[pid])
        found: set[str] = set()
        man = loaded[pid].manifest
        for dep in (*man.requires, *man.load_after):
            if dep in loaded and dep not in seen:
                found |= {dep, *before(dep, seen | {dep})}
        return found

    for p in layers:
        out[p.id] = frozenset(before(p.id, {p.id}))
    return out


def fingerprint(content: dict[str, Any]) -> str:
    blob = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


# ------------------------------------------------------------------------------ where a finding points


class Locator:
    """Turns (kind, id, field path) into the file and line of that field, for pass-2 findings."""

    def __init__(self, merged: Merged | None = None, default: str = "(content)") -> None:
        self.merged = merged
        self.default = default

    def raw(self, kind: str, rid: str) -> RawRecord | None:
        if self.merged is None:
            return None
        return self.merged.records.get(kind, {}).get(rid)

    def __call__(self, kind: str, rid: str, field_path: str = "") -> tuple[str, int]:
        if self.merged is None:
            return self.default, 0
        if kind == "settings":
            s = self.merged.settings
            return locate(s, _parse_path(field_path), s.file or self.default, s.line)
        raw = self.raw(kind, rid)
        if raw is None:
            return self.default, 0
        return locate(raw.data, _parse_path(field_path), raw.path, raw.line)

    def raw_data(self, kind: str, rid: str) -> dict[str, Any] | None:
        """A record as merged, before its model checked it."""
        raw = self.raw(kind, rid)
        return raw.data if raw is not None else None

    def languages(self, kind: str, rid: str) -> list[str] | None:
        """The languages the package a record last came from promises in its manifest."""
        layer = self.layer(kind, rid)
        return self.merged.layer_languages.get(layer) if layer is not None and self.merged is not None else None

    def layer(self, kind: str, rid: str) -> str | None:
        """The package (scenario or mod) a record last came from."""
        raw = self.raw(kind, rid)
        return raw.layer if raw is not None else None

    def manifest(self, layer: str) -> str:
        """The manifest file of a package, for a finding about the package as a whole."""
        return self.merged.layer_manifest.get(layer, layer) if self.merged is not None else layer

    def removed(self, kind: str, rid: str) -> tuple[str, int, str] | None:
        """Where a mod removed the record (file, line, mod), if one did."""
        return self.merged.removed.get((kind, rid)) if self.merged is not None else None


def _parse_path(text: str) -> list[Any]:
    parts: list[Any] = []
    for piece in text.replace("[", ".[").split("."):
        if not piece:
            continue
        if piece.startswith("[") and piece.endswith("]") and piece[1:-1].isdigit():
            parts.append(int(piece[1:-1]))
        else:
            parts.append(piece)
    return parts


# ------------------------------------------------------------------------------ the whole pipeline


def _finish(
    content: Content,
    layers: tuple[Package, ...],
    findings: list[Finding],
    locator: Locator,
    saved: dict[str, Any] | None = None,
    origin: dict[tuple[str, str], list[str]] | None = None,
) -> Scenario:
    """Texts to keys, the records to the engine, pass 2, and the ruleset; raises ContentError.

    `saved` is the content as a save gave it: its fingerprint is the ruleset's, so that it matches
    the one the save recorded. Content from files is fingerprinted as a save will keep it.
    """
    own_texts(content)
    converted = convert(content)
    check_meaning(content, converted, locator, findings)
    if content.settings is None or any(f.severity == ERROR for f in findings):
        raise ContentError(findings)
    dumped = saved if saved is not None else content.dump()
    rules = ruleset(content, converted, fingerprint(dumped))
    owners = {key: tuple(layers) for key, layers in (origin or {}).items()}
    return Scenario(rules, content.strings, layers, tuple(findings), dumped, owners)


def build_scenario(content: dict[str, Any], findings: list[Finding] | None = None) -> Scenario:
    """The Scenario of content a save kept (checked like files: both passes); raises ContentError.

    The ruleset's fingerprint is the fingerprint of `content` exactly as given, so it matches the
    one the save recorded.
    """
    findings = list(findings or [])
    typed = saved_content(content, findings)
    if typed is None:
        raise ContentError(findings)
    return _finish(typed, (), findings, Locator(default=SAVED), saved=content)


def load_layers(layers: list[Package], notes: list[Finding] | None = None) -> Scenario:
    """Merge and check the layers; raises ContentError carrying every problem found (both passes).

    `notes` are findings made before the merge (a shadowed package, say) that belong to the result.
    A file that cannot be read as YAML is reported alone: what the other checks would say of records
    missing because of it would only bury it.
    """
    merged, findings = merge_layers(layers)
    findings = [*(notes or []), *findings]
    unreadable = [f for f in findings if f.code == "yaml"]
    if unreadable:
        hint = "the other checks run once every file reads"
        raise ContentError([replace(f, hint=f.hint or hint) for f in unreadable])
    content = validated(merged, findings)
    content.id = layers[0].id
    content.mods = [p.id for p in layers[1:]]
    # Pass 2 runs even when pass 1 found errors, on the records that passed, so one run shows every problem.
    return _finish(content, tuple(layers), findings, Locator(merged), origin=merged.origin)


def load_scenario(
    scenario: str, mods: list[str] | tuple[str, ...] = (), extra_dirs: list[Path] | None = None
) -> Scenario:
    """Load an installed scenario (by id, or a folder path) with mods (ids or folders); raises ContentError.

    `play`, `simulate` and `validate` all take their layers from `resolve_layers`, so a set that one of
    them refuses, the others refuse too. The warnings a player must see are `Scenario.player_warnings`.
    """
    packages, found = discover(extra_dirs)
    layers, problems = resolve_layers(scenario, mods, packages, found)
    if not layers or any(p.severity == ERROR for p in problems):
        raise ContentError(problems)
    return load_layers(layers, problems)


def resolve_layers(
    scenario: str, mods: list[str] | tuple[str, ...], packages: dict[str, Package], found: list[Finding]
) -> tuple[list[Package], list[Finding]]:
    """The layers of `scenario` with `mods` (ids or folders; a folder is read and added to `packages`), in
    load order, with every problem of the set: ordering errors, broken packages among them, and the
    discovery warnings (`found`) about a package that is loaded. No layers if the scenario is missing."""
    broken: list[Finding] = []
    scenario_id = _register_path(scenario, packages, broken)
    mod_ids = [x for x in (_register_path(m, packages, broken) for m in mods) if x is not None]
    if scenario_id is None:
        return [], broken
    layers, order_problems = order_layers(packages, scenario_id, mod_ids)
    asked = [scenario, *mods]
    concerning = [p for p in found if p.severity != INFO and _concerns(p, layers, asked)]
    return layers, [*broken, *concerning, *_why_unknown(order_problems, found)]


def _why_unknown(problems: list[Finding], found: list[Finding]) -> list[Finding]:
    """An id that is not installed because its folder is broken: say what is wrong with the folder instead."""
    out: list[Finding] = []
    for p in problems:
        why = [f for f in found if f.severity == ERROR and p.path in Path(f.path).parts]
        out.extend(why if p.code == "layers/unknown" and why else [p])
    return out


def _concerns(problem: Finding, layers: list[Package], asked: list[str]) -> bool:
    """A broken package elsewhere in the folder should not stop loading an unrelated scenario."""
    return any(_under(problem.path, p.path) for p in layers) or any(
        _under(problem.path, Path(a)) for a in asked if _is_path(a, {})
    )


def _under(path: str, folder: Path) -> bool:
    return path == str(folder) or path.startswith(str(folder) + os.sep)


def _is_path(name: str, packages: dict[str, Package]) -> bool:
    """A name on the command line means a folder if it looks like a path, or names no installed package but a folder."""
    return "/" in name or os.sep in name or name.startswith(".") or (name not in packages and Path(name).is_dir())


def _register_path(name: str, packages: dict[str, Package], problems: list[Finding]) -> str | None:
    """The id of a package named by id or by folder; a folder is read and added. None if it is broken."""
    path = Path(name)
    if _is_path(name, packages) and path.is_dir():
        try:
            pkg = read_package(path)
        except ContentError as e:
            problems.extend(e.findings)
            return None
        packages[pkg.id] = pkg
        return pkg.id
    return name


def installed() -> tuple[dict[str, Package], list[Finding]]:
    return discover()

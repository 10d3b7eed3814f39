"""What `spacerace validate` does: check scenario and mod folders and collect every finding.

A scenario is checked on its own (with any extra mods asked for); a mod is checked laid over
the scenario it requires (or the default one) and the mods it requires, and only what the mod
adds to that base's own findings is its to fix, so a mod's report is not buried under
warnings of the campaign it builds on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from game.content import art
from game.content.findings import ERROR, INFO, WARNING, ContentError, Finding
from game.content.load import USAGE_CODES, load_layers, resolve_layers
from game.content.packages import MANIFEST, Package, discover, read_package

DEFAULT_SCENARIO = "race_1955"


class UsageProblem(Exception):
    """A path or id that names nothing to check: bad usage (exit 2), not bad content."""


@dataclass
class Report:
    checked: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == WARNING)

    @property
    def notes(self) -> int:
        return sum(1 for f in self.findings if f.severity == INFO)

    def shown(self, verbose: bool) -> list[Finding]:
        return [f for f in self.findings if verbose or f.severity != INFO]


def _run(layers: list[Package], parse: art.Parse | None = None, art_of: set[str] | None = None) -> list[Finding]:
    """Everything loading `layers` finds, and what is wrong with the drawings of the layers in `art_of` (all if None)."""
    mine = [p for p in layers if art_of is None or p.id in art_of]
    try:
        scenario = load_layers(layers)
    except ContentError as e:  # the drawings' files are still checked, their names cannot be
        return list(e.findings) + [f for p in mine for f in art.package_findings(p.path, None, (), parse)]
    rules = scenario.ruleset
    found = list(scenario.findings)
    for p in mine:  # the drawings each layer brings, checked against the set's hardware and sides
        found += art.package_findings(p.path, rules.hardware, rules.side_ids, parse)
    where = str(layers[-1].path / MANIFEST)
    return found + art.missing_findings([p.path for p in layers], rules.hardware, rules.side_ids, where)


def _key(f: Finding) -> tuple[str, str, int, str, str, str]:
    return (f.severity, f.path, f.line, f.record, f.field, f.message)


def _base_for(pkg: Package, packages: dict[str, Package]) -> str | None:
    base = next((r for r in pkg.manifest.requires if r in packages and not packages[r].is_mod), None)
    if base is None and DEFAULT_SCENARIO in packages and not packages[DEFAULT_SCENARIO].is_mod:
        base = DEFAULT_SCENARIO
    return base


def _required_mods(pkg: Package, packages: dict[str, Package]) -> list[str]:
    out: list[str] = []

    def add(p: Package) -> None:
        for r in p.manifest.requires:
            if r in packages and packages[r].is_mod and r not in out:
                add(packages[r])
                out.append(r)

    add(pkg)
    return out


def _resolve_targets(paths: list[str], packages: dict[str, Package], findings: list[Finding]) -> list[str]:
    targets: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            if raw in packages:
                targets.append(raw)
                continue
            raise UsageProblem(f"{raw}: no such folder or installed scenario or mod")
        if not path.is_dir():
            raise UsageProblem(f"{raw}: give the folder that holds {MANIFEST}, not a file")
        if not (path / MANIFEST).exists() and not (path / MANIFEST).is_symlink():
            raise UsageProblem(f"{raw}: no {MANIFEST} in this folder")
        try:
            pkg = read_package(path)
        except ContentError as e:
            findings.extend(e.findings)
            continue
        except OSError as e:
            raise UsageProblem(f"{raw}: cannot read ({e.strerror or e})") from None
        packages[pkg.id] = pkg
        targets.append(pkg.id)
    return targets


def validate(
    paths: list[str],
    mods: list[str] | None = None,
    extra_dirs: list[Path] | None = None,
    parse_art: art.Parse | None = None,
) -> Report:
    """Check the packages at `paths` (folders or installed ids), or every installed one; raises UsageProblem.

    Each target is checked as `play` and `simulate` would load it with `mods` (`resolve_layers`, the
    function they use): a set they refuse fails here too, and a name that is not installed is bad usage.
    `parse_art` says why a drawing cannot be shown (the window's SVG loader; without it, a quick look).
    """
    mods = list(mods or [])
    packages, problems = discover(extra_dirs)
    report = Report()
    findings: list[Finding] = []
    if paths:
        targets = _resolve_targets(paths, packages, findings)
        wanted = [str(Path(p)) for p in paths] + [str(packages[t].path) for t in targets]
        findings.extend(f for f in problems if any(f.path.startswith(w) for w in wanted))
    else:
        targets = list(packages)
        findings.extend(problems)
    base_cache: dict[tuple[str, ...], set[tuple[str, str, int, str, str, str]]] = {}
    for pid in targets:
        pkg = packages[pid]
        if not pkg.is_mod:
            layers, set_problems = _layers(pid, mods, packages, problems)
            findings.extend(set_problems)
            if layers and not any(f.severity == ERROR for f in set_problems):
                findings.extend(_run(layers, parse_art))
            report.checked.append(pid)
            continue
        base = _base_for(pkg, packages)
        if base is None:
            findings.append(
                Finding(
                    ERROR,
                    str(pkg.path / MANIFEST),
                    0,
                    f"mod({pid})",
                    "requires",
                    "names no installed scenario to lay it over",
                    f"add the scenario to `requires`, e.g. [{DEFAULT_SCENARIO}]",
                    "layers/requires",
                )
            )
            continue
        below = [m for m in _required_mods(pkg, packages) if m != pid]
        base_layers, base_problems = _layers(base, [*below, *mods], packages, problems)
        layers, set_problems = _layers(base, [*below, pid, *mods], packages, problems)
        findings.extend(set_problems)
        report.checked.append(pid)
        if not layers or any(f.severity == ERROR for f in set_problems):
            continue
        key = tuple(p.id for p in base_layers)
        if key not in base_cache:
            base_cache[key] = {_key(f) for f in _run(base_layers, parse_art, set())} if not base_problems else set()
        # What the layers below already say is not this mod's to fix, but an error still stops the set.
        own = _run(layers, parse_art, {pid, *mods})  # a mod answers for its own drawings, not the campaign's
        findings.extend(f for f in own if f.severity == ERROR or _key(f) not in base_cache[key])
    seen: set[tuple[str, str, int, str, str, str]] = set()
    for f in findings:
        if _key(f) not in seen:
            seen.add(_key(f))
            report.findings.append(_relative(f))
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    # A file that does not read comes first: it is the one to fix before anything else means much.
    report.findings.sort(key=lambda f: (order.get(f.severity, 3), f.code != "yaml", f.path, f.line))
    return report


def _layers(
    scenario: str, mods: list[str], packages: dict[str, Package], found: list[Finding]
) -> tuple[list[Package], list[Finding]]:
    """The set as `load_scenario` would resolve it; a name that is not installed raises UsageProblem."""
    layers, problems = resolve_layers(scenario, mods, packages, found)
    usage = next((f for f in problems if f.code in USAGE_CODES), None)
    if usage is not None:
        raise UsageProblem(usage.format(severity=False))
    return layers, problems


def _relative(f: Finding) -> Finding:
    """Paths under the working folder are shown relative to it, as a modder would type them."""
    if not os.path.isabs(f.path):
        return f
    try:
        rel = os.path.relpath(f.path)
    except ValueError:
        return f
    return f if rel.startswith("..") else replace(f, path=rel)

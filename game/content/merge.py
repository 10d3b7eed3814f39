"""Laying one package's files over the records merged so far: add, replace, patch or remove by id.

What each `$op` does (docs/modding.md says the same to modders):

- none (or `$op: add`): a new id adds the record. An id that an earlier layer defined is
  replaced whole, with a warning, since it is easy to do by mistake; `$op: replace` says it is
  meant (a note instead). `$op: add` on an existing id is an error.
- `$op: patch`: changes only the fields given. A mapping field (`start_techs`, `slots`,
  `prestige`, `skills`, ...) is merged key by key, recursively, except a condition or effect
  (a mapping with `op`), which is replaced whole. A list field is replaced whole, unless the
  patch gives list operations: `{$remove: [...], $patch: [...], $append: [...]}` (applied in
  that order; `$remove` takes values or ids of records in the list, `$patch` takes records
  with an `id` and patches the item with that id). `null` removes: a field goes back to its
  default, a key leaves its mapping. The `id` cannot change.
- `$op: remove`: deletes the record. Anything that still refers to it is reported in pass 2
  as needing what that mod removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content import models as m
from game.content import plurals
from game.content.findings import ERROR, INFO, WARNING, Finding, did_you_mean
from game.content.packages import MANIFEST, Package
from game.content.yamlsafe import LineDict, LineList, YamlError, load_yaml

KIND_NAMES = {kind: prefix for kind, (_, prefix) in m.KINDS.items()}
MAX_RECORDS = 5000
OPS = ("add", "replace", "patch", "remove")
LIST_OPS = ("$remove", "$patch", "$append")
EMPTY_FILE = "the file is empty (or holds only comments): nothing in it is loaded"


@dataclass
class RawRecord:
    data: LineDict
    path: str
    line: int
    layer: str


@dataclass
class Merged:
    """Records of every kind by id, in first-seen order, with where each last came from."""

    settings: LineDict = field(default_factory=LineDict)
    records: dict[str, dict[str, RawRecord]] = field(default_factory=lambda: {k: {} for k in m.KINDS})
    strings: dict[str, dict[str, str]] = field(default_factory=dict)
    string_origin: dict[tuple[str, str], str] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    layer_languages: dict[str, list[str]] = field(default_factory=dict)
    layer_manifest: dict[str, str] = field(default_factory=dict)  # layer id -> its manifest file
    removed: dict[tuple[str, str], tuple[str, int, str]] = field(default_factory=dict)  # (kind, id) -> file, line, mod
    # Layer id -> the layers its manifest loads it after (requires, load_after; transitively). A layer that
    # replaces what another mod changed without being declared after it clashes with it.
    follows: dict[str, frozenset[str]] = field(default_factory=dict)
    # (kind, id) -> the layers that added, replaced or patched the record, in load order: which package a
    # record belongs to, for `simulate`'s content-use report.
    origin: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def touched(self, kind: str, rid: str, layer: str) -> None:
        """Note that `layer` added, replaced or patched the record (a record removed and added again starts afresh)."""
        layers = self.origin.setdefault((kind, rid), [])
        if layer not in layers:
            layers.append(layer)

    def is_mod(self, layer: str) -> bool:
        """Every layer but the first (the scenario) is a mod."""
        return bool(self.layer_languages) and layer != next(iter(self.layer_languages))


class _Patch:
    """The problems met while patching one record, each with the line of the value at fault."""

    def __init__(self, path: str, label: str, findings: list[Finding]) -> None:
        self.path = path
        self.label = label
        self.findings = findings

    def fail(self, line: int, field_path: str, message: str, hint: str = "") -> None:
        self.findings.append(Finding(ERROR, self.path, line, self.label, field_path, message, hint, "merge/patch"))


def _copy_map(src: dict[str, Any]) -> LineDict:
    out = LineDict(src)
    if isinstance(src, LineDict):
        out.line, out.file = src.line, src.file
        out.key_lines = dict(src.key_lines)
        out.key_files = dict(src.key_files)
    return out


def _is_list_ops(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and any(str(k).startswith("$") for k in value)


def _item_key(item: Any) -> Any:
    return item.get("id") if isinstance(item, dict) else item


def _apply_list_ops(old: Any, ops: LineDict, where: str, p: _Patch) -> Any:
    if old is None:
        old = []
    if not isinstance(old, list):
        p.fail(ops.line, where, "list operations ($append, $remove, $patch) work only on a list")
        return old
    for key in ops:
        if key not in LIST_OPS:
            hint = did_you_mean(str(key), LIST_OPS) or "use $append, $remove or $patch"
            p.fail(ops.line_of(key), where, f"unknown list operation {key!r}", hint)
            return old
    out = LineList(old)
    out.line, out.file = getattr(old, "line", ops.line), getattr(old, "file", "")
    out.item_lines = list(getattr(old, "item_lines", [0] * len(old)))
    for key in LIST_OPS:
        if key not in ops:
            continue
        given = ops[key]
        if not isinstance(given, list):
            p.fail(ops.line_of(key), f"{where}.{key}", "should be a list")
            continue
        lines = given.item_lines if isinstance(given, LineList) else [ops.line_of(key)] * len(given)
        for value, line in zip(given, lines, strict=False):
            if key == "$append":
                out.append(value)
                out.item_lines.append(line)
                continue
            target = _item_key(value)
            index = next((i for i, item in enumerate(out) if item == value or _item_key(item) == target), None)
            if index is None:
                choices = [str(_item_key(x)) for x in out]
                p.fail(line, f"{where}.{key}", f"{target!r} is not in the list", did_you_mean(str(target), choices))
                continue
            if key == "$remove":
                del out[index]
                del out.item_lines[index]
            elif not isinstance(value, dict) or not isinstance(out[index], dict):
                p.fail(line, f"{where}.{key}", "$patch takes records with an id")
            else:
                out[index] = _merge_map(out[index], value, f"{where}[{target}]", p)
    return out


def _patch_value(old: Any, new: Any, where: str, p: _Patch) -> Any:
    if _is_list_ops(new):
        return _apply_list_ops(old, new, where, p)
    if isinstance(old, dict) and isinstance(new, dict) and "op" not in old and "op" not in new:
        return _merge_map(old, new, where, p)
    return new


def _merge_map(old: dict[str, Any], new: dict[str, Any], where: str, p: _Patch) -> LineDict:
    out = _copy_map(old)
    for key, value in new.items():
        if key == "$op":
            continue
        sub = f"{where}.{key}" if where else str(key)
        if key == "id" and not where and value != out.get("id"):
            p.fail(new.line_of(key) if isinstance(new, LineDict) else 0, "id", "a patch cannot change the id")
            continue
        if value is None:
            out.pop(key, None)
            continue
        out[key] = _patch_value(out.get(key), value, sub, p)
        if isinstance(new, LineDict):
            out.key_lines[key] = new.line_of(key)
            out.key_files[key] = new.file
    return out


def _without_op(item: LineDict) -> LineDict:
    out = _copy_map(item)
    out.pop("$op", None)
    return out


def merge_record(pkg: Package, path: Path, kind: str, item: Any, merged: Merged, findings: list[Finding]) -> None:
    prefix = KIND_NAMES[kind]
    line = getattr(item, "line", 0)
    spath = str(path)
    if not isinstance(item, dict):
        findings.append(
            Finding(ERROR, spath, line, prefix, "", "a record must be a mapping with an id", "", "merge/not_a_record")
        )
        return
    item = item if isinstance(item, LineDict) else _copy_map(item)
    rid = item.get("id")
    if not isinstance(rid, str):
        findings.append(
            Finding(ERROR, spath, item.line_of("id"), prefix, "id", "every record needs a text id", "", "merge/no_id")
        )
        return
    op = item.get("$op", None)
    table = merged.records[kind]
    label = f"{prefix}({rid})"
    op_line = item.line_of("$op")
    if op is not None and op not in OPS:
        findings.append(
            Finding(
                ERROR,
                spath,
                op_line,
                label,
                "$op",
                f"unknown operation {op!r}",
                did_you_mean(str(op), OPS) or "use add, replace, patch or remove",
                "merge/op",
            )
        )
        return
    old = table.get(rid)
    if old is None and op in ("remove", "patch", "replace") and (kind, rid) in merged.removed:
        findings.append(_after_removal(pkg, spath, op_line, label, str(op), merged.removed[(kind, rid)], merged))
        return
    if op in ("remove", "patch") and old is None:
        findings.append(
            Finding(
                ERROR,
                spath,
                op_line,
                label,
                "$op",
                f"{'removes' if op == 'remove' else 'patches'} a record that does not exist",
                did_you_mean(rid, table),
                "merge/missing",
            )
        )
        return
    if op == "remove":
        assert old is not None
        del table[rid]
        merged.origin.pop((kind, rid), None)
        merged.removed[(kind, rid)] = (spath, op_line, pkg.id)
        findings.append(
            Finding(INFO, spath, op_line, label, "", f"removed by {pkg.id} (was from {old.layer})", "", "merge/removed")
        )
        return
    if op == "patch":
        assert old is not None
        data = _merge_map(old.data, item, "", _Patch(spath, label, findings))
        for key in data:  # fields the patch left keep pointing at the file they came from
            if key not in data.key_files:
                data.key_files[key] = old.data.file_of(key)
        data.file, data.line = spath, item.line  # a field missing after the patch is the patch's doing
        table[rid] = RawRecord(data, spath, item.line, pkg.id)
        merged.touched(kind, rid, pkg.id)
        changed = ", ".join(str(k) for k in item if k not in ("id", "$op"))
        findings.append(
            Finding(
                INFO,
                spath,
                op_line,
                label,
                "",
                f"patched by {pkg.id}: {changed or 'nothing'} (was from {old.layer})",
                "",
                "merge/patched",
            )
        )
        return
    if op == "replace" and old is None:
        findings.append(
            Finding(
                ERROR,
                spath,
                op_line,
                label,
                "$op",
                "replaces a record that does not exist",
                did_you_mean(rid, table),
                "merge/missing",
            )
        )
        return
    if old is not None:
        if old.layer == pkg.id:
            findings.append(
                Finding(
                    ERROR,
                    spath,
                    item.line_of("id"),
                    label,
                    "id",
                    f"defined twice (also at {old.path}:{old.line})",
                    "",
                    "merge/duplicate",
                )
            )
            return
        if op == "add":
            findings.append(
                Finding(
                    ERROR,
                    spath,
                    op_line,
                    label,
                    "$op",
                    f"already exists (from {old.layer})",
                    "use `$op: replace` or `$op: patch`",
                    "merge/exists",
                )
            )
            return
        clash = _clash(pkg, old, label, spath, item.line, merged)
        if clash is not None:
            findings.append(clash)
        elif op == "replace":
            findings.append(
                Finding(
                    INFO,
                    spath,
                    op_line,
                    label,
                    "",
                    f"replaced by {pkg.id} (was from {old.layer})",
                    "",
                    "merge/replaced",
                )
            )
        else:
            findings.append(
                Finding(
                    WARNING,
                    spath,
                    item.line,
                    label,
                    "",
                    f"replaces the whole record from {old.layer}: fields not given go back to their defaults",
                    "write `$op: replace` if that is meant, or `$op: patch` to change only some fields",
                    "merge/implicit_replace",
                )
            )
    merged.removed.pop((kind, rid), None)
    table[rid] = RawRecord(_without_op(item), spath, item.line, pkg.id)
    merged.touched(kind, rid, pkg.id)


def _after_removal(
    pkg: Package, spath: str, line: int, label: str, op: str, removal: tuple[str, int, str], merged: Merged
) -> Finding:
    """A record an earlier mod removed: removing it again agrees with that mod; changing it cannot work."""
    gone_path, gone_line, mod = removal
    if mod == pkg.id:
        message = f"{op}s a record this mod removes (at {gone_path}:{gone_line})"
        return Finding(ERROR, spath, line, label, "$op", message, "", "merge/duplicate")
    if op == "remove":
        return Finding(INFO, spath, line, label, "", f"removed by {pkg.id} too (also by {mod})", "", "merge/removed")
    if mod in merged.follows.get(pkg.id, ()):
        # Its own manifest puts it after the mod that removes the record: no load order can help.
        hint = f"{pkg.id} loads after {mod} by its manifest: drop this {op}, or list {mod} under `conflicts`"
    else:
        hint = (
            f"to play both, load {pkg.id} first: give --mod {pkg.id} before --mod {mod}, "
            f"or add {pkg.id} to `load_after` in {mod}'s manifest"
        )
    message = f"{op}s a record that the mod {mod!r} removes ({gone_path}:{gone_line})"
    return Finding(ERROR, spath, line, label, "$op", message, hint, "merge/removed_earlier")


def _clash(pkg: Package, old: RawRecord, label: str, spath: str, line: int, merged: Merged) -> Finding | None:
    """Two mods that each write a record whole, neither loaded after the other on purpose: the last one given wins."""
    if not merged.is_mod(old.layer) or old.layer in merged.follows.get(pkg.id, ()):
        return None
    return Finding(
        WARNING,
        spath,
        line,
        label,
        "",
        f"clashes with the mod {old.layer!r}, which changes this record too: {pkg.id} replaces it whole "
        f"and {old.layer}'s change is lost",
        f"if {pkg.id} is meant to win, add {old.layer} to `load_after` in {pkg.id}'s manifest; "
        f"if not, use `$op: patch`, or do not play the two together",
        "merge/clash",
    )


def _read_mapping(path: Path, not_a_mapping: str, code: str, findings: list[Finding]) -> dict[Any, Any] | None:
    """A YAML file that must hold a mapping; None, with a finding, otherwise."""
    try:
        data = load_yaml(path)
    except YamlError as e:
        findings.append(Finding(ERROR, e.path, e.line, "", "", e.message, "", "yaml"))
        return None
    if data is None:
        findings.append(Finding(WARNING, str(path), 0, "", "", EMPTY_FILE, "", "files/empty"))
        return None
    if not isinstance(data, dict):
        findings.append(Finding(ERROR, str(path), 1, "", "", not_a_mapping, "", code))
        return None
    return data


def _merge_strings(pkg: Package, merged: Merged, findings: list[Finding]) -> None:
    for lang, path in pkg.string_files.items():
        data = _read_mapping(path, "a strings file must map keys to texts", "strings/shape", findings)
        if data is None:
            continue
        flat: dict[str, str] = {}
        found: list[tuple[str, Any]] = []
        plurals.flatten(data, "", flat, found)
        for key, forms in found:  # a plural must give every form the language's numbers take
            if lacking := plurals.missing_forms(lang, forms):
                message = f"the plural {key!r} lacks the {lang} form(s) {', '.join(lacking)}"
                hint = f"{lang} numbers take the forms {', '.join(plurals.categories(lang))} (CLDR)"
                findings.append(
                    Finding(
                        ERROR, str(path), getattr(forms, "line", 0), "strings", key, message, hint, "strings/plural"
                    )
                )
        table = merged.strings.setdefault(lang, {})
        for k, v in flat.items():
            table[k] = v
            merged.string_origin[(lang, k)] = str(path)


def _merge_settings(pkg: Package, path: Path, items: Any, merged: Merged, findings: list[Finding]) -> None:
    if not isinstance(items, dict):
        findings.append(
            Finding(
                ERROR, str(path), getattr(items, "line", 1), "settings", "", "must be a mapping", "", "merge/settings"
            )
        )
        return
    items = items if isinstance(items, LineDict) else _copy_map(items)
    first = not merged.settings
    merged.settings = _merge_map(merged.settings, _without_op(items), "", _Patch(str(path), "settings", findings))
    if first:
        merged.settings.line, merged.settings.file = items.line, str(path)
    elif pkg.is_mod:
        changed = ", ".join(str(k) for k in items if k != "$op")
        findings.append(
            Finding(INFO, str(path), items.line, "settings", "", f"changed by {pkg.id}: {changed}", "", "merge/patched")
        )


def merge_package(pkg: Package, merged: Merged, findings: list[Finding]) -> None:
    findings.extend(pkg.warnings)
    merged.layer_languages[pkg.id] = list(pkg.manifest.languages)
    merged.layer_manifest[pkg.id] = str(pkg.path / MANIFEST)
    for lang in pkg.manifest.languages:
        if lang not in merged.languages:
            merged.languages.append(lang)
    _merge_strings(pkg, merged, findings)
    for path in pkg.content_files:
        data = _read_mapping(
            path, "a content file must be a mapping of record kinds (techs:, missions:, ...)", "merge/shape", findings
        )
        if data is None:
            continue
        for kind, items in data.items():
            kline = data.line_of(kind) if isinstance(data, LineDict) else 1
            if kind == "settings":
                _merge_settings(pkg, path, items, merged, findings)
                continue
            if kind not in m.KINDS:
                hint = did_you_mean(str(kind), [*m.KINDS, "settings"]) or f"one of: settings, {', '.join(m.KINDS)}"
                findings.append(
                    Finding(ERROR, str(path), kline, "", str(kind), "unknown kind of record", hint, "merge/kind")
                )
                continue
            if items is None:
                continue
            if not isinstance(items, list):
                findings.append(
                    Finding(
                        ERROR,
                        str(path),
                        kline,
                        "",
                        str(kind),
                        "must be a list of records (each starting with `- id: ...`)",
                        "",
                        "merge/shape",
                    )
                )
                continue
            for item in items:
                merge_record(pkg, path, kind, item, merged, findings)
    total = sum(len(v) for v in merged.records.values())
    if total > MAX_RECORDS:
        findings.append(
            Finding(ERROR, str(pkg.path), 0, "", "", f"more than {MAX_RECORDS} records", "", "limit/records")
        )
        for table in merged.records.values():  # keep the rest of the checks bounded too
            for rid in list(table)[MAX_RECORDS:]:
                del table[rid]

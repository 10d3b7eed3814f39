"""Pydantic's validation errors told in a modder's words: the exact file and line, a readable field path, a hint.

Pydantic names the branches of a union in its error locations (`when.all.of[0].has_tech.tech`);
these are dropped by walking the data alongside the location, so the path reads as the file
does (`when.of[0].tech`), and each step of the walk picks up the line of that key or item.
"""

from __future__ import annotations

import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from game.content.findings import ERROR, Finding, did_you_mean
from game.content.yamlsafe import LineDict, LineList

_NAME = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
_ID_PATTERN = "^[a-z][a-z0-9_]*$"


def locate(data: Any, parts: list[Any] | tuple[Any, ...], file: str, line: int) -> tuple[str, int]:
    """The file and line of the deepest value `parts` reaches in `data` (fallbacks: `file`, `line`)."""
    node = data
    file = getattr(data, "file", "") or file
    line = getattr(data, "line", 0) or line
    for part in parts:
        if isinstance(node, dict) and part in node:
            if isinstance(node, LineDict):
                line = node.line_of(part) or line
                file = node.file_of(part) or file
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            if isinstance(node, LineList):
                line = node.line_of(part) or line
                file = node.file or file
            node = node[part]
        else:
            break
    return file, line


def clean_loc(data: Any, loc: tuple[Any, ...]) -> list[Any]:
    """Pydantic's error location without the names of union branches: only keys and indexes of the data."""
    out: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict):
            if part in node:
                out.append(part)
                node = node[part]
                continue
            if part == node.get("op"):
                continue  # the tag of a condition or effect
        elif isinstance(node, list) and isinstance(part, int):
            out.append(part)
            node = node[part] if 0 <= part < len(node) else None
            continue
        if isinstance(part, str) and not _NAME.match(part):
            continue  # a branch name such as `function-after[...]`
        out.append(part)
        node = None
    return out


def loc_text(parts: list[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text


def _resolve(tp: Any, node: Any) -> Any:
    """Strip Annotated and Optional, and pick a union's member by the data's `op`."""
    for _ in range(10):
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin is typing.Union or type(tp).__name__ == "UnionType":
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            models = [a for a in members if isinstance(a, type) and issubclass(a, BaseModel)]
            op = node.get("op") if isinstance(node, dict) else None
            chosen = next((mdl for mdl in models if op in _op_values(mdl)), None)
            if chosen is not None:
                return chosen
            if len(models) == 1:
                return models[0]
            if len(members) == 1:
                tp = members[0]
            else:
                return tp
        else:
            return tp
    return tp


def _op_values(model: type[BaseModel]) -> tuple[Any, ...]:
    field = model.model_fields.get("op")
    return typing.get_args(field.annotation) if field is not None else ()


def fields_at(model: type[BaseModel], data: Any, parts: list[Any]) -> list[str]:
    """The field names a mapping at `parts` may have, found by walking the model's types beside the data."""
    tp: Any = model
    node = data
    for part in parts:
        tp = _resolve(tp, node)
        origin = typing.get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(str(part))
            if field is None:
                return []
            tp = field.annotation
        elif origin in (list, tuple):
            args = typing.get_args(tp)
            tp = args[0] if args else Any
        elif origin is dict:
            tp = typing.get_args(tp)[1]
        else:
            return []
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    tp = _resolve(tp, node)
    return list(tp.model_fields) if isinstance(tp, type) and issubclass(tp, BaseModel) else []


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _pattern_message(err: dict[str, Any]) -> str:
    pattern = str(err.get("ctx", {}).get("pattern", ""))
    value = err.get("input")
    if pattern == _ID_PATTERN:
        return f"{_short(value)} is not a valid id: use lowercase letters, digits and _ (like lunar_orbit)"
    if "QHT" in pattern:
        return f"{_short(value)} is not a date like 1957, 1957-Q4 or 1957-10-04"
    if pattern.startswith("^\\d+"):
        return f"{_short(value)} is not a version like 1.0.0"
    if "[a-z]{2,3}" in pattern:
        return f"{_short(value)} is not a language code like en or vi"
    return f"{_short(value)} does not have the expected form ({pattern})"


def message(err: dict[str, Any]) -> tuple[str, str]:
    """(message, hint) for one pydantic error."""
    kind = err["type"]
    ctx = err.get("ctx", {})
    value = err.get("input")
    if kind == "missing":
        return "is required", ""
    if kind == "extra_forbidden":
        return "unknown field", ""
    if kind == "union_tag_invalid":
        expected = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        what = "condition" if "all" in expected else "effect" if "add_cash" in expected else "kind"
        tag = ctx.get("tag", value.get("op") if isinstance(value, dict) else value)
        return f"unknown {what} op {tag!r}", did_you_mean(str(tag), expected) or f"one of: {', '.join(expected)}"
    if kind == "union_tag_not_found":
        return "needs an `op` that says which condition or effect it is", ""
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"should be a whole number, not {_short(value)}", ""
    if kind == "string_type":
        return f"should be text, not {_short(value)}", ""
    if kind in ("bool_type", "bool_parsing"):
        return f"should be true or false, not {_short(value)}", ""
    if kind == "dict_type":
        return f"should be a mapping (key: value), not {_short(value)}", ""
    if kind in ("list_type", "tuple_type"):
        return f"should be a list, not {_short(value)}", ""
    if kind in ("less_than_equal", "less_than"):
        return f"should be at most {ctx.get('le', ctx.get('lt'))}, not {_short(value)}", ""
    if kind in ("greater_than_equal", "greater_than"):
        return f"should be at least {ctx.get('ge', ctx.get('gt'))}, not {_short(value)}", ""
    if kind == "too_long":
        return f"has more than {ctx.get('max_length')} items", ""
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)", ""
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters", ""
    if kind == "string_too_short":
        return "should not be empty", ""
    if kind == "string_pattern_mismatch":
        return _pattern_message(err), ""
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"{_short(value)} is not allowed here: use {ctx.get('expected')}", did_you_mean(str(value), expected)
    msg = str(err["msg"])
    for prefix in ("Value error, ", "Input "):
        if msg.startswith(prefix):
            msg = msg[len(prefix) :]
    return msg, ""


def findings_for(
    model: type[BaseModel], data: Any, error: ValidationError, path: str, line: int, label: str
) -> list[Finding]:
    """One finding per pydantic error, each at the line of the field it is about."""
    out: list[Finding] = []
    for err in error.errors():
        parts = clean_loc(data, tuple(err["loc"]))
        text, hint = message(dict(err))
        if err["type"] == "extra_forbidden" and parts:
            hint = did_you_mean(str(parts[-1]), fields_at(model, data, parts[:-1]))
        file, at = locate(data, parts, path, line)
        out.append(Finding(ERROR, file or path, at, label, loc_text(parts), text, hint, code=f"schema/{err['type']}"))
    return out


def validate(
    model: type[BaseModel], data: Any, path: str, line: int, label: str, findings: list[Finding]
) -> BaseModel | None:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        findings.extend(findings_for(model, data, e, path, line, label))
        return None

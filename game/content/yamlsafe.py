"""Reading YAML written by strangers: safe tags only, line numbers kept, and hard limits on size and shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 24
MAX_NODES = 200_000
MAX_ALIASES = 100
MAX_SCALAR = 20_000
MAX_INT_DIGITS = 12


class YamlError(Exception):
    """A file that cannot be read as scenario YAML; `line` is 1-based, 0 when unknown."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping that remembers the line it started on in its file."""

    line: int = 0


class LineList(list):  # type: ignore[type-arg]
    line: int = 0


class _Loader(yaml.SafeLoader):
    """SafeLoader with duplicate-key, depth, alias and size checks."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._nodes = 0
        self._aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: ANN401
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise yaml.MarkedYAMLError(None, None, "too many aliases (&anchor / *alias)", mark)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise yaml.MarkedYAMLError(None, None, "too many values in one file", self.peek_event().start_mark)
        return super().compose_node(parent, index)


def _check_depth(node: yaml.Node, depth: int, seen: set[int]) -> None:
    if depth > MAX_DEPTH:
        raise yaml.MarkedYAMLError(None, None, f"nested more than {MAX_DEPTH} levels deep", node.start_mark)
    if id(node) in seen:  # an alias seen again: its subtree was checked already
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            _check_depth(k, depth + 1, seen)
            _check_depth(v, depth + 1, seen)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            _check_depth(v, depth + 1, seen)
    elif isinstance(node, yaml.ScalarNode) and len(node.value) > MAX_SCALAR:
        raise yaml.MarkedYAMLError(None, None, f"a value longer than {MAX_SCALAR} characters", node.start_mark)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, bool)) or isinstance(key, float):
            raise yaml.MarkedYAMLError(None, None, f"a key must be text, not {type(key).__name__}", key_node.start_mark)
        if key in out:
            raise yaml.MarkedYAMLError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    return out


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int:
    digits = node.value.replace("_", "").lstrip("+-")
    if len(digits) > MAX_INT_DIGITS:
        raise yaml.MarkedYAMLError(None, None, "a number far too large", node.start_mark)
    return yaml.SafeLoader.construct_yaml_int(loader, node)  # type: ignore[no-any-return]


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> float:
    if len(node.value) > 40:
        raise yaml.MarkedYAMLError(None, None, "a number far too large", node.start_mark)
    return yaml.SafeLoader.construct_yaml_float(loader, node)  # type: ignore[no-any-return]


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError as e:
        raise YamlError(path, 0, f"cannot read: {e.strerror or e}") from None
    if size > MAX_FILE_BYTES:
        raise YamlError(path, 0, f"file is {size} bytes, the limit is {MAX_FILE_BYTES}")
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise YamlError(path, 0, f"cannot read: {e.strerror or e}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise YamlError(path, line, "not UTF-8 text (save the file as UTF-8)") from None


def load_yaml(path: Path) -> Any:  # noqa: ANN401
    """Parse one YAML document from `path`; every failure is a YamlError naming the file and line."""
    text = read_text(path)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_depth(node, 0, set())
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else 0
        msg = e.problem or e.context or "invalid YAML"
        if "could not determine a constructor" in str(e):
            msg = "tags such as !!python are not allowed in scenario files"
        raise YamlError(path, line, msg.strip()) from None
    except yaml.YAMLError as e:
        raise YamlError(path, 0, f"invalid YAML: {str(e).splitlines()[0]}") from None
    except RecursionError:
        raise YamlError(path, 0, "nested too deeply") from None
    finally:
        loader.dispose()

"""Reading YAML written by strangers: plain values only, line numbers kept, and hard limits on size and shape.

Every way a file can be hostile ends in a `YamlError` (file, line, one-line message) before
anything large is built: the size is checked before reading, the number and depth of values
while parsing, and aliases are measured as they would expand (so an alias bomb or a value
that contains itself is refused, not expanded). Only the standard YAML tags are accepted;
`!!python/...` and every other tag is an error, so nothing in a file can run code.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 24  # nested mappings and lists, counted as they expand through aliases
MAX_NODES = 50_000  # values in one file, counted as they expand through aliases
MAX_ALIASES = 100
MAX_SCALAR = 20_000  # characters in one value
MAX_INT_DIGITS = 12

_TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(
    _TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge", "value")
)


class YamlError(Exception):
    """A file that cannot be read as scenario YAML; `line` is 1-based, 0 when unknown."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping that remembers its file, the line it starts on and the line of each key."""

    line: int = 0
    file: str = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines: dict[Any, int] = {}
        self.key_files: dict[Any, str] = {}  # only for keys that came from another file (a patch)

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)

    def file_of(self, key: Any) -> str:
        return self.key_files.get(key, self.file)


class LineList(list):  # type: ignore[type-arg]
    """A list that remembers its file, the line it starts on and the line of each item."""

    line: int = 0
    file: str = ""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


def _fail(message: str, node_or_mark: Any) -> yaml.MarkedYAMLError:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    return yaml.MarkedYAMLError(None, None, message, mark)


try:  # libyaml parses about four times faster; the checks below are the same either way
    from yaml.cyaml import CParser as _Parser

    def _init_parser(loader: Any, text: str) -> None:
        _Parser.__init__(loader, text)

except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser as _Parser  # type: ignore[assignment]
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _PyParser(Reader, Scanner, _Parser):  # type: ignore[misc, valid-type]
        def __init__(self, text: str) -> None:
            Reader.__init__(self, text)
            Scanner.__init__(self)
            _Parser.__init__(self)

    _Parser = _PyParser  # type: ignore[assignment, misc]

    def _init_parser(loader: Any, text: str) -> None:
        _PyParser.__init__(loader, text)


class _Loader(Composer, _Parser, SafeConstructor, Resolver):  # type: ignore[misc, valid-type]
    """Events from the parser, composed here so that counting and depth checks happen as nodes are made."""

    def __init__(self, text: str, path: str) -> None:
        _init_parser(self, text)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self.path = path
        self._nodes = 0
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _fail(f"more than {MAX_ALIASES} aliases (*name)", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _fail(f"more than {MAX_NODES} values in one file", self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _fail(f"nested more than {MAX_DEPTH} levels deep", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _measure(node: yaml.Node, depth: int, memo: dict[int, tuple[int, int]], active: set[int]) -> tuple[int, int]:
    """(values, height) of `node` as it would expand through aliases; raises on a limit or a loop."""
    if depth > MAX_DEPTH:
        raise _fail(f"nested more than {MAX_DEPTH} levels deep (counting aliases)", node)
    key = id(node)
    if key in memo:
        size, height = memo[key]
        if depth + height - 1 > MAX_DEPTH:
            raise _fail(f"nested more than {MAX_DEPTH} levels deep (counting aliases)", node)
        return size, height
    if key in active:
        raise _fail("a value that contains itself (an alias inside its own anchor)", node)
    if node.tag not in ALLOWED_TAGS:
        tag = node.tag.replace(_TAG, "!!")
        raise _fail(f"the tag {tag} is not allowed: scenario files hold plain values only", node)
    if isinstance(node, yaml.ScalarNode):
        if len(node.value) > MAX_SCALAR:
            raise _fail(f"a value longer than {MAX_SCALAR} characters", node)
        memo[key] = (1, 1)
        return 1, 1
    active.add(key)
    children = [x for pair in node.value for x in pair] if isinstance(node, yaml.MappingNode) else node.value
    size, height = 1, 1
    for child in children:
        s, h = _measure(child, depth + 1, memo, active)
        size += s
        height = max(height, h + 1)
        if size > MAX_NODES:
            raise _fail(f"more than {MAX_NODES} values once aliases are expanded", node)
    active.discard(key)
    memo[key] = (size, height)
    return size, height


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    explicit = sum(1 for k, _ in node.value if k.tag != _TAG + "merge")
    loader.flatten_mapping(node)
    pairs = node.value
    merged, own = pairs[: len(pairs) - explicit], pairs[len(pairs) - explicit :]
    out = LineDict()
    out.line = node.start_mark.line + 1
    out.file = loader.path
    for key_node, value_node in merged:  # from `<<: *anchor`: explicit keys below may override them
        key = _key(loader, key_node)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    seen: set[Any] = set()
    for key_node, value_node in own:
        key = _key(loader, key_node)
        if key in seen:
            raise _fail(f"duplicate key {key!r}", key_node)
        seen.add(key)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _key(loader: _Loader, key_node: yaml.Node) -> Any:
    key = loader.construct_object(key_node, deep=True)
    if not isinstance(key, (str, int, bool)):
        kind = "a list" if isinstance(key, list) else "a mapping" if isinstance(key, dict) else type(key).__name__
        raise _fail(f"a key must be text, not {kind}", key_node)
    return key


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.file = loader.path
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int:
    digits = node.value.replace("_", "").lstrip("+-")
    if len(digits) > MAX_INT_DIGITS:
        raise _fail("a number far too large", node)
    try:
        return SafeConstructor.construct_yaml_int(loader, node)  # type: ignore[no-any-return]
    except ValueError:
        raise _fail(f"{node.value!r} is not a number", node) from None


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> float:
    if len(node.value) > 40:
        raise _fail("a number far too large", node)
    try:
        return SafeConstructor.construct_yaml_float(loader, node)  # type: ignore[no-any-return]
    except ValueError:
        raise _fail(f"{node.value!r} is not a number", node) from None


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        raise _fail(f"{node.value!r} is not a real date", node) from None


def _construct_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    return str(node.value)  # `=` and other oddities are just text here


_Loader.add_constructor(_TAG + "map", _construct_mapping)
_Loader.add_constructor(_TAG + "seq", _construct_sequence)
_Loader.add_constructor(_TAG + "int", _construct_int)
_Loader.add_constructor(_TAG + "float", _construct_float)
_Loader.add_constructor(_TAG + "timestamp", _construct_timestamp)
_Loader.add_constructor(_TAG + "value", _construct_text)


def read_text(path: Path) -> str:
    """The file's text, refusing what is too large, not a regular file, or not UTF-8.

    The file is opened without blocking and checked once open, so a named pipe put in its place
    after it was listed is refused rather than waited on.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise YamlError(path, 0, f"cannot read: {e.strerror or e}") from None
    with os.fdopen(fd, "rb") as f:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise YamlError(path, 0, "not a regular file")
            if info.st_size > MAX_FILE_BYTES:
                raise YamlError(path, 0, f"file is {info.st_size} bytes, the limit is {MAX_FILE_BYTES}")
            raw = f.read(MAX_FILE_BYTES + 1)
        except OSError as e:
            raise YamlError(path, 0, f"cannot read: {e.strerror or e}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise YamlError(path, 0, f"file is larger than the limit of {MAX_FILE_BYTES} bytes")
    return decode(raw, path)


def decode(raw: bytes, path: Path | str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise YamlError(path, line, "not UTF-8 text (save the file as UTF-8)") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise YamlError(path, line, "a NUL character: this is not a text file (or not UTF-8)")
    return text


def parse_yaml(text: str, path: Path | str = "<text>") -> Any:
    """Parse one YAML document; every failure is a YamlError naming the file and line."""
    loader = _Loader(text, str(path))
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _measure(node, 1, {}, set())
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else 0
        msg = " ".join((e.problem or e.context or "invalid YAML").split())
        if "could not determine a constructor" in str(e):
            msg = "this tag is not allowed: scenario files hold plain values only"
        elif "found another document" in msg:
            msg = "more than one YAML document (---) in one file"
        raise YamlError(path, line, msg) from None
    except yaml.reader.ReaderError as e:
        line = text[: max(0, e.position)].count("\n") + 1
        char = f"#x{e.character:04x}" if isinstance(e.character, int) else repr(e.character)
        raise YamlError(path, line, f"a control character ({char}) that YAML does not allow") from None
    except yaml.YAMLError as e:
        raise YamlError(path, 0, f"invalid YAML: {' '.join(str(e).split())[:200]}") from None
    except (RecursionError, MemoryError):
        raise YamlError(path, 0, "nested too deeply or too large") from None
    except (ValueError, OverflowError, TypeError) as e:  # a scalar the constructor could not convert
        raise YamlError(path, 0, f"a value that cannot be read: {' '.join(str(e).split())[:200]}") from None
    finally:
        loader.dispose()


def load_yaml(path: Path) -> Any:
    """Read and parse one scenario file."""
    return parse_yaml(read_text(path), path)

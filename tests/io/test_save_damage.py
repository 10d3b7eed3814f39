"""A bad save file always ends in one SaveError with a one-line message naming the file, never another exception."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from io_kit import one_line_about, rewrite

from game.io import SAVE_VERSION, SaveError, list_saves, load_game, replay

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    # The autouse scratch world only sets environment variables, the same for every example.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def load_error(path: Path) -> SaveError:
    with pytest.raises(SaveError) as caught:
        load_game(path)
    error = caught.value
    assert one_line_about(str(error), path), str(error)
    return error


def test_truncated_save_is_refused_as_cut_short(saved: Path) -> None:
    raw = saved.read_bytes()
    saved.write_bytes(raw[: len(raw) * 2 // 3])
    assert "cut short" in str(load_error(saved))


def test_flipped_byte_is_caught(saved: Path) -> None:
    raw = bytearray(saved.read_bytes())
    spot = raw.index(b'"turn":', raw.index(b'"snapshot":')) + len(b'"turn":')
    raw[spot + 1] ^= 0x01  # one digit of the snapshot's turn: still JSON, a different game
    saved.write_bytes(bytes(raw))
    assert "checksum" in str(load_error(saved))


def test_edited_number_is_caught_even_with_the_checksum_recomputed(saved: Path) -> None:
    rewrite(saved, lambda d: d["snapshot"]["sides"]["red"].__setitem__("prestige", 999))
    error = load_error(saved)
    assert error.field == "hash" and "hash mismatch" in str(error)


def test_edited_number_without_new_checksum_is_called_damaged(saved: Path) -> None:
    rewrite(saved, lambda d: d["snapshot"]["sides"]["red"].__setitem__("prestige", 999), reseal=False)
    assert "damaged or was edited" in str(load_error(saved))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"hello, world", "not valid JSON"),
        (b"[1, 2, 3]", "not a Space Race save"),
        (b'{"seed": 3}', "not a Space Race save (field 'format' is missing)"),
        (b'{"format": "civ-save", "save_version": 1}', "not a Space Race save (field 'format' is 'civ-save'"),
        (b'{"format": "spacerace-save"}', "field 'save_version' is missing"),
        (b'{"format": "spacerace-save", "save_version": "1"}', "field 'save_version' must be a whole number"),
        (b'{"format": "spacerace-save", "save_version": 1, "seed": NaN}', "not a number a save can hold"),
        (b"\x1f\x8b\x08\x00broken", "compressed save is damaged"),
        (b"[" * 100_000, "damaged"),
    ],
)
def test_not_a_save_is_told_plainly(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "odd.json"
    path.write_bytes(content)
    assert expected in str(load_error(path))


def test_missing_file_is_a_save_error(tmp_path: Path) -> None:
    assert "cannot read the file" in str(load_error(tmp_path / "nowhere.json"))


def test_save_from_a_newer_game_is_refused_with_both_versions(saved: Path) -> None:
    rewrite(saved, lambda d: d.__setitem__("save_version", SAVE_VERSION + 1))
    assert str(load_error(saved)) == (
        f"{saved}: this save was made by a newer version of Space Race (save version {SAVE_VERSION + 1}; "
        f"this version reads up to {SAVE_VERSION})"
    )


@pytest.mark.parametrize(
    ("edit", "field", "words"),
    [
        (lambda d: d.pop("seed"), "seed", "field 'seed' is missing"),
        (lambda d: d.__setitem__("seed", "7"), "seed", "field 'seed' must be a whole number"),
        (lambda d: d["meta"].__setitem__("turn", True), "meta.turn", "field 'meta.turn' must be a whole number"),
        (lambda d: d.__setitem__("extra", 1), "extra", "field 'extra' is not part of a save"),
        (lambda d: d.__setitem__("hash", "abc"), "hash", "field 'hash' has the wrong form"),
        (lambda d: d.__setitem__("mods", ["../../etc"]), "mods[0]", "field 'mods[0]' has the wrong form"),
        (
            lambda d: d["actions"].__setitem__(3, {"type": "launch_nukes"}),
            "actions[3]",
            "field 'actions[3]' is not an action",
        ),
        (lambda d: d["actions"][0].__setitem__("side", 5), "actions[0]", "is not an action"),
        (lambda d: d["actions"].pop(), "actions", "field 'actions' holds"),
        (lambda d: d["content"]["techs"].pop(), "content", "does not match the save's fingerprint"),
        (lambda d: d["snapshot"].pop("rng"), "snapshot", "field 'snapshot' is damaged ('rng' is missing)"),
        (lambda d: d["snapshot"].__setitem__("sides", []), "snapshot", "field 'snapshot' is damaged"),
    ],
)
def test_damaged_field_is_named(saved: Path, edit: Any, field: str, words: str) -> None:
    rewrite(saved, edit)
    error = load_error(saved)
    assert error.field == field
    assert words in str(error)


def test_replay_refuses_a_damaged_save_with_the_same_error(saved: Path) -> None:
    saved.write_bytes(saved.read_bytes()[:500])
    with pytest.raises(SaveError, match="cut short"):
        replay(saved)


# ------------------------------------------------------------------------------ fuzzing

MUTATIONS = ("flip", "truncate", "delete", "insert", "digit")


def mutate(raw: bytes, how: str, at: int, byte: int) -> bytes:
    at %= len(raw)
    if how == "flip":
        return raw[:at] + bytes([raw[at] ^ (1 << (byte % 8))]) + raw[at + 1 :]
    if how == "truncate":
        return raw[:at]
    if how == "delete":
        return raw[:at] + raw[at + 1 :]
    if how == "insert":
        return raw[:at] + bytes([byte]) + raw[at:]
    digits = [i for i, c in enumerate(raw) if 48 <= c <= 57]
    spot = digits[at % len(digits)]
    return raw[:spot] + str((raw[spot] - 48 + 1 + byte % 9) % 10).encode() + raw[spot + 1 :]


def only_save_errors(path: Path) -> None:
    """Whatever the file holds, loading, listing and replaying it end well or in a one-line SaveError."""
    for use in (load_game, replay):
        try:
            use(path)
        except SaveError as e:
            assert one_line_about(str(e), path), str(e)
    listing = list_saves(path.parent)
    assert all(one_line_about(str(e), Path(e.path)) for e in listing.unreadable)


@settings(FUZZ, max_examples=300)
@given(how=st.sampled_from(MUTATIONS), at=st.integers(min_value=0, max_value=10**9), byte=st.integers(0, 255))
def test_mutated_bytes_end_in_a_save_error(saved: Path, how: str, at: int, byte: int) -> None:
    original = saved.with_suffix(".orig")
    if not original.exists():
        original.write_bytes(saved.read_bytes())
    saved.write_bytes(mutate(original.read_bytes(), how, at, byte))
    only_save_errors(saved)


def paths_in(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(data, dict):
        for k, v in data.items():
            out.extend(paths_in(v, (*prefix, k)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.extend(paths_in(v, (*prefix, i)))
    return out


JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.text(max_size=6),
    st.lists(st.integers(-3, 3), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(-3, 3), max_size=2),
)


@settings(FUZZ, max_examples=200)
@given(pick=st.integers(min_value=0, max_value=10**9), value=JSON_VALUES, delete=st.booleans())
def test_edited_fields_with_a_valid_checksum_end_in_a_save_error(
    saved: Path, pick: int, value: Any, delete: bool
) -> None:
    original = saved.with_suffix(".orig")
    if not original.exists():
        original.write_bytes(saved.read_bytes())
    saved.write_bytes(original.read_bytes())
    # Checkpoints, actions, snapshot and meta are where a hand edit does its damage; content is
    # covered by its fingerprint, so it is visited less.
    body = json.loads(original.read_text(encoding="utf-8"))
    candidates = [p for p in paths_in(body) if p[0] != "content" or len(p) < 3]

    def edit(data: dict[str, Any]) -> None:
        *parent_keys, last = candidates[pick % len(candidates)]
        parent: Any = data
        for k in parent_keys:
            parent = parent[k]
        if delete and isinstance(parent, dict):
            del parent[last]
        else:
            parent[last] = value

    rewrite(saved, edit)
    only_save_errors(saved)

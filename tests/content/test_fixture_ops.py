"""A condition and an effect made for this test, each defined once, go everywhere a built-in op goes.

`Marked` and `GiveMark` are written once, as engine op classes, and registered for the length of a
test (`registered`): they are then read from YAML (and refused with the file's line when wrong),
judged and applied in a game, compiled, checked statically, worded for a player, valued by the
computer players, and in the JSON Schema and the modding reference. Outside the block they are unknown.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import pytest
from content_kit import errors, load, mod

from game.ai.knowledge import effects_money
from game.cli import main
from game.content import reference
from game.content.formats import formats
from game.content.schema import schemas
from game.content.vocab import BUILTIN, current, registered
from game.engine import EndTurn, apply, is_over, new_game, outcome
from game.engine import events as ev
from game.engine.conditions import Not, compile_condition, holds
from game.engine.effects import apply_effects
from game.engine.index import compiled
from game.engine.vocab import (
    WARNING,
    Bounds,
    Condition,
    Doc,
    Effect,
    Established,
    Phrase,
    Predicate,
    Problem,
    Quantity,
    Stake,
    World,
)
from game.ui.phrases import Wording

if TYPE_CHECKING:
    from game.engine.state import GameState

Mark = Annotated[str, Doc("the mark's name")]


@dataclass(frozen=True, slots=True)
class Marked(Condition):
    """True when the side holds at least `at_least` of the mark `mark` (a test's own condition)."""

    op = "test_marked"
    mark: Mark
    at_least: Annotated[int, Bounds(1, 99), Doc("how many it must hold")] = 1

    def holds(self, state: GameState, side: str) -> bool:
        return state.sides[side].flags.get(f"mark_{self.mark}", 0) >= self.at_least

    def compiled(self) -> Predicate:
        key, least = f"mark_{self.mark}", self.at_least
        return lambda st, side: st.sides[side].flags.get(key, 0) >= least

    def never(self, world: World) -> str:
        return "" if world.established("mark", self.mark) else f"nothing ever gives the mark {self.mark!r}"

    def lasting(self, known: Established) -> bool:
        return not known.established("mark_taken", self.mark)  # (no effect of the test takes marks away)

    def problems(self, world: World) -> Iterator[Problem]:
        if self.at_least > 50:
            yield Problem(WARNING, "at_least", "more marks than a game is likely to give", "", "test/marks")

    def describe(self) -> Phrase:
        return Phrase("test.marked", (("mark", self.mark), ("n", self.at_least)))


@dataclass(frozen=True, slots=True)
class GiveMark(Effect):
    """Gives the side `count` of the mark `mark` and as much cash (a test's own effect)."""

    op = "test_give_mark"
    mark: Mark
    count: Annotated[int, Bounds(1, 9), Doc("how many")] = 1

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        me = state.sides[side]
        me.flags[f"mark_{self.mark}"] = me.flags.get(f"mark_{self.mark}", 0) + self.count
        me.cash += self.count
        out.append(ev.CashChanged(side, self.count))

    def stakes(self) -> tuple[Stake, ...]:
        return (Stake(Quantity.CASH, self.count),)

    def facts(self) -> Iterator[tuple[str, str]]:
        yield "mark", self.mark

    def describe(self) -> Phrase:
        return Phrase("test.give_mark", (("mark", self.mark), ("n", self.count)))


MARKING = """\
events:
  - id: marking
    title: {{en: Marking}}
    text: {{en: Marks are given.}}
    effects: [{{op: test_give_mark, mark: gold, count: 2}}]
victory:
  - id: marked
    name: {{en: Marked}}
    when:
      op: all
      of:
        - {{op: test_marked, mark: {mark}, at_least: {least}}}
        - {{op: date_between, start: 1960}}
"""


def marking(tmp: Path, mark: str = "gold", least: int = 2) -> Path:
    return mod(tmp, "marks", {"marks.yaml": MARKING.format(mark=mark, least=least)})


@pytest.fixture
def ops() -> Iterator[None]:
    with registered(Marked, GiveMark):
        yield
    assert current() == BUILTIN  # (nothing of them stays once the block is left)


def test_fixture_ops_are_read_from_yaml(tmp_path: Path, ops: None) -> None:
    rules = load(marking(tmp_path)).ruleset
    assert rules.events["marking"].effects == (GiveMark("gold", 2),)
    victory = next(v for v in rules.victory if v.id == "marked")
    assert victory.when.of[0] == Marked("gold", 2)  # type: ignore[attr-defined]


def test_fixture_ops_written_wrong_are_refused_at_their_line(tmp_path: Path, ops: None) -> None:
    found = errors(marking(tmp_path, mark="Gold", least=500))
    at = {(f.record, f.field, f.code, f.line) for f in found}
    assert ("victory(marked)", "when.of[0].mark", "schema/string_pattern_mismatch", 12) in at
    assert ("victory(marked)", "when.of[0].at_least", "schema/less_than_equal", 12) in at


def test_unregistered_ops_are_unknown(tmp_path: Path) -> None:
    found = errors(marking(tmp_path))
    assert {f.code for f in found} == {"schema/union_tag_invalid"}
    assert any("unknown condition op 'test_marked'" in f.message for f in found)
    assert any("unknown effect op 'test_give_mark'" in f.message for f in found)


def test_fixture_ops_are_applied_judged_and_compiled_in_a_game(tmp_path: Path, ops: None) -> None:
    rules = load(marking(tmp_path)).ruleset
    cond = Marked("gold", 2)
    state = new_game(rules, None, 1)
    before = state.sides["red"].cash
    assert not holds(cond, state, "red") and not compile_condition(cond)(state, "red")
    out: list[ev.Event] = []
    apply_effects((GiveMark("gold", 2),), state, "red", out)
    assert state.sides["red"].cash == before + 2 and out == [ev.CashChanged("red", 2)]
    assert holds(cond, state, "red") and compile_condition(cond)(state, "red")
    assert not holds(cond, state, "blue") and not compile_condition(cond)(state, "blue")
    # In a game the event gives both sides their marks in the first turn's news, and then the victory holds.
    game = new_game(rules, None, 1)
    for side in rules.side_ids:
        game, _ = apply(game, EndTurn(side))
    assert all(game.sides[s].flags["mark_gold"] == 2 for s in rules.side_ids)
    won = outcome(game)
    assert is_over(game) and won is not None and won.reason == "marked"  # (a victory's id ends the game)


def test_fixture_ops_say_whether_they_last(tmp_path: Path, ops: None) -> None:
    """A condition says whether, once true, it stays true; `not` over it is then false for good once it holds
    (what closes a mission for good). An op that does not say is never read as lasting."""
    rules = load(marking(tmp_path)).ruleset
    facts = compiled(rules).facts
    assert Marked("gold").lasting(facts) and not Condition.lasting(Marked("gold"), facts)
    closed = Not(Marked("gold", 2)).for_good(facts, False)
    assert closed is not None
    state = new_game(rules, None, 1)
    assert not closed(state, "red")
    apply_effects((GiveMark("gold", 2),), state, "red", [])
    assert closed(state, "red") and not closed(state, "blue")


def test_fixture_ops_are_checked_statically(tmp_path: Path, ops: None) -> None:
    found = errors(marking(tmp_path, mark="silver"))
    assert [f.message for f in found if f.record == "victory(marked)"] == [
        "this victory can never happen: nothing ever gives the mark 'silver'"
    ]
    warned = load(marking(tmp_path / "b", least=60)).findings
    assert [(f.field, f.line) for f in warned if f.code == "test/marks"] == [("when.of[0].at_least", 12)]


def test_fixture_ops_are_described_to_the_player(tmp_path: Path, ops: None) -> None:
    rules = load(marking(tmp_path)).ruleset
    words = {"test.marked": "{n} × {mark}", "test.give_mark": "+{n} {mark}", "cond.all": "all of: {parts}"}
    say = Wording(lambda key, **kw: words[key].format(**kw), rules, str)
    victory = next(v for v in rules.victory if v.id == "marked")
    assert say(victory.when.of[0].describe()) == "2 × gold"  # type: ignore[attr-defined]
    assert say(rules.events["marking"].effects[0].describe()) == "+2 gold"  # type: ignore[arg-type]


def test_fixture_effects_are_valued_by_the_computer_players(ops: None) -> None:
    assert effects_money((GiveMark("gold", 3),), years=8) == 3


def test_fixture_ops_are_in_the_schema_and_the_reference(tmp_path: Path, ops: None) -> None:
    content = schemas()["content.schema.json"]
    assert {"CondMarked", "EffGiveMark"} <= set(content["$defs"])
    mapping = content["$defs"]["CondAll"]["properties"]["of"]["items"]["discriminator"]["mapping"]
    assert mapping["test_marked"] == "#/$defs/CondMarked"
    assert content["$defs"]["CondMarked"]["properties"]["at_least"]["maximum"] == 99
    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert "EffGiveMark" in (tmp_path / "content.schema.json").read_text(encoding="utf-8")
    doc = reference.render()
    assert "#### `test_marked`" in doc and "#### `test_give_mark`" in doc
    assert (Marked.__doc__ or "") in doc
    jsonschema = pytest.importorskip("jsonschema")
    good = {"victory": [{"id": "v", "when": {"op": "test_marked", "mark": "gold"}}]}
    assert not list(jsonschema.Draft202012Validator(content).iter_errors(good))


def test_registering_leaves_nothing_behind() -> None:
    with registered(Marked, GiveMark):
        assert formats().conditions[-1].__name__ == "CondMarked"
    assert all(m.__name__ != "CondMarked" for m in formats().conditions)
    assert "CondMarked" not in schemas()["content.schema.json"]["$defs"]
    assert "test_marked" not in reference.render()
    with pytest.raises(ValueError, match="already an op called 'test_marked'"), registered(Marked, Marked):
        pass

"""A ruleset's index: its conditions compiled once into predicates, in the order the engine asks them.

The index hangs on the ruleset it was made from (`Ruleset.index`), so nothing here is module state.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.conditions import Condition, Predicate, compile_condition, date_window
from game.engine.rules import Event, Ruleset
from game.engine.vocab import Facts, facts_of

MAX_TURN = 1 << 30  # later than any date: an open end
MEMO_MAX = 512  # sets of finished techs remembered per ruleset (a game meets a few dozen)


# One event as the news phase asks it: (event, first and last turn it can fire (date_window), the sides
# it is for or None for all, turns between firings or None if once, when, its risks as (holds, add)).
News = tuple[Event, int, int, frozenset[str] | None, int | None, Predicate, tuple[tuple[Predicate, int], ...]]


@dataclass(frozen=True, slots=True)
class Compiled:
    """A ruleset's conditions as predicates (see `compile_condition`), in the order the engine asks them;
    a predicate of None stands for no condition (always true), so that callers skip the call."""

    rules: Ruleset
    tech_gates: dict[str, tuple[frozenset[str], Predicate | None]]  # tech -> (its requirements, available)
    open_techs: tuple[tuple[str, frozenset[str]], ...]  # (tech, its requirements) for techs with no condition
    gated_techs: tuple[tuple[str, frozenset[str], Predicate], ...]  # (tech, its requirements, available)
    # The open techs a set of finished techs makes researchable: asked on every view, and a side's
    # finished techs change a few dozen times a game (a bounded memo).
    open_techs_after: dict[frozenset[str], frozenset[str]]
    open_missions: frozenset[str]  # missions with no `available` condition
    gated_missions: tuple[tuple[str, Predicate], ...]  # (mission, available) for the others
    # (mission, closed) for the missions whose `available` can turn false for good: `closed` is its
    # `for_good(facts, False)` (see `availability.closed_missions`)
    closable_missions: tuple[tuple[str, Predicate], ...]
    # The events rolled on their own (no `weight`), in file order, then those of the draw (see `News`).
    news: tuple[News, ...]
    drawn: tuple[News, ...]
    risky: tuple[News, ...]  # those of `news` with risks (`news.dangers`: a side's view asks them every turn)
    # victory mode ("" for the default) -> (victory, when) of the victories that end a game in it
    victory: dict[str, tuple[tuple[str, Predicate], ...]]
    # a side's facilities (in the order built) -> step kind -> the bonus they add: asked for every flight priced
    facility_bonuses: dict[tuple[str, ...], dict[str, int]]
    facts: Facts  # what the ruleset's effects can do (`Op.facts`), for `Condition.lasting`
    crew_skills: dict[str, tuple[str, ...]]  # mission -> the crew skills its steps use (`crew.best_crew`)


def _predicate(cond: Condition | None) -> Predicate | None:
    return None if cond is None else compile_condition(cond)


def _compile(rules: Ruleset) -> Compiled:
    facts = facts_of((rules,))  # every op of the ruleset, whatever record holds it
    closable = [(m.id, m.available.for_good(facts, False)) for m in rules.missions.values() if m.available]
    news = tuple(_news_entry(e, event_sides(rules, e)) for e in rules.events.values() if e.weight <= 0)
    # (Requirements as sets: set.issuperset takes a set fastest.)
    techs = tuple((t.id, frozenset(t.requires), _predicate(t.available)) for t in rules.techs.values())
    return Compiled(
        rules,
        {t: (requires, available) for t, requires, available in techs},
        tuple((t, requires) for t, requires, available in techs if available is None),
        tuple((t, requires, available) for t, requires, available in techs if available is not None),
        {},
        frozenset(m.id for m in rules.missions.values() if m.available is None),
        tuple((m.id, compile_condition(m.available)) for m in rules.missions.values() if m.available is not None),
        tuple((m, closed) for m, closed in closable if closed is not None),
        news,
        tuple(_news_entry(e, event_sides(rules, e)) for e in rules.events.values() if e.weight > 0),
        tuple(entry for entry in news if entry[6]),
        {mode: _victories(rules, mode) for mode in ("", *(m.id for m in rules.victory_modes))},
        {},
        facts,
        {m.id: tuple(dict.fromkeys(st.skill for st in m.steps if st.skill)) for m in rules.missions.values()},
    )


def _victories(rules: Ruleset, mode: str) -> tuple[tuple[str, Predicate], ...]:
    return tuple((v.id, compile_condition(v.when)) for v in rules.victories_in(mode))


def event_sides(rules: Ruleset, e: Event) -> frozenset[str] | None:
    """The sides `e` can happen to (None: every side): its `sides`, less those that join after the start
    when it is not for latecomers."""
    only = frozenset(e.sides) or None
    if e.latecomers:
        return only
    founders = frozenset(s.id for s in rules.sides if s.joins is None)
    return founders if only is None else only & founders


def _news_entry(e: Event, only: frozenset[str] | None) -> News:
    first, last = date_window(e.when)
    return (
        e,
        -MAX_TURN if first is None else first,
        MAX_TURN if last is None else last,
        only,
        None if e.once else max(1, e.cooldown),
        compile_condition(e.when),
        tuple((compile_condition(r.when), r.add) for r in e.risks),
    )


def compiled(rules: Ruleset) -> Compiled:
    """The ruleset's index, made on first use and kept on the ruleset."""
    index = rules.index
    if index is None:
        index = _compile(rules)
        object.__setattr__(rules, "index", index)  # a frozen ruleset caches what follows from it
    return index  # type: ignore[no-any-return]

"""The scenario file format: pydantic models for every kind of record, conditions and effects.

These models are the single source of truth for what a scenario or mod file may contain; the
JSON Schemas in schemas/ and the reference in docs/modding.md are generated from them, so
every `description` here is what a modder reads. Field names match the engine's rule
dataclasses so that `game.content.build` can convert one into the other.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, Strict, WithJsonSchema, model_validator

_ID_RE = r"^[a-z][a-z0-9_]*$"
_LANG_RE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
MAX_TEXT = 4000

Id = Annotated[str, Field(pattern=_ID_RE, min_length=1, max_length=64)]
Int = Annotated[int, Strict()]
Money = Annotated[int, Strict(), Field(ge=-100_000, le=100_000)]
Percent = Annotated[int, Strict(), Field(ge=0, le=100)]
Reliability = Annotated[int, Strict(), Field(ge=0, le=100)]


def _check_text(value: object) -> str | dict[str, str]:
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise ValueError(f"is longer than {MAX_TEXT} characters")
        return value
    if isinstance(value, dict) and value:
        for lang, text in value.items():
            if not isinstance(lang, str) or not _LANG_RE.match(lang):
                raise ValueError(f"{lang!r} is not a language code like en or vi")
            if not isinstance(text, str):
                raise ValueError(f"the {lang} text should be text, not {type(text).__name__}")
            if len(text) > MAX_TEXT:
                raise ValueError(f"the {lang} text is longer than {MAX_TEXT} characters")
        return dict(value)
    raise ValueError("should be a translation key (like tech.icbm.name) or texts by language ({en: ..., vi: ...})")


Text = Annotated[
    str | dict[str, str],
    PlainValidator(_check_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "maxLength": MAX_TEXT},
                {
                    "type": "object",
                    "propertyNames": {"pattern": _LANG_RE.pattern},
                    "additionalProperties": {"type": "string", "maxLength": MAX_TEXT},
                    "minProperties": 1,
                },
            ],
            "description": "a translation key, or the text itself by language: {en: ..., vi: ...}",
        }
    ),
]

_DATE_RE = re.compile(r"^(\d{4})(?:-(?:([QHT])(\d{1,2})|(\d{1,2})-(\d{1,2})))?$")

DateText = Annotated[
    str,
    Field(pattern=_DATE_RE.pattern),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": _DATE_RE.pattern},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "a year (1957), a turn of a year (1957-Q4, 1957-H2, 1957-T3) or a day (1957-10-04)",
        }
    ),
]


def _date_text(v: object) -> object:
    if isinstance(v, _dt.date):
        return v.isoformat()[:10]
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return v


def date_to_ordinal(text: str, turns_per_year: int) -> int:
    """A date as the engine counts turns: `year * turns_per_year + turn_of_year - 1`."""
    m = _DATE_RE.match(text)
    if m is None:
        raise ValueError(f"not a date: {text!r}")
    year = int(m.group(1))
    if m.group(3):
        n = int(m.group(3))
    elif m.group(4):
        month = int(m.group(4))
        n = (month - 1) * turns_per_year // 12 + 1
    else:
        n = 1
    n = max(1, min(turns_per_year, n))
    return year * turns_per_year + n - 1


def day_of_year(text: str) -> int:
    """Order within a turn for a dated day (month * 31 + day); 0 for a year or a turn of a year."""
    m = _DATE_RE.match(text)
    return int(m.group(4)) * 31 + int(m.group(5)) if m and m.group(4) else 0


def _f(description: str, **kw: Any) -> Any:
    return Field(description=description, **kw)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_DATE_FIELDS = frozenset({"start", "end", "date", "available"})


class _Dated(Record):
    """A record with date fields, which YAML may have read as dates or numbers."""

    @model_validator(mode="before")
    @classmethod
    def _dates(cls, data: object) -> object:
        if isinstance(data, dict):
            out = {k: (_date_text(v) if k in _DATE_FIELDS else v) for k, v in data.items()}
            reached = out.get("start_milestones")
            if isinstance(reached, dict):
                out["start_milestones"] = {k: _date_text(v) for k, v in reached.items()}
            return out
        return data


# -------------------------------------------------------------------------- conditions

Who = Literal["self", "rival", "anyone"]
_WHO = "whose state to look at: self (the side it is judged for), rival (any other side) or anyone"


class CondAll(Record):
    """True when every condition in `of` is true."""

    op: Literal["all"]
    of: list[Condition] = _f("the conditions", max_length=64)


class CondAny(Record):
    """True when at least one condition in `of` is true."""

    op: Literal["any"]
    of: list[Condition] = _f("the conditions", max_length=64)


class CondNot(Record):
    """True when `cond` is false."""

    op: Literal["not"]
    cond: Condition = _f("the condition to negate")


class CondDateBetween(_Dated):
    """True from `start` to `end`, both included; leave one out for an open end."""

    op: Literal["date_between"]
    start: DateText | None = _f("first date it is true (a year means its first turn)", default=None)
    end: DateText | None = _f(
        "last date it is true (a year means its first turn: write 1961-Q4 for the whole year)", default=None
    )


class CondHasTech(Record):
    """True when the side (or a rival, or anyone) has finished researching `tech`."""

    op: Literal["has_tech"]
    tech: Id = _f("a tech id")
    who: Who = _f(_WHO, default="self")


class CondAchieved(Record):
    """True when the side (or a rival, or anyone) has reached `milestone`."""

    op: Literal["achieved"]
    milestone: Id = _f("a milestone id")
    by: Who = _f(_WHO, default="self")


class CondFirstTo(Record):
    """True when `milestone` has been reached and the first side to reach it was `by` (self or a rival; anyone: just reached)."""

    op: Literal["first_to"]
    milestone: Id = _f("a milestone id")
    by: Who = _f("who was first: self, rival or anyone", default="self")


class CondFlag(Record):
    """True when a flag set by `set_flag` is non-zero (or equals `value`, if given)."""

    op: Literal["flag"]
    flag: Id = _f("the flag's name")
    scope: Literal["self", "rival", "global"] = _f(
        "whose flags: the side's own, a rival's, or the world's", default="self"
    )
    value: Int | None = _f("the value it must have; left out: any value but 0", default=None)


class CondEventFired(Record):
    """True when `event` has fired for the side (or a rival, or anyone)."""

    op: Literal["event_fired"]
    event: Id = _f("an event id")
    who: Who = _f(_WHO, default="self")


class CondCompare(Record):
    """Compares a number the side knows about itself with `to`."""

    op: Literal["compare"]
    value: Literal[
        "prestige",
        "rival_prestige",
        "prestige_lead",
        "cash",
        "budget",
        "year",
        "turn",
        "deaths",
        "launches",
        "active_crew",
        "reliability",
        "milestones",
    ] = _f(
        "what to compare: prestige, rival_prestige (the best rival's), prestige_lead (own minus the best rival's), "
        "cash, budget (this year's), year, turn (as an ordinal: year × turns per year + turn − 1), deaths, launches, "
        "active_crew, reliability (of `tech`, 0 if unfinished), milestones (how many reached)"
    )
    cmp: Literal["lt", "le", "eq", "ne", "ge", "gt"] = _f("lt <, le ≤, eq =, ne ≠, ge ≥, gt >")
    to: Annotated[int, Strict(), Field(ge=-1_000_000, le=1_000_000)] = _f("the number to compare with")
    tech: Id | None = _f("the tech whose reliability `value: reliability` reads", default=None)


class CondIsSide(Record):
    """True when the condition is judged for the side `side` (to give one side its own rules)."""

    op: Literal["is_side"]
    side: Id = _f("a side id")


Condition = Annotated[
    CondAll
    | CondAny
    | CondNot
    | CondDateBetween
    | CondHasTech
    | CondAchieved
    | CondFirstTo
    | CondFlag
    | CondEventFired
    | CondCompare
    | CondIsSide,
    Field(discriminator="op"),
]

# -------------------------------------------------------------------------- effects

Target = Literal["self", "rival"]
_TARGET = "who it happens to: self (the side) or rival (every other side)"


class EffAddBudget(Record):
    """Changes the yearly budget from next year on, for good (a negative amount cuts it)."""

    op: Literal["add_budget"]
    amount: Money = _f("money a year")
    target: Target = _f(_TARGET, default="self")


class EffAddCash(Record):
    """Adds money to spend now (negative takes it away)."""

    op: Literal["add_cash"]
    amount: Money = _f("money")
    target: Target = _f(_TARGET, default="self")


class EffAddPrestige(Record):
    """Adds prestige (negative takes it away); prestige gained this year also raises next year's budget."""

    op: Literal["add_prestige"]
    amount: Money = _f("prestige points")
    target: Target = _f(_TARGET, default="self")


class EffResearchProgress(Record):
    """Adds research points to an unfinished tech (finishing it if they reach its cost); on a finished tech, adds reliability instead."""

    op: Literal["research_progress"]
    tech: Id = _f("a tech id")
    amount: Money = _f("research points (reliability points on a finished tech)")
    target: Target = _f(_TARGET, default="self")


class EffModifyReliability(Record):
    """Changes a finished tech's reliability (kept between 0 and its ceiling); nothing if unfinished."""

    op: Literal["modify_reliability"]
    tech: Id = _f("a tech id")
    amount: Annotated[int, Strict(), Field(ge=-100, le=100)] = _f("reliability points")
    target: Target = _f(_TARGET, default="self")


class EffResearchRate(Record):
    """Changes how many research points a unit of money buys, in percent points (kept between 10 and 400)."""

    op: Literal["research_rate"]
    amount: Annotated[int, Strict(), Field(ge=-100, le=100)] = _f("percent points")
    target: Target = _f(_TARGET, default="self")


class EffSetFlag(Record):
    """Sets a named number that conditions can read with `flag`."""

    op: Literal["set_flag"]
    flag: Id = _f("the flag's name")
    value: Annotated[int, Strict(), Field(ge=-1_000_000, le=1_000_000)] = _f("its value (0 clears it)", default=1)
    scope: Literal["self", "rival", "global"] = _f(
        "whose flag: the side's own, every rival's, or the world's", default="self"
    )


class EffQueueEvent(Record):
    """Makes an event fire after `delay` turns if its `when` holds then (its `chance` is not rolled)."""

    op: Literal["queue_event"]
    event: Id = _f("an event id")
    delay: Annotated[int, Strict(), Field(ge=1, le=400)] = _f("turns from now", default=1)
    target: Target = _f(_TARGET, default="self")


class EffCrewMorale(Record):
    """Changes the morale of every crew member still serving (0–100; below the retire level some leave)."""

    op: Literal["crew_morale"]
    amount: Annotated[int, Strict(), Field(ge=-100, le=100)] = _f("morale points")
    target: Target = _f(_TARGET, default="self")


class EffInjureCrew(Record):
    """Injures active crew members picked at random: they cannot fly until they heal."""

    op: Literal["injure_crew"]
    count: Annotated[int, Strict(), Field(ge=1, le=20)] = _f("how many", default=1)
    turns: Annotated[int, Strict(), Field(ge=0, le=40)] = _f("turns to heal; 0: the scenario's injury_turns", default=0)
    target: Target = _f(_TARGET, default="self")


class EffLoseCrew(Record):
    """Kills active crew members picked at random (an accident on the ground)."""

    op: Literal["lose_crew"]
    count: Annotated[int, Strict(), Field(ge=1, le=20)] = _f("how many", default=1)
    target: Target = _f(_TARGET, default="self")


class WeightedEffects(Record):
    """One option of `random_one_of`."""

    weight: Annotated[int, Strict(), Field(ge=0, le=10_000)] = _f("its share of the odds (weights need not add to 100)")
    effects: list[Effect] = _f("what happens if it is picked", max_length=32)


class EffRandomOneOf(Record):
    """Picks one of `options` at random, by weight, and applies its effects."""

    op: Literal["random_one_of"]
    options: list[WeightedEffects] = _f("the options", min_length=1, max_length=32)


Effect = Annotated[
    EffAddBudget
    | EffAddCash
    | EffAddPrestige
    | EffResearchProgress
    | EffModifyReliability
    | EffResearchRate
    | EffSetFlag
    | EffQueueEvent
    | EffCrewMorale
    | EffInjureCrew
    | EffLoseCrew
    | EffRandomOneOf,
    Field(discriminator="op"),
]

for _m in (CondAll, CondAny, CondNot, WeightedEffects):
    _m.model_rebuild()

CONDITIONS: tuple[type[Record], ...] = (
    CondAll,
    CondAny,
    CondNot,
    CondDateBetween,
    CondHasTech,
    CondAchieved,
    CondFirstTo,
    CondFlag,
    CondEventFired,
    CondCompare,
    CondIsSide,
)
EFFECTS: tuple[type[Record], ...] = (
    EffAddBudget,
    EffAddCash,
    EffAddPrestige,
    EffResearchProgress,
    EffModifyReliability,
    EffResearchRate,
    EffSetFlag,
    EffQueueEvent,
    EffCrewMorale,
    EffInjureCrew,
    EffLoseCrew,
    EffRandomOneOf,
)

# -------------------------------------------------------------------------- records

_NAME = "display name: a translation key or {en: ..., vi: ...}; left out, the key <kind>.<id>.name is used"
_DESC = "longer text for the encyclopedia, like `name`; left out, the key <kind>.<id>.desc"
_SMALL = Annotated[int, Strict(), Field(ge=0, le=40)]


class Settings(_Dated):
    """The scenario's calendar and the tuning every side plays by (one `settings:` block; a mod changes single keys)."""

    turns_per_year: Annotated[int, Strict(), Field(ge=1, le=12)] = _f("turns in a year (4: quarters)", default=4)
    start: DateText = _f("the first turn")
    end: DateText = _f("the last turn played; after it, prestige decides")
    prestige_to_budget: Annotated[int, Strict(), Field(ge=0, le=1000)] = _f(
        "percent of a year's prestige gain added to next year's budget (200: two for each point)", default=50
    )
    prestige_to_base: Annotated[int, Strict(), Field(ge=0, le=1000)] = _f(
        "percent of a year's prestige gain added to the yearly budget for good, from next year on", default=0
    )
    recruit_cost: Annotated[int, Strict(), Field(ge=0, le=10_000)] = _f("money to recruit one crew member", default=2)
    training_turns: _SMALL = _f("turns a recruit trains before flying", default=2)
    training_gain: Annotated[int, Strict(), Field(ge=0, le=50)] = _f("skill points a turn of training adds", default=3)
    flight_gain: Annotated[int, Strict(), Field(ge=0, le=50)] = _f(
        "skill points a flight adds to each crew member", default=4
    )
    skill_divisor: Annotated[int, Strict(), Field(ge=1, le=100)] = _f(
        "a step's crew bonus is (average skill − 50) ÷ this", default=5
    )
    research_improve: Annotated[int, Strict(), Field(ge=1, le=1000)] = _f(
        "percent of a tech's research cost that buys one reliability point", default=5
    )
    flight_learning: Annotated[int, Strict(), Field(ge=0, le=20)] = _f(
        "reliability points a successful step teaches", default=2
    )
    failure_learning: Annotated[int, Strict(), Field(ge=0, le=20)] = _f(
        "reliability points a failed step teaches", default=1
    )
    max_chance: Percent = _f("highest chance a step can have", default=99)
    min_chance: Percent = _f("lowest chance a step can have", default=1)
    injury_turns: _SMALL = _f("turns an injury lasts", default=4)
    morale_start: Percent = _f("morale of a new crew member", default=70)
    morale_loss_death: Percent = _f("morale every crew member of a side loses when one dies", default=15)
    morale_gain_success: Percent = _f("morale a crew gains from a successful flight", default=5)
    retire_morale: Percent = _f("below this morale a crew member may leave", default=25)
    intel_noise: Percent = _f(
        "worst error, percent, of estimates about a rival with no intelligence spending", default=30
    )
    intel_half: Annotated[int, Strict(), Field(ge=1, le=10_000)] = _f(
        "intelligence spending a turn that halves that error", default=4
    )
    max_missions_per_turn: Annotated[int, Strict(), Field(ge=1, le=20)] = _f(
        "missions a side may plan in one turn", default=3
    )


class Side(_Dated):
    """A player: a country or agency with its budget and what it has at the start. Any number of sides may play."""

    id: Id = _f("unique id, e.g. us")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    color: tuple[
        Annotated[int, Field(ge=0, le=255)], Annotated[int, Field(ge=0, le=255)], Annotated[int, Field(ge=0, le=255)]
    ] = _f("colour on charts and maps: [red, green, blue], each 0–255")
    start_cash: Money = _f("money in hand at the start", default=0)
    budget: Annotated[int, Strict(), Field(ge=0, le=100_000)] = _f("yearly budget at the start")
    budget_growth: Money = _f("added to the base budget every year", default=0)
    min_budget: Annotated[int, Strict(), Field(ge=0, le=100_000)] = _f("the budget never falls below this", default=0)
    max_budget: Annotated[int, Strict(), Field(ge=0, le=100_000)] = _f(
        "the budget never rises above this", default=10_000
    )
    research_rate: Annotated[int, Strict(), Field(ge=10, le=400)] = _f(
        "research points per 100 units of money", default=100
    )
    prestige: Money = _f("prestige at the start", default=0)
    start_techs: dict[Id, Reliability] = _f(
        "techs finished at the start → reliability (0: the tech's base)", default_factory=dict
    )
    start_progress: dict[Id, Annotated[int, Strict(), Field(ge=0, le=100_000)]] = _f(
        "unfinished techs → research points already spent", default_factory=dict
    )
    start_hardware: dict[Id, Annotated[int, Strict(), Field(ge=0, le=100)]] = _f(
        "hardware → units in stock at the start", default_factory=dict
    )
    start_crew: list[Id] = _f("crew members already recruited and trained at the start", default_factory=list)
    start_milestones: dict[Id, DateText] = _f(
        "milestones already reached before the start → when (decides who was first; no prestige is paid for them)",
        default_factory=dict,
    )
    ai_personality: Id | None = _f(
        "the ai_personalities record the computer uses when it plays this side", default=None
    )


class Tech(Record):
    """A research project. Finishing it unlocks the hardware that names it; research after that raises its reliability."""

    id: Id = _f("unique id")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    line: Id = _f(
        "the branch of the tree it belongs to (rocket, capsule, ...): for display and the computer's priorities"
    )
    cost: Annotated[int, Strict(), Field(ge=1, le=100_000)] = _f("research points to finish it")
    requires: list[Id] = _f("techs that must be finished first", default_factory=list, max_length=16)
    base: Reliability = _f("reliability, percent, when finished", default=40)
    ceiling: Reliability = _f("the most research and flights can raise reliability to", default=90)
    max_rate: Annotated[int, Strict(), Field(ge=0, le=100_000)] = _f(
        "research points a turn can usefully take; 0: a quarter of the cost", default=0
    )
    available: Condition | None = _f(
        "a condition that must hold before research can start (besides `requires`)", default=None
    )


class Hardware(Record):
    """Something a side builds and spends on missions: a rocket, a capsule, a probe. Its reliability is its tech's."""

    id: Id = _f("unique id")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    tech: Id = _f("the tech that unlocks it and whose reliability it flies with")
    unit_cost: Annotated[int, Strict(), Field(ge=0, le=100_000)] = _f("money per unit")
    kind: Id = _f("launcher, capsule, probe, lander, ...: for display and the computer", default="other")


class Step(Record):
    """One stage of a mission, rolled against the reliability of the hardware in its slot."""

    id: Id = _f("id, unique in the mission; its text is the key step.<id>")
    name: Text | None = _f("display name; left out, the key step.<id>", default=None)
    slot: Id = _f("the mission slot whose hardware this step tests")
    difficulty: Annotated[int, Strict(), Field(ge=-100, le=100)] = _f(
        "subtracted from the chance (negative makes it easier)", default=0
    )
    skill: Id | None = _f("crew skill that helps: (average skill − 50) ÷ skill_divisor is added", default=None)
    critical: bool = _f(
        "a failed critical step ends the mission; a failed non-critical one makes it a partial success", default=True
    )
    fatal: Percent = _f("percent chance that failing this step kills the crew", default=0)


class MissionPrestige(Record):
    """Prestige a mission's outcome brings when it reaches no new milestone."""

    success: Money = _f("for a success that reaches no new milestone", default=1)
    partial: Money = _f("added when a non-critical step failed", default=0)
    failure: Money = _f("for a failure", default=-2)
    death: Money = _f("for a failure that kills the crew", default=-10)


class Mission(Record):
    """A flight a side can plan: hardware in its slots, steps to pass, and the milestones it reaches."""

    id: Id = _f("unique id")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    slots: dict[Id, list[Id]] = _f("slot → hardware that can fill it (any one of them)", min_length=1, max_length=8)
    steps: list[Step] = _f("the stages, in flight order", min_length=1, max_length=16)
    crew: Annotated[int, Strict(), Field(ge=0, le=8)] = _f("crew seats; 0 for an uncrewed flight", default=0)
    crew_traits: list[Id] = _f("each trait must be had by at least one crew member", default_factory=list)
    cost: Annotated[int, Strict(), Field(ge=0, le=100_000)] = _f("launch cost on top of the hardware", default=0)
    milestones: list[Id] = _f("milestones reached on a success (or partial success)", default_factory=list)
    prestige: MissionPrestige = _f("prestige for outcomes that reach no new milestone", default=MissionPrestige())
    available: Condition | None = _f("a condition that must hold for a side to plan it", default=None)
    effects: list[Effect] = _f("what a success does besides milestones", default_factory=list, max_length=32)


class History(_Dated):
    """When a milestone was reached in history, shown beside the game's own date."""

    date: DateText = _f("the date")
    side: Id | None = _f("the side that reached it first", default=None)


class Milestone(Record):
    """A "first" the sides race for; reached by missions, it pays prestige by rank."""

    id: Id = _f("unique id")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    first: Money = _f("prestige for the first side to reach it")
    second: Money = _f("prestige for the second", default=0)
    later: Money = _f("prestige for every later one", default=0)
    history: History | None = _f("when it happened in history, for comparison", default=None)


class Choice(Record):
    """An answer to an event, chosen by the side's player (the first one if nobody chooses)."""

    id: Id = _f("id, unique in the event; its text is the key event.<event>.choice.<id>")
    text: Text | None = _f("what the button says", default=None)
    effects: list[Effect] = _f("what choosing it does", default_factory=list, max_length=32)


class Event(Record):
    """News that can happen to a side: checked every turn for each side, in file order."""

    id: Id = _f("unique id")
    title: Text | None = _f("headline; left out, the key event.<id>.title", default=None)
    text: Text | None = _f("the story; left out, the key event.<id>.text", default=None)
    sides: list[Id] = _f("the sides it can happen to; empty: every side", default_factory=list)
    when: Condition | None = _f("a condition that must hold; left out: always", default=None)
    chance: Percent = _f("percent chance each turn while `when` holds", default=100)
    once: bool = _f("fires at most once per side", default=True)
    cooldown: Annotated[int, Strict(), Field(ge=0, le=400)] = _f(
        "turns before a repeatable event can fire again", default=0
    )
    effects: list[Effect] = _f("what happens when it fires", default_factory=list, max_length=32)
    choices: list[Choice] = _f(
        "answers the side chooses between (their effects come after `effects`)", default_factory=list, max_length=6
    )


class CrewMember(_Dated):
    """A named astronaut or cosmonaut a side can recruit."""

    id: Id = _f("unique id")
    side: Id = _f("the side they serve")
    name: Annotated[str, Field(min_length=1, max_length=80)] = _f("their name, as written (names are not translated)")
    skills: dict[Id, Reliability] = _f("skill → level 0–100 (50 is average: no bonus)", min_length=1)
    traits: list[Id] = _f("traits missions can ask for in crew_traits", default_factory=list)
    available: DateText | None = _f("from when the side can recruit them; left out: from the start", default=None)
    group: str = _f("selection group, for display (e.g. Mercury Seven)", default="", max_length=80)


class Victory(Record):
    """A way to win before the end date: the first side for which `when` holds wins (ties: more prestige)."""

    id: Id = _f("unique id")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    when: Condition = _f("judged for every side at the end of every turn")


class AIPersonality(Record):
    """How the computer plays a side that names it."""

    id: Id = _f("unique id")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    weights: dict[Id, Annotated[int, Strict(), Field(ge=0, le=1000)]] = _f(
        "milestone or tech line → how much it is wanted; 100 is neutral", default_factory=dict
    )
    risk: Percent = _f("lowest success chance, percent, it accepts for a crewed flight", default=50)


class Manifest(Record):
    """manifest.yaml: what a scenario or mod folder is and what it needs."""

    id: Id = _f("unique id of the package, used with --scenario / --mod")
    kind: Literal["scenario", "mod"] = _f(
        "a scenario is played on its own; a mod is laid over a scenario", default="scenario"
    )
    name: Text | None = _f("display name; left out, the key scenario.<id>.name or mod.<id>.name", default=None)
    description: Text | None = _f("what it is about, for the new-game screen", default=None)
    version: Annotated[str, Field(pattern=r"^\d+(\.\d+){0,2}$")] = _f(
        "your version number, e.g. 1.0.0", default="1.0.0"
    )
    author: Annotated[str, Field(max_length=200)] = _f("who made it", default="")
    requires: list[Id] = _f("packages that must be loaded with it (and before it)", default_factory=list)
    conflicts: list[Id] = _f("packages it cannot be loaded with", default_factory=list)
    load_after: list[Id] = _f("packages that, if loaded, load before it", default_factory=list)
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]] = _f(
        "languages it has texts for, in strings/<lang>.yaml", default_factory=lambda: ["en"]
    )


# Kinds of record in a content file, the model of each, and the prefix of its translation keys.
KINDS: dict[str, tuple[type[Record], str]] = {
    "sides": (Side, "side"),
    "techs": (Tech, "tech"),
    "hardware": (Hardware, "hardware"),
    "missions": (Mission, "mission"),
    "milestones": (Milestone, "milestone"),
    "events": (Event, "event"),
    "crews": (CrewMember, "crew"),
    "victory": (Victory, "victory"),
    "ai_personalities": (AIPersonality, "ai"),
}

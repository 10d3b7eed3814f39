"""The scenario file format: pydantic models for every kind of record, conditions and effects.

These models are the single source of truth for what a scenario or mod file may contain; the
JSON Schemas in schemas/ and the reference in docs/ are generated from them. Field names match
the engine's rule dataclasses so that `game.content.build` can convert one into the other.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, Strict, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", min_length=1, max_length=64)]
Int = Annotated[int, Strict()]
Money = Annotated[int, Strict(), Field(ge=-100_000, le=100_000)]
Percent = Annotated[int, Strict(), Field(ge=0, le=100)]
Reliability = Annotated[int, Strict(), Field(ge=0, le=100)]
Text = Union[Annotated[str, Field(max_length=4000)], dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")], Annotated[str, Field(max_length=4000)]]]

_DATE_RE = re.compile(r"^(\d{4})(?:-(?:([QHT])(\d{1,2})|(\d{1,2})-(\d{1,2})))?$")


def _date_text(v: object) -> object:
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return v



DateText = Annotated[str, Field(pattern=_DATE_RE.pattern, description="1957, 1957-Q4 or 1957-10-04")]


def date_to_ordinal(text: str, turns_per_year: int) -> int:
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


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Dated(Record):
    """A record with date fields, which YAML may have read as dates or numbers."""

    @model_validator(mode="before")
    @classmethod
    def _dates(cls, data: object) -> object:
        if isinstance(data, dict):
            return {k: (_date_text(v) if k in _DATE_FIELDS else v) for k, v in data.items()}
        return data


_DATE_FIELDS = frozenset({"start", "end", "date", "available"})


# -------------------------------------------------------------------------- conditions

Who = Literal["self", "rival", "anyone"]


class CondAll(Record):
    op: Literal["all"]
    of: list[Condition] = Field(max_length=64)


class CondAny(Record):
    op: Literal["any"]
    of: list[Condition] = Field(max_length=64)


class CondNot(Record):
    op: Literal["not"]
    cond: Condition


class CondDateBetween(_Dated):
    op: Literal["date_between"]
    start: DateText | None = None
    end: DateText | None = None


class CondHasTech(Record):
    op: Literal["has_tech"]
    tech: Id
    who: Who = "self"


class CondAchieved(Record):
    op: Literal["achieved"]
    milestone: Id
    by: Who = "self"


class CondFirstTo(Record):
    op: Literal["first_to"]
    milestone: Id
    by: Who = "self"


class CondFlag(Record):
    op: Literal["flag"]
    flag: Id
    scope: Literal["self", "rival", "global"] = "self"
    value: Int | None = None


class CondEventFired(Record):
    op: Literal["event_fired"]
    event: Id
    who: Who = "self"


class CondCompare(Record):
    op: Literal["compare"]
    value: Literal[
        "prestige", "rival_prestige", "prestige_lead", "cash", "budget", "year", "turn",
        "deaths", "launches", "active_crew", "reliability", "milestones",
    ]
    cmp: Literal["lt", "le", "eq", "ne", "ge", "gt"]
    to: Annotated[int, Strict(), Field(ge=-1_000_000, le=1_000_000)]
    tech: Id | None = Field(None, description="the tech whose reliability `reliability` reads")


class CondIsSide(Record):
    op: Literal["is_side"]
    side: Id


Condition = Annotated[
    Union[
        CondAll, CondAny, CondNot, CondDateBetween, CondHasTech, CondAchieved, CondFirstTo,
        CondFlag, CondEventFired, CondCompare, CondIsSide,
    ],
    Field(discriminator="op"),
]

# -------------------------------------------------------------------------- effects

Target = Literal["self", "rival"]


class EffAddBudget(Record):
    op: Literal["add_budget"]
    amount: Money
    target: Target = "self"


class EffAddCash(Record):
    op: Literal["add_cash"]
    amount: Money
    target: Target = "self"


class EffAddPrestige(Record):
    op: Literal["add_prestige"]
    amount: Money
    target: Target = "self"


class EffResearchProgress(Record):
    op: Literal["research_progress"]
    tech: Id
    amount: Money
    target: Target = "self"


class EffModifyReliability(Record):
    op: Literal["modify_reliability"]
    tech: Id
    amount: Annotated[int, Strict(), Field(ge=-100, le=100)]
    target: Target = "self"


class EffResearchRate(Record):
    op: Literal["research_rate"]
    amount: Annotated[int, Strict(), Field(ge=-100, le=100)]
    target: Target = "self"


class EffSetFlag(Record):
    op: Literal["set_flag"]
    flag: Id
    value: Annotated[int, Strict(), Field(ge=-1_000_000, le=1_000_000)] = 1
    scope: Literal["self", "rival", "global"] = "self"


class EffQueueEvent(Record):
    op: Literal["queue_event"]
    event: Id
    delay: Annotated[int, Strict(), Field(ge=1, le=400)] = 1
    target: Target = "self"


class EffCrewMorale(Record):
    op: Literal["crew_morale"]
    amount: Annotated[int, Strict(), Field(ge=-100, le=100)]
    target: Target = "self"


class EffInjureCrew(Record):
    op: Literal["injure_crew"]
    count: Annotated[int, Strict(), Field(ge=1, le=20)] = 1
    turns: Annotated[int, Strict(), Field(ge=0, le=40)] = 0
    target: Target = "self"


class EffLoseCrew(Record):
    op: Literal["lose_crew"]
    count: Annotated[int, Strict(), Field(ge=1, le=20)] = 1
    target: Target = "self"


class WeightedEffects(Record):
    weight: Annotated[int, Strict(), Field(ge=0, le=10_000)]
    effects: list[Effect] = Field(max_length=32)


class EffRandomOneOf(Record):
    op: Literal["random_one_of"]
    options: list[WeightedEffects] = Field(min_length=1, max_length=32)


Effect = Annotated[
    Union[
        EffAddBudget, EffAddCash, EffAddPrestige, EffResearchProgress, EffModifyReliability,
        EffResearchRate, EffSetFlag, EffQueueEvent, EffCrewMorale, EffInjureCrew, EffLoseCrew,
        EffRandomOneOf,
    ],
    Field(discriminator="op"),
]

for _m in (CondAll, CondAny, CondNot, WeightedEffects):
    _m.model_rebuild()

# -------------------------------------------------------------------------- records


class Settings(_Dated):
    turns_per_year: Annotated[int, Strict(), Field(ge=1, le=12)] = 4
    start: DateText
    end: DateText
    prestige_to_budget: Percent = 50
    recruit_cost: Annotated[int, Strict(), Field(ge=0, le=10_000)] = 2
    training_turns: Annotated[int, Strict(), Field(ge=0, le=40)] = 2
    training_gain: Annotated[int, Strict(), Field(ge=0, le=50)] = 3
    flight_gain: Annotated[int, Strict(), Field(ge=0, le=50)] = 4
    skill_divisor: Annotated[int, Strict(), Field(ge=1, le=100)] = 5
    research_improve: Annotated[int, Strict(), Field(ge=1, le=1000, description="percent of a tech's research cost that buys one reliability point")] = 5
    flight_learning: Annotated[int, Strict(), Field(ge=0, le=20)] = 2
    failure_learning: Annotated[int, Strict(), Field(ge=0, le=20)] = 1
    max_chance: Percent = 99
    min_chance: Percent = 1
    injury_turns: Annotated[int, Strict(), Field(ge=0, le=40)] = 4
    morale_start: Percent = 70
    morale_loss_death: Percent = 15
    morale_gain_success: Percent = 5
    retire_morale: Percent = 25
    intel_noise: Percent = 30
    intel_half: Annotated[int, Strict(), Field(ge=1, le=10_000)] = 4
    max_missions_per_turn: Annotated[int, Strict(), Field(ge=1, le=20)] = 3


class Side(Record):
    id: Id
    name: Text | None = None
    description: Text | None = None
    color: tuple[Annotated[int, Field(ge=0, le=255)], Annotated[int, Field(ge=0, le=255)], Annotated[int, Field(ge=0, le=255)]]
    start_cash: Money = 0
    budget: Annotated[int, Strict(), Field(ge=0, le=100_000)]
    budget_growth: Money = 0
    min_budget: Annotated[int, Strict(), Field(ge=0, le=100_000)] = 0
    max_budget: Annotated[int, Strict(), Field(ge=0, le=100_000)] = 10_000
    research_rate: Annotated[int, Strict(), Field(ge=10, le=400)] = 100
    prestige: Money = 0
    start_techs: dict[Id, Reliability] = Field(default_factory=dict, description="tech: reliability (0 for the tech's base)")
    start_progress: dict[Id, Annotated[int, Strict(), Field(ge=0, le=100_000)]] = Field(default_factory=dict)
    start_hardware: dict[Id, Annotated[int, Strict(), Field(ge=0, le=100)]] = Field(default_factory=dict)
    start_crew: list[Id] = Field(default_factory=list)
    ai_personality: Id | None = None


class Tech(Record):
    id: Id
    name: Text | None = None
    description: Text | None = None
    line: Id
    cost: Annotated[int, Strict(), Field(ge=1, le=100_000)]
    requires: list[Id] = Field(default_factory=list, max_length=16)
    base: Reliability = 40
    ceiling: Reliability = 90
    max_rate: Annotated[int, Strict(), Field(ge=0, le=100_000)] = 0
    available: Condition | None = None


class Hardware(Record):
    id: Id
    name: Text | None = None
    description: Text | None = None
    tech: Id
    unit_cost: Annotated[int, Strict(), Field(ge=0, le=100_000)]
    kind: Id = "other"


class Step(Record):
    id: Id
    name: Text | None = None
    slot: Id
    difficulty: Annotated[int, Strict(), Field(ge=-100, le=100)] = 0
    skill: Id | None = None
    critical: bool = True
    fatal: Percent = 0


class MissionPrestige(Record):
    success: Money = 1
    partial: Money = 0
    failure: Money = -2
    death: Money = -10


class Mission(Record):
    id: Id
    name: Text | None = None
    description: Text | None = None
    slots: dict[Id, list[Id]] = Field(min_length=1, max_length=8, description="slot: hardware that can fill it")
    steps: list[Step] = Field(min_length=1, max_length=16)
    crew: Annotated[int, Strict(), Field(ge=0, le=8)] = 0
    crew_traits: list[Id] = Field(default_factory=list)
    cost: Annotated[int, Strict(), Field(ge=0, le=100_000)] = 0
    milestones: list[Id] = Field(default_factory=list)
    prestige: MissionPrestige = MissionPrestige()
    available: Condition | None = None
    effects: list[Effect] = Field(default_factory=list, max_length=32)


class History(_Dated):
    date: DateText
    side: Id | None = None


class Milestone(Record):
    id: Id
    name: Text | None = None
    description: Text | None = None
    first: Money
    second: Money = 0
    later: Money = 0
    history: History | None = None


class Choice(Record):
    id: Id
    text: Text | None = None
    effects: list[Effect] = Field(default_factory=list, max_length=32)


class Event(Record):
    id: Id
    title: Text | None = None
    text: Text | None = None
    sides: list[Id] = Field(default_factory=list)
    when: Condition | None = None
    chance: Percent = 100
    once: bool = True
    cooldown: Annotated[int, Strict(), Field(ge=0, le=400)] = 0
    effects: list[Effect] = Field(default_factory=list, max_length=32)
    choices: list[Choice] = Field(default_factory=list, max_length=6)


class CrewMember(_Dated):
    id: Id
    side: Id
    name: Annotated[str, Field(min_length=1, max_length=80)]
    skills: dict[Id, Reliability] = Field(min_length=1)
    traits: list[Id] = Field(default_factory=list)
    available: DateText | None = None
    group: str = ""


class Victory(Record):
    id: Id
    name: Text | None = None
    description: Text | None = None
    when: Condition


class AIPersonality(Record):
    id: Id
    name: Text | None = None
    description: Text | None = None
    weights: dict[Id, Annotated[int, Strict(), Field(ge=0, le=1000)]] = Field(default_factory=dict)
    risk: Percent = 50


class Manifest(Record):
    id: Id
    kind: Literal["scenario", "mod"] = "scenario"
    name: Text | None = None
    description: Text | None = None
    version: Annotated[str, Field(pattern=r"^\d+(\.\d+){0,2}$")] = "1.0.0"
    requires: list[Id] = Field(default_factory=list)
    conflicts: list[Id] = Field(default_factory=list)
    load_after: list[Id] = Field(default_factory=list)
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]] = Field(default_factory=lambda: ["en"])


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

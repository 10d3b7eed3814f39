"""The scenario file format: pydantic models for every kind of record, and their conversion to the engine.

These models are the single source of truth for what a scenario or mod file may contain; the
JSON Schemas in schemas/ and the reference in docs/modding.md are generated from them, so
every `description` here is what a modder reads. Conditions and effects are derived from the
engine's op classes (`game.content.vocab`). Each record converts itself to the engine's rule
dataclass with `to_engine`, once its texts are translation keys (`game.content.build.own_texts`).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, Strict, model_serializer

from game.content.event_models import Choice, Condition, Effect, Event, Risk
from game.content.facilities import Facility
from game.content.fields import DESC_DOC as _DESC
from game.content.fields import NAME_DOC as _NAME
from game.content.fields import (
    Dated,
    DateText,
    Id,
    Money,
    Percent,
    Record,
    Reliability,
    Text,
    day_of_year,
)
from game.content.fields import field as _f
from game.content.fields import text_key as _key
from game.content.step_kinds import StepKind, infer
from game.content.vocab import BUILTIN, OpModel, ToEngine, op_formats
from game.engine import rules as r
from game.engine.calendar import date_to_ordinal
from game.engine.conditions import DateBetween

BUILTIN_OPS = op_formats(BUILTIN)  # (cached: the unions `Condition` and `Effect` come from, in event_models)

CONDITIONS: tuple[type[OpModel], ...] = BUILTIN_OPS.conditions
EFFECTS: tuple[type[OpModel], ...] = BUILTIN_OPS.effects
WeightedEffects = BUILTIN_OPS.model("WeightedEffects")  # the options of `random_one_of`


# -------------------------------------------------------------------------- records

_SMALL = Annotated[int, Strict(), Field(ge=0, le=40)]


# Settings added after saves were fingerprinted: left out of the dump while 0 (see `Settings._unsaid_left_out`).
_LATER_SETTINGS = ("improve_floor", "rush_cap", "rush_premium", "rush_malus", "test_cap", "test_premium")


class Settings(Dated):
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
    improve_floor: Annotated[int, Strict(), Field(ge=0, le=100_000)] = _f(
        "reliability research is priced as if every tech cost at least this many points (cheap techs "
        "do not reach their ceiling for pocket money); 0: each tech's own cost",
        default=0,
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
    event_draw: Percent = _f(
        "percent chance each turn that a side draws one of the events with a `weight` (those that may happen to "
        "it now, picked by weight)",
        default=25,
    )

    rush_cap: Annotated[int, Strict(), Field(ge=0, le=1000)] = _f(
        "percent more research points a turn than its rate cap a tech ordered rushed takes (0: no rushing)",
        default=0,
    )
    rush_premium: Annotated[int, Strict(), Field(ge=0, le=10_000)] = _f(
        "percent more money each of a rushed tech's points beyond its rate cap costs", default=0
    )
    rush_malus: Percent = _f(
        "reliability points below its base a tech starts at when it is finished while rushed", default=0
    )
    test_cap: Percent = _f(
        "reliability points a test campaign may buy on one finished tech a turn, never past its ceiling "
        "(0: no test campaigns)",
        default=0,
    )
    test_premium: Annotated[int, Strict(), Field(ge=0, le=10_000)] = _f(
        "percent more a reliability point bought by a test campaign costs than research's price at a research "
        "rate of 100 (a side's research rate does not cheapen tests)",
        default=0,
    )

    @model_serializer(mode="wrap")
    def _unsaid_left_out(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # settings that do not use these dump (and are fingerprinted, in saves too) as before they existed
        data: dict[str, Any] = handler(self)
        for name in _LATER_SETTINGS:
            if not getattr(self, name):
                data.pop(name, None)
        return data

    def to_engine(self) -> r.Settings:
        tpy = self.turns_per_year
        tuning = {name: getattr(self, name) for name in type(self).model_fields if name not in ("start", "end")}
        return r.Settings(**tuning, start=date_to_ordinal(self.start, tpy), end=date_to_ordinal(self.end, tpy))


class Side(Dated):
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
    joins: DateText | Condition | None = _f(
        "when the side enters the game: a date (1970-Q1) or a condition (e.g. another side reaching a milestone); "
        "left out: from the start. Until then it takes no turns, gets no money and no event touches it",
        default=None,
    )

    def to_engine(self, ctx: ToEngine) -> r.Side:
        return r.Side(
            id=self.id,
            name=_key(self.name),
            description=_key(self.description),
            color=self.color,
            start_cash=self.start_cash,
            budget=self.budget,
            budget_growth=self.budget_growth,
            min_budget=self.min_budget,
            max_budget=self.max_budget,
            research_rate=self.research_rate,
            prestige=self.prestige,
            start_techs=tuple(self.start_techs.items()),
            start_progress=tuple(self.start_progress.items()),
            start_hardware=tuple(self.start_hardware.items()),
            start_crew=tuple(self.start_crew),
            ai_personality=self.ai_personality,
            start_milestones=tuple((k, ctx.turn(v), day_of_year(v)) for k, v in self.start_milestones.items()),
            # a date is the condition "from that date on"
            joins=DateBetween(start=ctx.turn(self.joins)) if isinstance(self.joins, str) else ctx.op(self.joins),
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

    def to_engine(self, ctx: ToEngine) -> r.Tech:
        return r.Tech(
            id=self.id,
            name=_key(self.name),
            description=_key(self.description),
            line=self.line,
            cost=self.cost,
            requires=tuple(self.requires),
            base=self.base,
            ceiling=self.ceiling,
            max_rate=self.max_rate,
            available=ctx.op(self.available),
        )


class Hardware(Record):
    """Something a side builds and spends on missions: a rocket, a capsule, a probe. Its reliability is its tech's.
    Its picture is the package's art/<side>/<id>.svg, else art/<id>.svg (see the modding guide, "Hardware art")."""

    id: Id = _f("unique id")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    tech: Id = _f("the tech that unlocks it and whose reliability it flies with")
    unit_cost: Annotated[int, Strict(), Field(ge=0, le=100_000)] = _f("money per unit")
    kind: Id = _f(
        "launcher, capsule, probe, lander, payload, station, suit, target, adapter, ...: for display (the stack's order,"
        " the generic drawing) and the computer",
        default="other",
    )

    def to_engine(self, ctx: ToEngine) -> r.Hardware:
        return r.Hardware(self.id, _key(self.name), self.tech, self.unit_cost, self.kind, _key(self.description))


class Step(Record):
    """One stage of a mission, rolled against the reliability of the hardware in its slot."""

    id: Id = _f("id, unique in the mission; its text is the key step.<id>")
    name: Text | None = _f("display name; left out, the key step.<id>", default=None)
    slot: Id = _f("the mission slot whose hardware this step tests")
    kind: StepKind | None = _f(
        "what the launch animation draws; left out, guessed from the id's words (see Step kinds)", default=None
    )
    difficulty: Annotated[int, Strict(), Field(ge=-100, le=100)] = _f(
        "subtracted from the chance (negative makes it easier)", default=0
    )
    skill: Id | None = _f("crew skill that helps: (average skill − 50) ÷ skill_divisor is added", default=None)
    critical: bool = _f(
        "a failed critical step ends the mission; a failed non-critical one makes it a partial success", default=True
    )
    fatal: Percent = _f("percent chance that failing this step kills the crew", default=0)

    @model_serializer(mode="wrap")
    def _unsaid_kind_left_out(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # a package that does not say a step's kind dumps (and is fingerprinted, in saves too) as before kinds existed
        data: dict[str, Any] = handler(self)
        if self.kind is None:
            data.pop("kind", None)
        return data

    def to_engine(self) -> r.Step:
        kind = self.kind or infer(self.id)
        return r.Step(self.id, self.slot, self.difficulty, self.skill, self.critical, self.fatal, _key(self.name), kind)


class MissionPrestige(Record):
    """Prestige a mission's outcome brings when it reaches no new milestone."""

    success: Money = _f("for a success that reaches no new milestone", default=1)
    partial: Money = _f("added when a non-critical step failed", default=0)
    failure: Money = _f("for a failure", default=-2)
    death: Money = _f("for a failure that kills the crew", default=-10)

    def to_engine(self) -> r.MissionPrestige:
        return r.MissionPrestige(self.success, self.partial, self.failure, self.death)


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

    def to_engine(self, ctx: ToEngine) -> r.Mission:
        return r.Mission(
            id=self.id,
            name=_key(self.name),
            description=_key(self.description),
            slots=tuple(r.Slot(k, tuple(v)) for k, v in self.slots.items()),
            steps=tuple(x.to_engine() for x in self.steps),
            crew=self.crew,
            crew_traits=tuple(self.crew_traits),
            cost=self.cost,
            milestones=tuple(self.milestones),
            prestige=self.prestige.to_engine(),
            available=ctx.op(self.available),
            effects=ctx.ops(self.effects),
        )


class History(Dated):
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

    def to_engine(self, ctx: ToEngine) -> r.Milestone:
        return r.Milestone(
            id=self.id,
            name=_key(self.name),
            description=_key(self.description),
            first=self.first,
            second=self.second,
            later=self.later,
            history_date=ctx.turn(self.history.date) if self.history else None,
            history_side=self.history.side if self.history else None,
        )


class CrewMember(Dated):
    """A named astronaut or cosmonaut a side can recruit."""

    id: Id = _f("unique id")
    side: Id = _f("the side they serve")
    name: Annotated[str, Field(min_length=1, max_length=80)] = _f(
        "their name, as written; a strings file may give it in another language as crew.<id>.name"
    )
    skills: dict[Id, Reliability] = _f("skill → level 0–100 (50 is average: no bonus)", min_length=1)
    traits: list[Id] = _f("traits missions can ask for in crew_traits", default_factory=list)
    available: DateText | None = _f("from when the side can recruit them; left out: from the start", default=None)
    group: str = _f("selection group, for display (e.g. Mercury Seven)", default="", max_length=80)

    def to_engine(self, ctx: ToEngine) -> r.CrewMember:
        return r.CrewMember(
            id=self.id,
            side=self.side,
            name=self.name,
            skills=tuple(self.skills.items()),
            traits=tuple(self.traits),
            available=ctx.turn(self.available) if self.available else 0,
            group=self.group,
        )


class Victory(Record):
    """A way to win before the end date: the first side for which `when` holds wins (several in one quarter: the
    one a flight brought it to first, in launch order; see launch_windows)."""

    id: Id = _f("unique id")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    when: Condition = _f("judged for every side at the end of every turn")

    def to_engine(self, ctx: ToEngine) -> r.Victory:
        return r.Victory(self.id, _key(self.name), ctx.op(self.when), _key(self.description))


class VictoryMode(Record):
    """A way to play the scenario, chosen when a game starts: which victories end it early. The first mode
    listed is the default; a scenario without modes plays every victory. Prestige decides at the end date."""

    id: Id = _f("unique id; `spacerace play --victory <id>` and the new-game screen choose it")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    victories: list[Id] = _f(
        "the victories that end the game in this mode; empty: only prestige at the end date decides",
        default_factory=list,
    )
    end: DateText | None = _f(
        "the last turn in which this mode's victories can be won: after it, the side with more prestige wins "
        "(a game played on goes on to the scenario's end); left out: the scenario's end",
        default=None,
    )

    def to_engine(self, ctx: ToEngine) -> r.VictoryMode:
        end = ctx.date(self.end) or 0
        return r.VictoryMode(self.id, _key(self.name), tuple(self.victories), _key(self.description), end)


class LaunchWindow(Record):
    """A part of the quarter a flight is planned to launch in (the player picks one for each flight). Windows
    fly in the order listed: every flight of an earlier window launches before any of a later one, and the
    first to fly earns the first. The last window listed is the default (an order that names none flies in
    it). A scenario without windows has one, free."""

    id: Id = _f("unique id; a planned flight names it in `window`")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    cost: Annotated[int, Strict(), Field(ge=0, le=1000)] = _f(
        "percent of the mission's price added for launching in this window (rounded up)", default=0
    )
    risk: Annotated[int, Strict(), Field(ge=0, le=100)] = _f(
        "points taken off every step's chance of a flight in this window (a rushed launch)", default=0
    )

    def to_engine(self, ctx: ToEngine) -> r.LaunchWindow:
        return r.LaunchWindow(self.id, _key(self.name), self.cost, self.risk, _key(self.description))


class AIPersonality(Record):
    """How the computer plays a side that names it."""

    id: Id = _f("unique id")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    weights: dict[Id, Annotated[int, Strict(), Field(ge=0, le=1000)]] = _f(
        "milestone or tech line → how much it is wanted; 100 is neutral", default_factory=dict
    )
    risk: Percent = _f("lowest success chance, percent, it accepts for a crewed flight", default=50)

    def to_engine(self, ctx: ToEngine) -> r.AIPersonality:
        return r.AIPersonality(self.id, _key(self.name), tuple(self.weights.items()), self.risk, _key(self.description))


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
    "victory_modes": (VictoryMode, "victory_mode"),
    "launch_windows": (LaunchWindow, "launch_window"),
    "ai_personalities": (AIPersonality, "ai"),
    "facilities": (Facility, "facility"),
}

# Records inside records, documented after the kinds that hold them.
NESTED: tuple[type[BaseModel], ...] = (Step, MissionPrestige, Choice, Risk, History, WeightedEffects)

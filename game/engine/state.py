"""The hot game state: plain slotted dataclasses with cheap clones, and the few mutations shared by rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from game.engine import events as ev
from game.engine.records import quick_init
from game.engine.rng import Rng

if TYPE_CHECKING:
    from game.engine.rules import Ruleset, Tech

PHASE_PLANNING = "planning"
PHASE_OVER = "over"


class CrewStatus(StrEnum):
    """Where a crew member stands. String-valued: saves and hashes hold the plain words."""

    CANDIDATE = "candidate"  # not yet recruited
    TRAINING = "training"
    ACTIVE = "active"  # ready to fly
    INJURED = "injured"
    DEAD = "dead"
    RETIRED = "retired"


# Still in the programme: recruited, and neither dead nor retired.
SERVING = frozenset({CrewStatus.ACTIVE, CrewStatus.TRAINING, CrewStatus.INJURED})


@dataclass(slots=True)
class TechState:
    progress: int = 0
    done: bool = False
    reliability: int = 0
    funding: int = 0  # standing order: money a turn
    flights: int = 0  # steps flown that tested it
    failures: int = 0

    def clone(self) -> TechState:
        return TechState(self.progress, self.done, self.reliability, self.funding, self.flights, self.failures)


@dataclass(slots=True)
class CrewState:
    status: CrewStatus
    skills: dict[str, int]
    morale: int
    training_left: int = 0
    injured_until: int = 0
    flights: int = 0

    def clone(self) -> CrewState:
        return CrewState(
            self.status, dict(self.skills), self.morale, self.training_left, self.injured_until, self.flights
        )


@quick_init
@dataclass(frozen=True, slots=True)
class Purchase:
    """A purchase of this quarter that can still be taken back (`CancelOrder`): the order's name, what it
    bought (a hardware or a crew member), how many, and what it cost."""

    order: str  # "buy_hardware", "recruit_crew", "build_facility" or "buy_reliability" (count: the points)
    subject: str
    count: int
    cost: int


@dataclass(slots=True)
class PlannedMission:
    mission: str
    hardware: tuple[tuple[str, str], ...]  # (slot, hardware)
    crew: tuple[str, ...]
    cost: int  # paid when planned, refunded if cancelled or scrubbed
    window: str = ""  # the launch window's id (`Ruleset.launch_window`); "" in a ruleset without windows

    def hardware_for(self, slot: str) -> str:
        for s, h in self.hardware:
            if s == slot:
                return h
        raise KeyError(slot)


@dataclass(slots=True)
class Decision:
    id: int
    event: str
    choices: tuple[str, ...]


@quick_init
@dataclass(frozen=True, slots=True)
class LaunchRecord:
    """One launch as the world saw it: part of every side's public record."""

    turn: int
    side: str
    mission: str
    outcome: str  # success, partial, failure, crew_lost, scrubbed
    crew: tuple[str, ...] = ()
    window: str = ""  # the launch window it flew in ("": a ruleset without windows, or a save from before them)


@quick_init
@dataclass(frozen=True, slots=True)
class IntelEstimate:
    about: str
    turn: int
    error: int  # the worst error of these estimates, percent
    cash: int
    budget: int
    techs: dict[str, int]  # tech -> estimated reliability (0: thought unfinished)
    active_crew: int


@dataclass(slots=True)
class SideState:
    id: str
    cash: int
    budget: int  # this year's budget
    budget_base: int  # the yearly base before prestige and events
    budget_mod: int  # lasting change from events
    prestige: int
    prestige_year: int  # prestige gained this year, which feeds next year's budget
    research_rate: int
    techs: dict[str, TechState]
    hardware: dict[str, int]
    crews: dict[str, CrewState]
    plan: list[PlannedMission] = field(default_factory=list)
    intel: int = 0  # standing order: money a turn on intelligence
    milestones: dict[str, int] = field(default_factory=dict)  # milestone -> turn reached
    flags: dict[str, int] = field(default_factory=dict)
    events_fired: dict[str, int] = field(default_factory=dict)  # event -> last turn fired
    decisions: list[Decision] = field(default_factory=list)
    ended: bool = False
    deaths: int = 0
    launches: int = 0
    intel_reports: dict[str, IntelEstimate] = field(default_factory=dict)
    history: list[tuple[int, int, int, int]] = field(default_factory=list)  # (turn, prestige, budget, cash)
    bought: list[Purchase] = field(default_factory=list)  # this quarter's purchases, until the turn resolves
    facilities: dict[str, int] = field(default_factory=dict)  # facility -> turn it was built
    rushed: list[str] = field(default_factory=list)  # unfinished techs ordered rushed (`FundResearch.rush`)

    def clone(self) -> SideState:
        return SideState(
            self.id,
            self.cash,
            self.budget,
            self.budget_base,
            self.budget_mod,
            self.prestige,
            self.prestige_year,
            self.research_rate,
            {k: t.clone() for k, t in self.techs.items()},
            dict(self.hardware),
            {k: c.clone() for k, c in self.crews.items()},
            [PlannedMission(p.mission, p.hardware, p.crew, p.cost, p.window) for p in self.plan],
            self.intel,
            dict(self.milestones),
            dict(self.flags),
            dict(self.events_fired),
            [Decision(d.id, d.event, d.choices) for d in self.decisions],
            self.ended,
            self.deaths,
            self.launches,
            dict(self.intel_reports),  # estimates are never mutated, only replaced
            list(self.history),
            list(self.bought),  # purchases are never mutated, only added and taken back
            dict(self.facilities),
            list(self.rushed),
        )

    def is_rushed(self, tech: str) -> bool:
        """Whether the side has ordered `tech` rushed (`FundResearch.rush`; only an unfinished tech can be): the
        one spelling of it, for the odds, the orders and a tech's finishing alike."""
        return bool(self.rushed) and tech in self.rushed

    def add_prestige(self, amount: int) -> None:
        self.prestige = max(-100_000, min(100_000, self.prestige + amount))
        self.prestige_year += amount

    def reliability(self, tech: str) -> int:
        t = self.techs.get(tech)
        return t.reliability if t is not None and t.done else 0

    def reserved_hardware(self, hardware: str) -> int:
        return sum([1 for p in self.plan for _, h in p.hardware if h == hardware])

    def free_hardware(self, hardware: str) -> int:
        """Units in store not booked by a launch planned this turn: what a new plan may take."""
        return self.hardware.get(hardware, 0) - self.reserved_hardware(hardware)

    def busy_crew(self) -> set[str]:
        return {c for p in self.plan for c in p.crew}


@dataclass(slots=True)
class GameState:
    rules: Ruleset
    seed: int
    turn: int
    phase: str
    sides: dict[str, SideState]
    rng: Rng
    flags: dict[str, int] = field(default_factory=dict)
    queued: list[tuple[int, str, str]] = field(default_factory=list)  # (turn due, side, event)
    firsts: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # milestone -> [(side, turn)]
    public_log: list[LaunchRecord] = field(default_factory=list)
    winner: str | None = None
    end_reason: str = ""
    next_decision: int = 1
    actions_applied: int = 0
    play_on: bool = False  # the game goes on to the end date after a side has won (the result stands)
    decided: int = 0  # with play_on: the turn the result was settled (0: not yet)
    victory_mode: str = ""  # the ruleset's victory mode this game is played in ("": its default)
    waiting: list[str] = field(default_factory=list)  # sides whose `joins` has not held yet, in scenario order

    def present(self) -> list[SideState]:
        """The sides in the game now, in scenario order (not those still waiting to join)."""
        if not self.waiting:
            return list(self.sides.values())
        return [s for sid, s in self.sides.items() if sid not in self.waiting]

    def clone(self) -> GameState:
        return GameState(
            self.rules,
            self.seed,
            self.turn,
            self.phase,
            {k: s.clone() for k, s in self.sides.items()},
            self.rng.clone(),
            dict(self.flags),
            list(self.queued),
            {k: list(v) for k, v in self.firsts.items()},
            list(self.public_log),  # records are never mutated
            self.winner,
            self.end_reason,
            self.next_decision,
            self.actions_applied,
            self.play_on,
            self.decided,
            self.victory_mode,
            list(self.waiting),
        )

    @property
    def year(self) -> int:
        return self.turn // self.rules.settings.turns_per_year

    @property
    def turn_of_year(self) -> int:
        return self.turn % self.rules.settings.turns_per_year + 1

    # -- mutations shared by effects and the turn sequence --------------------------------

    def finish_tech(self, side: SideState, tech: Tech, out: list[ev.Event]) -> None:
        ts = side.techs[tech.id]
        if ts.done:
            return
        ts.done = True
        ts.progress = tech.cost
        base = tech.base
        if side.is_rushed(tech.id):
            # A rushed tech comes out less tested: it starts `rush_malus` points below its base.
            side.rushed.remove(tech.id)
            base = max(0, base - self.rules.settings.rush_malus)
        ts.reliability = max(ts.reliability, base)
        out.append(ev.TechCompleted(side.id, tech.id, ts.reliability))

    def kill_crew(self, side: SideState, crew: str, out: list[ev.Event]) -> None:
        c = side.crews[crew]
        if c.status == CrewStatus.DEAD:
            return
        c.status = CrewStatus.DEAD
        side.deaths += 1
        out.append(ev.CrewDied(side.id, crew))
        loss = self.rules.settings.morale_loss_death
        for other in side.crews.values():
            if other.status in SERVING:
                other.morale = max(0, other.morale - loss)

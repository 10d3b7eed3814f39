"""Domain events: what happened, in the past tense, for the UI to narrate and tests to check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from game.engine.records import quick_init


@dataclass(frozen=True, slots=True)
class TurnEnded:
    side: str


@dataclass(frozen=True, slots=True)
class TurnStarted:
    turn: int
    year: int


@dataclass(frozen=True, slots=True)
class CashChanged:
    side: str
    amount: int


@dataclass(frozen=True, slots=True)
class BudgetChanged:
    side: str
    amount: int


@dataclass(frozen=True, slots=True)
class BudgetSet:
    side: str
    budget: int
    year: int


@dataclass(frozen=True, slots=True)
class InstalmentPaid:
    side: str
    amount: int


@dataclass(frozen=True, slots=True)
class PrestigeChanged:
    side: str
    amount: int
    reason: str


@dataclass(frozen=True, slots=True)
class ResearchAdvanced:
    side: str
    tech: str
    spent: int
    progress: int


@dataclass(frozen=True, slots=True)
class ResearchRushed:
    """A rushed tech took `points` research points beyond its rate cap this turn (their premium is in the
    `spent` of the same turn's `ResearchAdvanced`)."""

    side: str
    tech: str
    points: int


@dataclass(frozen=True, slots=True)
class ReliabilityBought:
    """A test campaign bought `points` reliability points of a finished tech for `cost`."""

    side: str
    tech: str
    points: int
    cost: int
    reliability: int


@dataclass(frozen=True, slots=True)
class TechCompleted:
    side: str
    tech: str
    reliability: int


@dataclass(frozen=True, slots=True)
class ReliabilityChanged:
    side: str
    tech: str
    amount: int
    reliability: int


@dataclass(frozen=True, slots=True)
class HardwareBought:
    side: str
    hardware: str
    count: int
    cost: int


@dataclass(frozen=True, slots=True)
class FacilityBuilt:
    side: str
    facility: str
    cost: int


@dataclass(frozen=True, slots=True)
class CrewRecruited:
    side: str
    crew: str


@dataclass(frozen=True, slots=True)
class CrewTrained:
    side: str
    crew: str


@dataclass(frozen=True, slots=True)
class CrewInjured:
    side: str
    crew: str
    turns: int


@dataclass(frozen=True, slots=True)
class CrewRecovered:
    side: str
    crew: str


@dataclass(frozen=True, slots=True)
class CrewDied:
    side: str
    crew: str


@dataclass(frozen=True, slots=True)
class CrewRetired:
    side: str
    crew: str


@dataclass(frozen=True, slots=True)
class MissionPlanned:
    side: str
    mission: str


@dataclass(frozen=True, slots=True)
class MissionCancelled:
    side: str
    mission: str


@dataclass(frozen=True, slots=True)
class OrderCancelled:
    """A purchase of this quarter was taken back: `order` is the order's name, `subject` what it bought,
    `refund` the money returned."""

    side: str
    order: str
    subject: str
    count: int
    refund: int


@dataclass(frozen=True, slots=True)
class MissionLaunched:
    """A flight left the pad. `odds` are its chances as they stood at the end of planning, in per mille
    (success, partial, failure, crew lost; they add to 1000): the very chances its dice are rolled against."""

    side: str
    mission: str
    crew: tuple[str, ...]
    odds: tuple[int, int, int, int] = (1000, 0, 0, 0)
    hardware: tuple[tuple[str, str], ...] = ()  # (slot, hardware) of what flew: the stack the launch report draws
    window: str = ""  # the launch window it flew in (`Ruleset.launch_window`)


@dataclass(frozen=True, slots=True)
class StepRolled:
    """A die cast for one step of a mission: kept so a replay divergence can be pinpointed."""

    side: str
    mission: str
    step: str
    chance: int
    roll: int
    passed: bool


@dataclass(frozen=True, slots=True)
class MissionSucceeded:
    side: str
    mission: str


@dataclass(frozen=True, slots=True)
class MissionPartlySucceeded:
    side: str
    mission: str
    step: str


@dataclass(frozen=True, slots=True)
class MissionFailed:
    side: str
    mission: str
    step: str
    crew_lost: bool


@dataclass(frozen=True, slots=True)
class MissionScrubbed:
    side: str
    mission: str
    reason: str


@dataclass(frozen=True, slots=True)
class MilestoneAchieved:
    side: str
    milestone: str
    rank: int  # 1 first, 2 second, 3 later
    prestige: int


@dataclass(frozen=True, slots=True)
class EventFired:
    side: str
    event: str
    decision: int | None  # id of the pending decision, when the event offers a choice


@dataclass(frozen=True, slots=True)
class DecisionMade:
    side: str
    event: str
    choice: str
    automatic: bool


@dataclass(frozen=True, slots=True)
class IntelReported:
    side: str
    about: str


@dataclass(frozen=True, slots=True)
class SideJoined:
    """A side that waited for its `joins` condition enters the game at the start of this turn."""

    side: str


@dataclass(frozen=True, slots=True)
class GameWon:
    side: str | None  # None: a draw
    reason: str


Event = (
    TurnEnded
    | SideJoined
    | TurnStarted
    | CashChanged
    | BudgetChanged
    | BudgetSet
    | InstalmentPaid
    | PrestigeChanged
    | ResearchAdvanced
    | ResearchRushed
    | ReliabilityBought
    | TechCompleted
    | ReliabilityChanged
    | HardwareBought
    | FacilityBuilt
    | CrewRecruited
    | CrewTrained
    | CrewInjured
    | CrewRecovered
    | CrewDied
    | CrewRetired
    | MissionPlanned
    | MissionCancelled
    | OrderCancelled
    | MissionLaunched
    | StepRolled
    | MissionSucceeded
    | MissionPartlySucceeded
    | MissionFailed
    | MissionScrubbed
    | MilestoneAchieved
    | EventFired
    | DecisionMade
    | IntelReported
    | GameWon
)

for _event in get_args(Event):  # thousands are made a game: see `records`
    quick_init(_event)

"""What a side can order in the planning phase (imperative names), and the typed rejection of a bad order."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import get_args

from game.engine.records import quick_init


@dataclass(frozen=True, slots=True)
class FundResearch:
    """Standing order: spend `amount` a turn on a tech (to finish it, then to raise its reliability). With
    `rush`, an unfinished tech takes points beyond its rate cap at a premium (`odds.research_points_for`) until
    it is finished; the scenario's settings say how many and at what price (`rush_cap`, `rush_premium`)."""

    side: str
    tech: str
    amount: int
    rush: bool = False


@dataclass(frozen=True, slots=True)
class BuyHardware:
    side: str
    hardware: str
    count: int = 1


@dataclass(frozen=True, slots=True)
class RecruitCrew:
    side: str
    crew: str


@dataclass(frozen=True, slots=True)
class BuildFacility:
    """Build a facility (paid now, kept for good; can be taken back with `CancelOrder` until the turn ends)."""

    side: str
    facility: str


@dataclass(frozen=True, slots=True)
class BuyReliability:
    """A test campaign: buy `points` reliability points of a finished tech now, at `odds.test_point_price` each
    (at most the scenario's `test_cap` a tech a turn, never past its ceiling); can be taken back with
    `CancelOrder` until the turn ends."""

    side: str
    tech: str
    points: int


@dataclass(frozen=True, slots=True)
class PlanMission:
    """Fly `mission` this turn with the given hardware in each slot and the given crew, in the launch window
    `window` (`Ruleset.launch_windows`; "": the default window, the one every order made before windows flew in)."""

    side: str
    mission: str
    hardware: tuple[tuple[str, str], ...]  # (slot, hardware)
    crew: tuple[str, ...] = ()
    window: str = ""


@dataclass(frozen=True, slots=True)
class CancelMission:
    side: str
    index: int


@dataclass(frozen=True, slots=True)
class CancelOrder:
    """Take back a purchase of this quarter (hardware bought, a candidate recruited) with its money, before the
    turn ends: `index` is its place in the side's `bought` list (SideState)."""

    side: str
    index: int


@dataclass(frozen=True, slots=True)
class FundIntelligence:
    """Standing order: spend `amount` a turn on estimates of the rivals."""

    side: str
    amount: int


@dataclass(frozen=True, slots=True)
class Decide:
    side: str
    decision: int
    choice: str


@dataclass(frozen=True, slots=True)
class EndTurn:
    side: str


Action = (
    FundResearch
    | BuyHardware
    | RecruitCrew
    | BuildFacility
    | BuyReliability
    | PlanMission
    | CancelMission
    | CancelOrder
    | FundIntelligence
    | Decide
    | EndTurn
)
for _action in get_args(Action):  # a computer player makes hundreds a game to price its flights: see `records`
    quick_init(_action)

ACTION_TYPES: dict[str, type] = {
    "fund_research": FundResearch,
    "buy_hardware": BuyHardware,
    "recruit_crew": RecruitCrew,
    "build_facility": BuildFacility,
    "buy_reliability": BuyReliability,
    "plan_mission": PlanMission,
    "cancel_mission": CancelMission,
    "cancel_order": CancelOrder,
    "fund_intelligence": FundIntelligence,
    "decide": Decide,
    "end_turn": EndTurn,
}
ACTION_NAMES: dict[type, str] = {v: k for k, v in ACTION_TYPES.items()}


class RejectionCode(StrEnum):
    """Every reason an order can be refused. The values are stable (saves, tests and mods' tools read them)."""

    UNKNOWN_ACTION = "action/unknown_action"
    GAME_OVER = "action/game_over"
    UNKNOWN_SIDE = "action/unknown_side"
    TURN_ENDED = "action/turn_ended"
    SIDE_WAITING = "action/side_waiting"  # the side's `joins` has not held yet
    UNKNOWN_TECH = "action/unknown_tech"
    TECH_LOCKED = "action/tech_locked"
    UNKNOWN_HARDWARE = "action/unknown_hardware"
    HARDWARE_LOCKED = "action/hardware_locked"
    WRONG_HARDWARE = "action/wrong_hardware"
    MISSING_HARDWARE = "action/missing_hardware"
    UNKNOWN_CREW = "action/unknown_crew"
    CREW_UNAVAILABLE = "action/crew_unavailable"
    BAD_CREW = "action/bad_crew"
    UNKNOWN_FACILITY = "action/unknown_facility"
    FACILITY_LOCKED = "action/facility_locked"  # a tech it requires is unfinished (subject: the tech)
    FACILITY_BUILT = "action/facility_built"  # the side has it already
    NOT_OFFERED = "action/not_offered"  # the scenario's settings offer no rushing / no test campaigns
    TECH_FINISHED = "action/tech_finished"  # only an unfinished tech can be rushed
    TECH_UNFINISHED = "action/tech_unfinished"  # only a finished tech can be tested
    AT_CEILING = "action/at_ceiling"  # the tech's reliability is at its ceiling (figures: the ceiling, now)
    TEST_LIMIT = "action/test_limit"  # more points than a test campaign may buy on it this turn (figures: room, asked)
    UNKNOWN_MISSION = "action/unknown_mission"
    UNKNOWN_WINDOW = "action/unknown_window"
    MISSION_UNAVAILABLE = "action/mission_unavailable"
    TOO_MANY_MISSIONS = "action/too_many_missions"
    NO_SUCH_PLAN = "action/no_such_plan"
    NO_SUCH_ORDER = "action/no_such_order"
    ORDER_IN_USE = "action/order_in_use"
    UNKNOWN_DECISION = "action/unknown_decision"
    UNKNOWN_CHOICE = "action/unknown_choice"
    CHOICE_CLOSED = "action/choice_closed"  # the choice's condition does not hold now (subject: the choice)
    BAD_AMOUNT = "action/bad_amount"
    INSUFFICIENT_FUNDS = "action/insufficient_funds"


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why an action cannot be applied: a code from `RejectionCode`, a plain message, and the figures
    behind it where there are some (`needed` and `have`: money, units, crew members, a limit), so that
    a screen can word the refusal without working anything out again. `subject` names the id the refusal
    is about (the hardware that is missing, the crew member who is busy) where that is not the order's own."""

    code: RejectionCode
    message: str
    needed: int | None = None
    have: int | None = None
    subject: str | None = None

    def __str__(self) -> str:
        return f"{self.code.value}: {self.message}"


class IllegalAction(Exception):
    """Raised by `apply` when handed an action `validate` rejects: a caller's bug, not a player's mistake."""

    def __init__(self, rejection: Rejection) -> None:
        super().__init__(str(rejection))
        self.rejection = rejection

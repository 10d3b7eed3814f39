"""The frozen rule book the engine plays by: sides, techs, hardware, missions, events and victory.

Everything here is built by `game.content` from scenario files; the engine never names a
side, tech or milestone of any particular scenario. Dates are absolute turn ordinals
(`year * turns_per_year + turn_of_year - 1`), money is whole units, reliability and chances
are whole percent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from game.engine import calendar
from game.engine.vocab import Condition, Effect


@dataclass(frozen=True, slots=True)
class Settings:
    turns_per_year: int
    start: int  # first turn, as an ordinal
    end: int  # last turn played, as an ordinal
    prestige_to_budget: int = 50  # percent of a year's prestige gain added to next year's budget
    prestige_to_base: int = 0  # percent of a year's prestige gain added to every later year's budget
    recruit_cost: int = 2
    training_turns: int = 2
    training_gain: int = 3  # skill points a turn of training adds
    flight_gain: int = 4  # skill points a flight adds to each crew member
    skill_divisor: int = 5  # (skill - 50) // divisor is a step's crew bonus
    research_improve: int = 5  # percent of a tech's research cost that buys one reliability point
    improve_floor: int = 0  # reliability work is priced as if a tech cost at least this many points
    flight_learning: int = 2  # reliability points a successful step teaches
    failure_learning: int = 1  # reliability points a failed step teaches
    max_chance: int = 99
    min_chance: int = 1
    injury_turns: int = 4
    morale_start: int = 70
    morale_loss_death: int = 15
    morale_gain_success: int = 5
    retire_morale: int = 25  # below this, a crew member may leave
    intel_noise: int = 30  # worst estimate error, percent, with no intelligence spending
    intel_half: int = 4  # spending a turn that halves the estimate error
    max_missions_per_turn: int = 3
    event_draw: int = 25  # percent a turn that a side draws one of the events with a `weight`
    # Spending beyond the rate caps (0: not offered; see `odds.rush_points` and `odds.test_point_price`).
    rush_cap: int = 0  # percent more research points a turn than its rate cap a rushed tech takes
    rush_premium: int = 0  # percent more money each of those points costs
    rush_malus: int = 0  # reliability points a tech finished while rushed starts below its base
    test_cap: int = 0  # reliability points a test campaign may buy on one finished tech a turn
    test_premium: int = 0  # percent more a bought reliability point costs than research's price at rate 100


@dataclass(frozen=True, slots=True)
class Side:
    id: str
    name: str
    color: tuple[int, int, int]
    start_cash: int
    budget: int  # yearly budget at the start
    budget_growth: int = 0  # added to the base budget every year
    min_budget: int = 0
    max_budget: int = 10_000
    research_rate: int = 100  # percent: research points per unit of money
    prestige: int = 0
    start_techs: tuple[tuple[str, int], ...] = ()  # (tech, reliability) known at the start
    start_progress: tuple[tuple[str, int], ...] = ()  # (tech, research points) already spent
    start_hardware: tuple[tuple[str, int], ...] = ()
    start_crew: tuple[str, ...] = ()  # crew already recruited and trained at the start
    ai_personality: str | None = None
    description: str = ""
    # Milestones reached before the start: (milestone, turn reached, order within that turn).
    start_milestones: tuple[tuple[str, int, int], ...] = ()
    # When the side enters the game (checked at the start and at every new turn); None: from the start.
    # Until then it takes no turns, receives no money and no event touches it.
    joins: Condition | None = None


@dataclass(frozen=True, slots=True)
class Tech:
    id: str
    name: str
    line: str  # the branch of the tree it belongs to (display and AI only)
    cost: int  # research points to finish it
    requires: tuple[str, ...] = ()
    base: int = 40  # reliability when finished
    ceiling: int = 90  # the most research and flights can raise it to
    max_rate: int = 0  # research points a turn can usefully take; 0 means cost // 4
    available: Condition | None = None
    description: str = ""
    # The research points a turn the tech can usefully take: `max_rate`, else a quarter of its cost (at least one).
    # Worked out once, when the tech is made: research, its odds and the computer players ask it every quarter.
    rate_cap: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rate_cap", self.max_rate or max(1, self.cost // 4))  # (frozen: set once, here)


@dataclass(frozen=True, slots=True)
class Hardware:
    id: str
    name: str
    tech: str  # finishing this tech unlocks the hardware; its reliability is the tech's
    unit_cost: int
    kind: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    options: tuple[str, ...]  # hardware ids, any of which fills the slot


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    slot: str  # whose hardware reliability the step tests
    difficulty: int = 0  # subtracted from the chance
    skill: str | None = None  # crew skill that helps
    critical: bool = True  # a failed non-critical step makes a partial success
    fatal: int = 0  # percent chance a failure here kills the crew
    name: str = ""
    kind: str = "operations"  # what the launch animation draws (game.content.step_kinds); facilities' bonuses


@dataclass(frozen=True, slots=True)
class Facility:
    """Something a side builds once and keeps (a tracking network, say): it adds `bonus` to the chance of every
    step of the given kinds its flights fly (see `odds.facility_bonus`)."""

    id: str
    name: str
    cost: int  # money, paid when ordered
    requires: tuple[str, ...] = ()  # techs that must be finished first
    bonus: int = 0  # percent points on the chance of each step of `kinds`
    kinds: tuple[str, ...] = ()  # step kinds (game.content.step_kinds) it helps
    description: str = ""


@dataclass(frozen=True, slots=True)
class MissionPrestige:
    success: int = 1  # each success after the milestone's first and second
    partial: int = 0
    failure: int = -2
    death: int = -10


@dataclass(frozen=True, slots=True)
class Mission:
    id: str
    name: str
    slots: tuple[Slot, ...]
    steps: tuple[Step, ...]
    crew: int = 0
    crew_traits: tuple[str, ...] = ()  # at least one crew member must have each trait
    cost: int = 0  # launch cost on top of the hardware
    milestones: tuple[str, ...] = ()  # achieved on success (and on a partial success)
    prestige: MissionPrestige = field(default_factory=MissionPrestige)
    available: Condition | None = None
    effects: tuple[Effect, ...] = ()  # on success
    description: str = ""


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    name: str
    first: int  # prestige for the first side to reach it
    second: int = 0
    later: int = 0
    history_date: int | None = None  # when it happened, as an ordinal, for comparison
    history_side: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    text: str
    effects: tuple[Effect, ...] = ()
    when: Condition | None = None  # it can be chosen only while this holds (see `news.open_choices`)


@dataclass(frozen=True, slots=True)
class Risk:
    """Odds an event gains while a condition holds: how a programme is run makes a disaster likelier."""

    add: int  # percent added to the event's chance (to its weight, for an event of the draw); may be negative
    when: Condition


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    text: str
    sides: tuple[str, ...] = ()  # empty: every side
    when: Condition | None = None
    chance: int = 100  # percent a turn while `when` holds (plus its risks that hold)
    once: bool = True
    cooldown: int = 0  # turns before a repeatable event can fire again for the side
    effects: tuple[Effect, ...] = ()
    choices: tuple[Choice, ...] = ()
    default: str | None = None  # the choice taken when no choice's condition holds
    latecomers: bool = True  # False: never for a side that joins after the start (one with `joins`)
    # > 0: not rolled on its own but drawn, by this weight (plus its risks that hold), when a side's turn
    # draws an event (`Settings.event_draw`); see `news.run_news`
    weight: int = 0
    risks: tuple[Risk, ...] = ()

    def fires_alone(self) -> bool:
        """Whether it can happen without another event queueing it (see `fires_alone`)."""
        return fires_alone(self.chance, self.weight, (r.add for r in self.risks))


def fires_alone(chance: int, weight: int, adds: Iterable[int]) -> bool:
    """Whether an event with this chance, weight and risks' adds can happen without another event queueing
    it: it is drawn (a weight), or it has a chance, or a risk can give it one."""
    return weight > 0 or chance > 0 or any(a > 0 for a in adds)


@dataclass(frozen=True, slots=True)
class CrewMember:
    id: str
    side: str
    name: str
    skills: tuple[tuple[str, int], ...]
    traits: tuple[str, ...] = ()
    available: int = 0  # ordinal from which the side can recruit them
    group: str = ""


@dataclass(frozen=True, slots=True)
class Victory:
    id: str
    name: str
    when: Condition
    description: str = ""


@dataclass(frozen=True, slots=True)
class VictoryMode:
    """A way to play: the victories that end the game early in it (none: prestige at the end date decides), and
    the date after which prestige decides if none has been won (`end`, a turn; 0: the scenario's end)."""

    id: str
    name: str
    victories: tuple[str, ...] = ()
    description: str = ""
    end: int = 0


@dataclass(frozen=True, slots=True)
class LaunchWindow:
    """A part of the quarter a flight is planned to launch in. Windows fly in the order the ruleset lists them;
    an earlier one may cost more (`cost`: percent of the mission's price added) and risk more (`risk`: points
    taken off every step's chance)."""

    id: str
    name: str
    cost: int = 0
    risk: int = 0
    description: str = ""


# The one window of a ruleset that lists none: every flight launches in it, at no extra cost or risk.
ONLY_WINDOW = LaunchWindow("", "")


@dataclass(frozen=True, slots=True)
class AIPersonality:
    id: str
    name: str
    # How much the personality values each tech line, mission milestone or habit; 100 is neutral.
    weights: tuple[tuple[str, int], ...] = ()
    risk: int = 50  # lowest mission success chance, percent, it accepts for a crewed flight
    description: str = ""


@dataclass(frozen=True, slots=True)
class Ruleset:
    id: str
    name: str
    settings: Settings
    sides: tuple[Side, ...]
    techs: dict[str, Tech]
    hardware: dict[str, Hardware]
    missions: dict[str, Mission]
    milestones: dict[str, Milestone]
    events: dict[str, Event]
    crews: dict[str, CrewMember]
    victory: tuple[Victory, ...]
    ai_personalities: dict[str, AIPersonality] = field(default_factory=dict)
    victory_modes: tuple[VictoryMode, ...] = ()  # the first is the default; none: every victory counts
    facilities: dict[str, Facility] = field(default_factory=dict)
    launch_windows: tuple[LaunchWindow, ...] = ()  # in launch order; the last is the default; none: one, free
    fingerprint: str = ""
    mods: tuple[str, ...] = ()
    # What the engine works out once from the rules (compiled conditions, see `game.engine.index`): made on
    # first use; not part of the rules' identity.
    index: object = field(default=None, init=False, compare=False, repr=False)

    def side(self, side_id: str) -> Side:
        for side in self.sides:
            if side.id == side_id:
                return side
        raise KeyError(side_id)

    def victories_in(self, mode: str) -> tuple[Victory, ...]:
        """The victories that end a game played in `mode` ("" : the default mode); raises KeyError for an
        unknown mode. A scenario without modes has one, "", in which every victory counts."""
        if not self.victory_modes:
            if mode:
                raise KeyError(mode)
            return self.victory
        chosen = self.victory_modes[0] if not mode else next((m for m in self.victory_modes if m.id == mode), None)
        if chosen is None:
            raise KeyError(mode)
        return tuple(v for v in self.victory if v.id in chosen.victories)

    def end_of(self, mode: str) -> int:
        """The last turn of a game played in `mode` ("": the default) before prestige decides: the mode's own
        `end`, else the scenario's. A game played on goes to the scenario's end either way."""
        modes = self.victory_modes
        chosen = next((m for m in modes if m.id == mode), None) if mode else modes[0] if modes else None
        if chosen is not None and chosen.end:
            return chosen.end
        return self.settings.end

    def last_turn(self, mode: str, decided: int) -> int:
        """The last turn a game in `mode` can reach: the mode's end until the result is settled (`decided`, the
        turn it was), the scenario's end when the game plays on after it."""
        return self.settings.end if decided else self.end_of(mode)

    @property
    def default_mode(self) -> str:
        """The id of the mode a game plays when none is chosen ("" when the scenario has no modes)."""
        return self.victory_modes[0].id if self.victory_modes else ""

    def launch_window(self, window: str) -> LaunchWindow:
        """The launch window `window` ("": the default, the last listed); raises KeyError for an unknown one."""
        windows = self.launch_windows
        if not window:
            return windows[-1] if windows else ONLY_WINDOW
        for w in windows:  # (a handful: a scan is cheaper than a table)
            if w.id == window:
                return w
        raise KeyError(window)

    @property
    def side_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sides)

    def date_of(self, ordinal: int) -> tuple[int, int]:
        """(year, turn of year counted from 1) of a turn ordinal."""
        tpy = self.settings.turns_per_year
        return ordinal // tpy, ordinal % tpy + 1

    def date_label(self, ordinal: int) -> str:
        return calendar.date_label(ordinal, self.settings.turns_per_year)

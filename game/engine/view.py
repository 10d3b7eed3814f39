"""What one side is allowed to know: its own state in full, its rivals' public record, its estimates of them,
and which of a turn's events it may be told.

The UI and every computer player read only a PlayerView, so neither can see hidden state.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter

from game.engine import crew as _crew
from game.engine import events as ev
from game.engine import odds as _odds
from game.engine.actions import PlanMission
from game.engine.availability import (
    available_missions,
    available_techs,
    closed_missions,
    finished_techs,
    hardware_unlocked,
)
from game.engine.news import dangers, open_choices
from game.engine.odds import MissionOdds, Spending
from game.engine.orders import most_reliable, plan_from_stock
from game.engine.records import quick_init
from game.engine.rules import Ruleset
from game.engine.state import PHASE_OVER, Decision, GameState, IntelEstimate, LaunchRecord, SideState


@quick_init
@dataclass(frozen=True, slots=True)
class RivalView:
    """A rival as the world sees it."""

    id: str
    prestige: int
    milestones: dict[str, int]
    launches: int
    deaths: int
    ended: bool
    history: tuple[tuple[int, int], ...]  # (turn, prestige): prestige is public
    estimate: IntelEstimate | None  # this side's latest intelligence on it, noisy
    joined: bool = True  # False while the side waits for its `joins` condition (it is not in the game yet)


@quick_init
@dataclass(frozen=True, slots=True)
class PlayerView:
    rules: Ruleset
    side: str
    turn: int
    over: bool
    winner: str | None
    end_reason: str  # victory id, "prestige", or "" while the game goes on
    me: SideState  # a private copy: mutating it changes nothing in the game
    rivals: tuple[RivalView, ...]
    firsts: dict[str, tuple[tuple[str, int], ...]]
    public_log: tuple[LaunchRecord, ...]
    available_missions: frozenset[str]
    available_techs: frozenset[str]
    decided: int = 0  # the turn the result was settled, when the game plays on after it (Setup.play_on)
    victory_mode: str = ""  # the ruleset's victory mode the game is played in ("": its default)
    # decision id -> the choices the side can take now (`news.open_choices`: conditions that hold, or the default)
    open_choices: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # missions the side can never fly again (`availability.closed_missions`), beside those not open yet
    closed_missions: frozenset[str] = frozenset()
    finished_techs: frozenset[str] = frozenset()  # the techs the side has finished (`availability.finished_techs`)
    # event id -> its odds (percent) this quarter, for the events with risks that may befall the side now
    # (`news.dangers`): the way the side runs its programme moves those odds
    dangers: dict[str, int] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.turn // self.rules.settings.turns_per_year

    @property
    def decisions(self) -> list[Decision]:
        return self.me.decisions

    @property
    def last_turn(self) -> int:
        """The last turn this game can reach: its victory mode's end (a Moon race's deadline) until the result is
        settled, the scenario's end when it plays on after it."""
        return self.rules.last_turn(self.victory_mode, self.decided)

    # The rules are called through their modules (`_odds.mission_odds`, `_crew.best_crew`), not names bound at
    # import: a test that replaces one of them sees the view, and so the screens, follow.

    def odds(
        self, mission: str, hardware: tuple[tuple[str, str], ...], crew: tuple[str, ...], window: str = ""
    ) -> MissionOdds:
        return _odds.mission_odds(self.rules, self.me, self.rules.missions[mission], hardware, crew, window)

    def hardware_unlocked(self, hardware: str) -> bool:
        return hardware_unlocked(self.me, self.rules, hardware)

    def crew_ready(self, crew: str) -> bool:
        return _crew.crew_ready(self.me, crew)

    def free_hardware(self, hardware: str) -> int:
        """Units of `hardware` in store not booked by a launch planned this turn."""
        return self.me.free_hardware(hardware)

    def suggest_plan(self, mission: str) -> PlanMission | None:
        """A way to fly `mission` this turn from what is in store, or None."""
        if mission not in self.available_missions:
            return None
        return plan_from_stock(self.rules, self.me, self.rules.missions[mission])

    def proposed_hardware(self, mission: str) -> dict[str, str]:
        """For each slot of `mission`, the hardware to propose: the most reliable kind this side has unlocked,
        taken from store where a free unit is as reliable (so nothing need be bought), else to buy; the slot's
        first option when none is unlocked. A kind in store never stands in for a more reliable one."""
        m = self.rules.missions[mission]
        taken: dict[str, int] = {}
        out: dict[str, str] = {}
        for slot in m.slots:
            best = most_reliable(self.rules, self.me, (hw for hw in slot.options if self.hardware_unlocked(hw)))
            if best is None:
                out[slot.id] = slot.options[0]
                continue
            floor = self.me.reliability(self.rules.hardware[best].tech)
            stocked = most_reliable(
                self.rules,
                self.me,
                (hw for hw in slot.options if self.me.free_hardware(hw) > taken.get(hw, 0)),
            )
            if stocked is not None and self.me.reliability(self.rules.hardware[stocked].tech) >= floor:
                best = stocked
                taken[best] = taken.get(best, 0) + 1
            out[slot.id] = best
        return out

    def best_crew(self, mission: str, busy: frozenset[str] | set[str] = frozenset()) -> tuple[str, ...] | None:
        return _crew.best_crew(self.rules, self.me, self.rules.missions[mission], busy)

    def point_price(self, tech: str) -> int:
        """The money that buys one reliability point of `tech` once finished, at this side's research rate."""
        return _odds.reliability_point_price(self.rules, self.rules.techs[tech], self.me.research_rate)

    def test_price(self, tech: str) -> int:
        """What one reliability point of `tech` bought by a test campaign costs (`BuyReliability`)."""
        return _odds.test_point_price(self.rules, self.rules.techs[tech])

    def test_room(self, tech: str) -> int:
        """The reliability points a test campaign can still buy on `tech` this turn (0: none)."""
        return _odds.test_room(self.rules, self.me, tech)

    def rushed(self, tech: str) -> bool:
        """Whether this side has ordered `tech` rushed."""
        return self.me.is_rushed(tech)

    def prize(self, milestone: str) -> tuple[int, int]:
        """(the rank this side would take, the prestige it would bring) were it to reach `milestone` now;
        (0, 0) once it has."""
        if milestone in self.me.milestones:
            return 0, 0
        rank = len(self.firsts.get(milestone, ())) + 1
        return rank, _odds.milestone_prestige(self.rules.milestones[milestone], rank)

    def flight_prestige(self, mission: str) -> int | None:
        """The prestige a success of `mission` would earn this side now beside its milestones: None while it would
        reach a milestone the side does not hold (that milestone's prestige is what it earns), else the mission's
        own (`odds.flight_prestige`: less with each success of it already flown)."""
        m = self.rules.missions[mission]
        if any(ms not in self.me.milestones for ms in m.milestones):
            return None
        return _odds.flight_prestige(m, _odds.successes(self.public_log, self.side)[mission])

    def planned_spending(self) -> Spending:
        """What this side's standing orders will cost at the coming resolution."""
        return _odds.planned_spending(self.rules, self.me, lambda t: t in self.available_techs)

    def instalment(self) -> int:
        """What this turn's instalment paid in (the turn's share of the yearly budget)."""
        return _odds.instalment(self.rules, self.me.budget, self.turn)

    def next_budget(self) -> int:
        """Next year's budget if nothing else changes (what upkeep will set)."""
        return _odds.next_budget(self.rules, self.me)

    def rival(self, side: str) -> RivalView:
        return next(r for r in self.rivals if r.id == side)


def _copy(estimate: IntelEstimate) -> IntelEstimate:
    """The view's own copy: an estimate is frozen, but its table of techs is a dict the state shares."""
    return dataclasses.replace(estimate, techs=dict(estimate.techs))


# (turn, prestige) of a side's history entry (turn, prestige, budget, cash): its prestige is public, the rest is not
_TURN_PRESTIGE = itemgetter(0, 1)


def player_view(state: GameState, side: str, *, copy: bool = True) -> PlayerView:
    """What `side` may know of `state`; `me` is a private copy of its own state.

    With `copy=False`, `me` and its estimates are the state's own objects instead: for a caller that
    changes nothing through the view and drops it before the state changes (the headless runner
    reads each view only while its computer player gives the turn's orders).
    """
    me = state.sides[side]
    if copy:
        me = me.clone()
        me.intel_reports = {k: _copy(r) for k, r in me.intel_reports.items()}
    rivals = tuple(
        [
            RivalView(
                id=s.id,
                prestige=s.prestige,
                milestones=dict(s.milestones),
                launches=s.launches,
                deaths=s.deaths,
                ended=s.ended,
                history=tuple(map(_TURN_PRESTIGE, s.history)),
                estimate=me.intel_reports.get(s.id),
                joined=s.id not in state.waiting,
            )
            for s in state.sides.values()
            if s.id != side
        ]
    )
    rules = state.rules
    finished = finished_techs(me)
    missions = available_missions(state, side)
    return PlayerView(
        rules=rules,
        side=side,
        turn=state.turn,
        over=state.phase == PHASE_OVER,
        winner=state.winner,
        end_reason=state.end_reason,
        me=me,
        rivals=rivals,
        firsts={k: tuple(v) for k, v in state.firsts.items()},
        public_log=tuple(state.public_log),
        available_missions=missions,
        available_techs=available_techs(state, side, finished),
        decided=state.decided,
        victory_mode=state.victory_mode,
        open_choices={d.id: open_choices(state, side, d) for d in me.decisions},
        closed_missions=closed_missions(state, side, missions),
        finished_techs=finished,
        dangers=dangers(state, side),
    )


# Launches and how they went are public, as are the firsts, deaths and the result, and the turn itself.
PUBLIC_EVENTS: frozenset[type] = frozenset(
    {
        ev.MissionLaunched,
        ev.StepRolled,
        ev.MissionSucceeded,
        ev.MissionPartlySucceeded,
        ev.MissionFailed,
        ev.MissionScrubbed,
        ev.MilestoneAchieved,
        ev.CrewDied,
        ev.GameWon,
        ev.TurnStarted,
        ev.SideJoined,
    }
)


def may_know(event: ev.Event, side: str) -> bool:
    """Whether `side` may be told of `event`: the public ones, and everything else that happened to it."""
    return type(event) in PUBLIC_EVENTS or getattr(event, "side", None) == side


def visible_events(events: Iterable[ev.Event], side: str) -> list[ev.Event]:
    """The events of `events` that `side` may be told of, in order."""
    return [e for e in events if may_know(e, side)]


def public_events(events: Iterable[ev.Event]) -> list[ev.Event]:
    """The events the whole world saw (what a watcher who plays no side is shown)."""
    return [e for e in events if type(e) in PUBLIC_EVENTS]

"""The heuristic computer player's turn, as a pipeline: read only a PlayerView, give one turn's orders.

`plan_turn` calls the stages in order, each a module of its own:

1. `temper`: how the level of play (a `Temper`) and the side's personality (a `Style`) are disposed;
2. `facts`: the facts of this turn, built once from the view (a `Turn`); `knowledge` holds the rule
   book's, worked out once per ruleset;
3. `chain`: the winning mission's chain of research and stepping stones, and its slack;
4. `value`: one valuation of money, prestige and effects;
5. `goals`: the missions worth working toward, best prize per money first;
6. `events`: answers to the decisions waiting;
7. `launches`: which flights to order (the floor of odds, what a flight is worth, the hardware and crew);
8. `crew`: recruits for the crewed goals due soon;
9. `facilities`: a facility that helps the goals, from money research cannot use this turn;
10. `spending`: tests on the hardware of the prize flights ordered, from money research cannot use;
11. `research`: where the research money goes, and (`spending.rush`) the bargains' research rushed past
    its rate caps from what is still idle.

Research money goes first to the winning mission's critical path and to the reliability its odds lack;
then to the good bargains among the goals; then to the winning chain's techs that still have slack; then
to the rest. A flight is ordered when its odds clear a floor and it pays on average for its hardware, the
prestige a failure costs, the crew it may lose, counting what it teaches the hardware the player still
needs; money that research cannot use this turn counts for less, and less still as it piles beyond half a
year's income, so an idle treasury buys flights. A flight for a prize may fly in several copies in one
quarter, each worth what it adds to the chance that one succeeds; the landing's floor of odds falls as the
rival visibly nears the Moon. Event answers count the turns their research saves the landing where a rate
cap binds.
"""

from __future__ import annotations

from typing import Any

from game.ai import chain, facilities, hazards, launches, research, spending
from game.ai.crew import recruit
from game.ai.events import decide
from game.ai.facts import Turn
from game.ai.goals import choose_goals
from game.ai.launches import FlightValue, Reserves, launch, value_flight
from game.ai.research import Ask, demand, fund_research, research_asks
from game.ai.temper import FIRST, TEMPERS, Style, Temper
from game.engine.actions import Action, FundIntelligence
from game.engine.rng import Rng
from game.engine.view import PlayerView

__all__ = [
    "FIRST",
    "TEMPERS",
    "FlightValue",
    "Planner",
    "Style",
    "Temper",
    "plan_turn",
    "value_flight",
]


def plan_turn(view: PlayerView, temper: Temper, rng: Rng, style: Style | None = None) -> list[Action]:
    """One turn's orders from the heuristic planner (EndTurn not included)."""
    if view.over:
        return []
    return plan(Turn(view, temper, rng, style))


def plan(turn: Turn) -> list[Action]:
    """The stages in order, on the facts of one turn."""
    out: list[Action] = []
    goals = choose_goals(turn)
    answered = decide(turn, out)  # the cash an answer takes is gone before the flights are ordered
    asks = research_asks(turn, goals)
    # (comparisons rather than max(): see `flight_value._floor_of`)
    temper, cash = turn.temper, turn.me.cash - answered if turn.me.cash > answered else 0
    # Other flights may not touch what the winning chain's research wants this turn, nor the price
    # of the winning flight once its techs are all done.
    savings = launches.test_savings(turn, goals)
    victory_reserve = launches.victory_reserve(turn, goals)
    keep = turn.income * temper.reserve + victory_reserve
    # Money is idle if research cannot use it (most turns it can): what research would use is counted once.
    wanted, guarded = demand(turn, asks, temper.protect)
    protected = keep + guarded
    room = cash - protected - savings
    idle = room - wanted if room > 0 and room > wanted else 0
    cash = launch(turn, cash, idle, Reserves(keep, protected), savings, out)
    cash = recruit(turn, goals, cash, out)
    # A facility is paid from what is left after the flights beyond the reserve and the test flights' savings:
    # it helps every later flight of its kinds, so it may delay a quarter's research.
    room = cash - keep - savings
    if room > 0 and turn.rules.facilities:
        cash = facilities.build(turn, goals, room, cash, out)
    # Tests for the prize flights just ordered are paid from money research cannot use this turn.
    if temper.spend_idle and turn.rules.settings.test_cap:
        room = cash - keep - savings - wanted - turn.income * temper.idle_keep // 100
        if room > 0:
            cash = spending.test(turn, room, cash, out)
    # A test flight that ends a danger the programme now runs for good (`hazards.guard`).
    if temper.guard_quarters and turn.view.dangers:
        room = cash - keep - savings
        if room > 0:
            cash = hazards.guard(turn, room, cash, out)
    # Research leaves the price of the winning flight in the bank once every tech for it is in hand, and
    # the other goals leave the savings for its test flights alone. The resolution pays intelligence after
    # research: research leaves its money too, or the spying would be cut to nothing when cash is short.
    intel = temper.intel * turn.style.w("intel") // 100
    fund_research(turn, asks, cash - victory_reserve - intel, out, keep=savings)
    if turn.me.intel != intel:
        out.append(FundIntelligence(turn.side, intel))
    return out


class Planner:
    """One turn's facts with the stages as methods, for tests and tools that ask the planner one question
    (`plan_turn` is the way to play). Anything else asked of it is read from the turn's facts."""

    __slots__ = ("turn",)

    def __init__(self, view: PlayerView, temper: Temper, rng: Rng, style: Style | None = None) -> None:
        self.turn = Turn(view, temper, rng, style)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.turn, name)

    def plan(self) -> list[Action]:
        return plan(self.turn)

    def goals(self) -> list[str]:
        return choose_goals(self.turn)

    def flyable_someday(self, m: str) -> bool:
        return chain.flyable_someday(self.turn, m)

    def chain(self) -> tuple[str, ...]:
        return chain.chain(self.turn)

    def eta(self, m: str) -> int:
        return chain.eta(self.turn, m)

    def victory_techs(self) -> set[str]:
        return chain.victory_techs(self.turn)

    def research_asks(self, goals: list[str], surplus: bool = False) -> list[Ask]:
        return research.research_asks(self.turn, goals, surplus)

    @property
    def _tech_workable_cost(self) -> dict[str, int]:
        return self.turn.workable_cost

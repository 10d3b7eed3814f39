"""The order of a turn once every side has ended its planning: resolution, news and upkeep."""

from __future__ import annotations

from game.engine import events as ev
from game.engine.crew import train_crews
from game.engine.flights import fly_missions, settle_odds
from game.engine.joining import admit
from game.engine.news import decide, open_choices, run_news
from game.engine.research import spend_intelligence, spend_research
from game.engine.state import PHASE_OVER, GameState
from game.engine.upkeep import upkeep


def resolve_turn(st: GameState, out: list[ev.Event]) -> None:
    """Resolution, news and upkeep, always in this order:

    0. the odds of every planned flight are settled with `mission_odds`, on the state as planning
       left it: the chances the missions screen showed are the chances the dice use. Whatever
       changes a step's chance later in the turn (this quarter's research and its luck, training,
       an event, what an earlier flight taught) counts from the next quarter;
    1. pending decisions left open take their first possible choice (`news.open_choices`);
    2. each side, in scenario order, pays its research then its intelligence (scaled down
       pro rata when cash runs short), and crews train and heal;
    3. missions fly, each at its settled odds, in launch order (`flights.flight_order`): by launch
       window; inside a window the sides take turns, one flight each, the side with fewer firsts so far
       first (equal: scenario order), each side's flights in the order planned. No die decides it;
    4. news: queued events that are due, then every event of the scenario in file order, for
       each side in scenario order;
    5. upkeep: the date advances; at a new year budgets are set; the instalment is paid;
       victory and the end date are checked (victories that came to hold after a flight rank in
       launch order: the first crew home from the Moon wins);
    6. a side waiting to join whose `joins` now holds enters the game (`joining.admit`).

    A side still waiting takes no part in any of it.
    """
    flights = settle_odds(st)
    for me in st.sides.values():
        me.bought.clear()  # what was bought is kept from here on: no CancelOrder reaches past the turn's end
        for d in list(me.decisions):
            possible = open_choices(st, me.id, d)
            if possible:  # (none only if the content broke its own rule: the validator requires a `default`)
                decide(st, me, d.id, possible[0], True, out)
            else:
                me.decisions.remove(d)
    for me in st.present():
        spend_research(st, me, out)
        spend_intelligence(st, me, out)
        train_crews(st, me, out)
    first = fly_missions(st, flights, out)
    run_news(st, out)
    upkeep(st, out, first)
    if st.phase != PHASE_OVER:
        admit(st, out)

"""Which flights a computer player orders this turn: the quick screens before pricing a flight, the money
kept back, the loop that orders the best flights the cash allows (and copies of them), their windows, and
the hardware and crew each flight takes. How bold it is and what a flight is worth: `flight_value.py`.

A flight is ordered when its odds clear its floor and it pays on average for its price: the winning flight
first, then the winning chain's stepping stones, then the rest by what each is worth beyond its price, per
unit of price. Money that research cannot use this turn (idle money) counts for less, so an idle
treasury buys flights; the research the winning chain wants this turn keeps its money from the others.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from game.ai.chain import chain, eta
from game.ai.facts import Hardware, Turn
from game.ai.flight_value import (
    copy_worth,
    flight_margin,
    flight_worth,
    floor,
    learning,
    lesson_prices,
    priced,
    urgent_techs,
)
from game.ai.goals import choose_goals
from game.ai.temper import TEMPERS
from game.ai.value import gain, prize, worth
from game.engine import odds as engine_odds
from game.engine.actions import Action, BuyHardware, PlanMission
from game.engine.odds import MissionOdds, StepOdds
from game.engine.rng import Rng
from game.engine.rules import Ruleset
from game.engine.view import PlayerView

_flight_plan = tuple.__new__  # FlightPlan without the call through its generated __new__
_step_odds = tuple.__new__  # StepOdds likewise (a test flight's steps, as its quick screen prices them)


class FlightPlan(NamedTuple):
    """A flight it could order: the hardware and crew it picks, what it must buy and the cash the orders take."""

    hardware: Hardware
    crew: tuple[str, ...]
    buy: dict[str, int]  # hardware to buy first, by kind
    price: int


class Reserves(NamedTuple):
    """Cash other flights may not spend: `keep` (a reserve of income and the winning flight's price) is never
    touched but by the winning flight; `protected` adds the research the winning chain wants this turn."""

    keep: int
    protected: int


# ---------------------------------------------------------------------- quick screens before pricing a flight


def promising(turn: Turn, m: str, share: int) -> bool:
    """A quick screen before pricing a flight exactly: could it clear its floor (less a few points of slack) and
    pay its way, its price felt at `share` percent (the turn's `idle_share`)?"""
    facts = turn.k.missions[m]
    if not facts.milestones and facts.payoff <= 0:
        return True  # a test flight (it has no floor): priced with the hardware that most needs testing
    got = turn.chance_of(m)
    if got is None:
        return False
    chance, steps = got
    if chance < floor(turn, m) - (15 if turn.blundering else 0) - 3:
        return False
    if facts.wins:
        return True
    fail = facts.failure_cost * turn.prestige_worth
    best = chance * gain(turn, m) - (100 - chance) * fail
    cheapest = turn.price[m] * (share if share < 100 else 100)  # (not min(): see `flight_value._floor_of`)
    # (what it teaches is never worth less than nothing: it is asked only when the success alone falls short)
    return best > cheapest or best + learning(turn, steps, facts.critical) * 100 > cheapest


def teaches(turn: Turn, m: str) -> bool:
    """Whether some hardware the mission can fly is wanted, finished and still below its ceiling."""
    if turn.teachable is None:
        # Wanted techs below their ceiling are those a lesson has a price for.
        bit, done, teachable = turn.k.bit, turn.done, 0
        for t in lesson_prices(turn):  # (a loop: a generator costs more than its few steps)
            if t in done:
                teachable |= bit[t]
        turn.teachable = teachable
    return bool(turn.k.options_mask[m] & turn.teachable)


def test_may_pay(turn: Turn, m: str, hardware: Hardware, price: int, share: int) -> bool:
    """A quick screen before pricing a test flight exactly: could it pay its way at all this turn, its price felt
    at `share` percent (the turn's `idle_share`)?

    Most test flights cannot. With no crew and nothing in stock, the flight keeps this plan whatever
    flies before it (see `launch`): at best it earns its gain and its lessons at the highest odds its
    steps allow, at least it costs its price as idle money.
    """
    facts = turn.k.missions[m]
    if facts.crew or share < 0:
        return True  # (a crew's bonus, or idle money dearer than cash: no cheap bound)
    rules = turn.rules
    keys, tech_of, step_chance = turn.hardware_rank, turn.k.tech_of, engine_odds.step_chance
    chosen = dict(hardware)
    steps = []  # (what `learning` reads of each step's odds: its tech and chance)
    reach, scale = 1000, 1  # per mille of flights that pass every critical step, at most
    for slot, difficulty, _, critical in facts.steps:
        h = chosen[slot]
        chance = step_chance(rules, -keys[h][1], difficulty, 0)  # no crew, no bonus
        steps.append(_step_odds(StepOdds, ("", tech_of[h], chance, 0, 0)))
        if critical:
            reach *= chance
            scale *= 100
    # As in `flight_worth`, with the odds of a success (or partial success) at their highest.
    fail = facts.failure_cost * turn.prestige_worth
    best = reach // scale * (gain(turn, m) + fail)
    expected = (best if best > 0 else 0) - 1000 * fail  # (not max(): see `flight_value._floor_of`)
    cheapest = price * share // 100
    return (expected + learning(turn, steps, facts.critical) * 1000) // 1000 > (cheapest if cheapest < price else price)


# ---------------------------------------------------------------------- money kept back


def idle_share(turn: Turn) -> int:
    """Percent of its price a flight paid with idle money feels like: the temper's `idle_money` while the
    cash in hand is at most `hoard` quarters' income, less as the pile grows beyond it (money that research
    cannot use piles up unspent otherwise: a treasury of a year's budget buys flights, not interest)."""
    t = turn.temper
    if t.hoard <= 0:
        return t.idle_money
    pile = turn.income * t.hoard
    cash = turn.me.cash
    return t.idle_money * pile // (cash if cash > pile else pile)  # (not max(): see `flight_value._floor_of`)


def test_savings(turn: Turn, goals: list[str]) -> int:
    """Money put by for the winning mission's test flights as its research nears the end."""
    for m in goals:
        if turn.k.missions[m].wins:
            if eta(turn, m) <= turn.temper.savings_horizon:
                return turn.income * turn.temper.savings // 100
            return 0
    return 0


def victory_reserve(turn: Turn, goals: list[str]) -> int:
    """Cash kept for the winning flight once its techs are all done and its odds are nearly good enough."""
    for m in goals:
        if turn.k.missions[m].wins and not turn.needs_mask[m] and not chain(turn):
            got = turn.chance_of(m)
            if got is not None and got[0] >= floor(turn, m) - 15:
                return turn.price[m]
    return 0


# ---------------------------------------------------------------------- the orders


def launch(turn: Turn, cash: int, idle: int, reserves: Reserves, savings: int, out: list[Action]) -> int:
    """Price every flight that could go this turn, then order the best: the winning flight first, then the
    winning chain's stepping stones, then by what each is worth beyond its price, per unit of price.
    Returns the cash left."""
    rules, me, side, k, goals = turn.rules, turn.me, turn.side, turn.k, turn.goals
    limit = rules.settings.max_missions_per_turn - len(me.plan)
    if limit <= 0:
        return cash
    available, needs_mask = turn.view.available_missions, turn.needs_mask
    candidates = [m for m in goals if m in available and not needs_mask[m]]  # (the rest need research)
    # Flights that pay without a milestone (a lasting service), and test flights.
    for m in k.service_missions:
        if m not in candidates and m in available and worth(turn, m) > 0:
            candidates.append(m)
    # Flights that earn nothing but their own prestige (its firsts are won), for a temper that farms it.
    if turn.temper.repeats:
        for m in k.repeat_missions:
            if m not in candidates and m in available and prize(turn, m) <= 0 and turn.flight_prestige(m) > 0:
                candidates.append(m)
    tests = []
    if turn.temper.tests:
        tests = [m for m in k.test_missions if m in available and teaches(turn, m)]
        candidates += tests
    stock = turn.stock()
    stocked = any(n > 0 for n in stock.values())
    stepping = chain(turn)
    share = idle_share(turn)  # (what every flight's idle money feels like this turn)
    offers = []
    for m in candidates:
        facts = k.missions[m]
        if needs_mask[m]:
            continue
        if not promising(turn, m, share):
            continue
        plan = plan_flight(turn, m, stock, set())
        if plan is None:
            continue
        if m in tests and not stocked and not test_may_pay(turn, m, plan.hardware, plan.price, share):
            continue
        margin = flight_margin(turn, m, priced(turn, m, plan.hardware, plan.crew)[1], plan.price)
        if margin is not None:
            first = 0 if facts.wins else 1 if m in stepping else 2
            per = plan.price if plan.price > 1 else 1  # (not max(): see `flight_value._floor_of`)
            offers.append((first, -margin * 1000 // per, m, plan))
    offers.sort(key=lambda o: o[:3])
    busy: set[str] = set()
    flown = 0
    from_stock = False  # whether a flight ordered so far took hardware from stock
    # Each flight ordered for the landing or one of its stepping stones comes back at the end of the queue as a
    # copy (another flight of it in the same quarter), worth what it adds to the chance that one succeeds. (Not
    # other prizes: copies of a flight whose repeats pay prestige farm it.)
    queue = [(m, plan) for _, _, m, plan in offers]
    misses: dict[str, int] = {}  # per mille chance that every flight of a mission ordered so far fails
    for m, first_plan in queue:
        if flown >= limit:
            break
        facts = k.missions[m]
        # The plan priced above stands until an earlier flight takes hardware from stock or its crew (what
        # it buys, it flies: the stock it leaves is the same).
        replan = m in misses or from_stock or not busy.isdisjoint(first_plan.crew)
        plan = plan_flight(turn, m, stock, busy) if replan else first_plan
        if plan is None:
            continue
        hardware, crew, buy, price = plan.hardware, plan.crew, plan.buy, plan.price
        odds, value = priced(turn, m, hardware, crew)
        if m in misses:
            value = copy_worth(turn, m, odds, value, misses[m])
        test = not facts.milestones and facts.payoff <= 0
        # Idle money is cheap money; the savings kept for test flights count as idle for them.
        cheap = idle + (savings if test else 0)
        if cheap > price:  # (not min(): see `flight_value._floor_of`)
            cheap = price
        felt = price - cheap + cheap * share // 100
        margin = flight_margin(turn, m, value, felt)
        if margin is None or (margin <= 0 and not facts.wins):
            continue
        # The winning flight may spend everything. A flight that pays back more than twice its price may
        # take the winning chain's research money for the turn; a test flight, the savings kept for tests.
        beats_moon = m in stepping or (margin + price) * 1000 >= price * 2 * turn.temper.moon_value
        if facts.wins:
            untouchable = 0
        elif beats_moon:
            untouchable = reserves.keep
        else:
            untouchable = reserves.protected if test else reserves.protected + savings
        if price > cash - untouchable:
            continue
        for h, n in buy.items():
            out.append(BuyHardware(side, h, n))
            stock[h] = stock.get(h, 0) + n
        for _, h in hardware:
            stock[h] -= 1
        from_stock = from_stock or sum(buy.values()) < len(hardware)
        cash -= price
        if test:
            spent = min(cheap, savings)
            savings -= spent
            idle -= cheap - spent
        else:
            idle -= cheap
        busy.update(crew)
        window, extra = launch_window(turn, m, hardware, crew, cash - untouchable)
        cash -= extra
        out.append(PlanMission(side, m, hardware, crew, window))
        flown += 1
        if facts.wins or (m in stepping and prize(turn, m) > 0):
            queue.append((m, plan))
            misses[m] = misses.get(m, 1000) * (1000 - odds.success - odds.partial) // 1000
    if flown == 0 and tests and not me.plan and turn.temper.idle_tests:
        spare = min(idle - turn.income, cash - reserves.protected - savings)  # beyond a quarter's income
        cash = idle_test(turn, tests, cash, spare, out)
    return cash


def idle_test(turn: Turn, tests: list[str], cash: int, idle: int, out: list[Action]) -> int:
    """A quarter with no flight: the cheapest test flight of hardware it still wants taught, paid from idle money
    alone (a pad left cold teaches nothing). Returns the cash left."""
    if idle < 0:
        return cash  # no flight costs less than nothing: none to plan
    best: tuple[int, str, FlightPlan] | None = None
    for m in tests:
        plan = plan_flight(turn, m, turn.stock(), set())
        if plan is not None and plan.price <= idle and (best is None or plan.price < best[0]):
            best = (plan.price, m, plan)
    if best is None:
        return cash
    _, m, plan = best
    side = turn.side
    for h, n in plan.buy.items():
        out.append(BuyHardware(side, h, n))
    window, extra = launch_window(turn, m, plan.hardware, plan.crew, 0)
    out.append(PlanMission(side, m, plan.hardware, plan.crew, window))
    return cash - plan.price - extra


def launch_window(turn: Turn, m: str, hardware: Hardware, crew: tuple[str, ...], spare: int) -> tuple[str, int]:
    """The launch window for a flight it orders, and what the window adds to its price: the earliest window it
    can afford from `spare` whose odds still clear the flight's floor, when the flight races a rival it can
    see for a first nobody holds yet (the first to fly earns it); otherwise the default, the cheapest.

    Only a level that watches its rivals (`Temper.rival_watch`: hard) races them so; the others keep to their
    own timetable and fly in the default window."""
    rules = turn.rules
    if len(rules.launch_windows) < 2 or not turn.rival_close(m):
        return "", 0
    return earliest_window(
        rules, turn.view, PlanMission(turn.side, m, hardware, crew), spare,
        lambda odds: flight_worth(turn, m, odds) is not None,
    )  # fmt: skip


def earliest_window(
    rules: Ruleset, view: PlayerView, order: PlanMission, spare: int, good: Callable[[MissionOdds], bool]
) -> tuple[str, int]:
    """The earliest launch window `spare` pays the extra price of and whose odds are still `good`, and that extra
    price, for a flight that can still be first to one of its milestones (the first to fly earns it);
    otherwise ("", 0): the default window, the cheapest. Hard's planner and its rush plan both race so."""
    mission = rules.missions[order.mission]
    if len(rules.launch_windows) < 2 or all(view.firsts.get(ms) for ms in mission.milestones):
        return "", 0  # one window only, or nothing left to be first to
    base = engine_odds.order_cost(rules, order)
    for w in rules.launch_windows[:-1]:  # earliest first; the last is the default
        extra = engine_odds.order_cost(rules, dataclasses.replace(order, window=w.id)) - base
        if extra > spare:
            continue
        if good(engine_odds.mission_odds(rules, view.me, mission, order.hardware, order.crew, w.id)):
            return w.id, extra
    return "", 0


def plan_flight(
    turn: Turn, m: str, stock: dict[str, int], busy: set[str], teach: frozenset[str] = frozenset()
) -> FlightPlan | None:
    """Hardware (most reliable unlocked option, stock first; for a test flight, what most needs testing, and the
    hardware of `teach`'s techs wherever a slot offers it), crew, what to buy and the price; None if some slot
    has nothing researched or no crew is ready."""
    k, done = turn.k, turn.done
    facts = k.missions[m]
    left = dict(stock)
    buy: dict[str, int] = {}
    hardware = []
    test = not facts.milestones and facts.payoff <= 0
    urgent = urgent_techs(turn) | teach if test else set(teach)
    for slot, options in facts.slots:
        best: str | None = options[0]
        if len(options) > 1:
            # With none in stock and none to test, the survey's pick: the most reliable, then the cheapest.
            best = _flight_option(turn, options, left, urgent) if left or urgent else turn.best_option(options)
        if best is None or k.tech_of[best] not in done:
            return None
        hardware.append((slot, best))
        if left.get(best, 0) > 0:
            left[best] -= 1
        else:
            buy[best] = buy.get(best, 0) + 1
    crew = turn.crew_for(m, busy)
    if crew is None:
        return None
    # (the engine's prices, `Knowledge.flight_price` and `hardware_price` of one, times the count)
    unit = k.hardware_price
    price = k.flight_price[m]
    for h, n in buy.items():  # (a loop costs less than setting up sum() for a unit or two)
        price += unit[h] * n
    return _flight_plan(FlightPlan, (tuple(hardware), crew, buy, price))


def _flight_option(turn: Turn, options: tuple[str, ...], left: dict[str, int], urgent: set[str]) -> str | None:
    """Of a slot's unlocked options: what most needs testing (for a test flight), then the most reliable,
    then one in stock, then the cheapest."""
    tech_of, techs, keys, done = turn.k.tech_of, turn.rules.techs, turn.hardware_rank, turn.done
    best, best_key = None, None
    for h in options:
        tech = tech_of[h]
        if tech not in done:
            continue
        _, neg_rel, unit_cost = keys[h]
        key = (
            0 if tech in urgent and -neg_rel < techs[tech].ceiling else 1,
            neg_rel,
            0 if left.get(h, 0) > 0 else 1,
            unit_cost,
        )
        if best_key is None or key < best_key:
            best, best_key = h, key
    return best


# ---------------------------------------------------------------------- the valuation others may read


@dataclass(frozen=True, slots=True)
class FlightValue:
    """What a computer player makes of one flight it could order this turn (see `value_flight`)."""

    mission: str
    hardware: Hardware  # its pick for each slot
    crew: tuple[str, ...]  # its pick of crew (the engine's best crew)
    odds: MissionOdds  # the odds it reasons with: the engine's, for the side as planning leaves it
    price: int  # the cash the orders take: the flight's and the hardware's it must buy
    worth: int | None  # what the flight is worth on average before its price; None: it would not fly it


def value_flight(view: PlayerView, mission: str, level: str = "normal") -> FlightValue | None:
    """The heuristic planner's valuation of flying `mission` this turn with the hardware and crew it would pick
    (None if it cannot: the mission is not available, its hardware not researched, or no crew is ready). Every
    number in it comes from the engine's rules (`mission_odds`, `order_cost`, `reliability_point_price`,
    `best_crew`)."""
    if mission not in view.available_missions:
        return None
    turn = Turn(view, TEMPERS.get(level, TEMPERS["normal"]), Rng(0))
    choose_goals(turn)  # (what it wants, as when it plans)
    plan = plan_flight(turn, mission, turn.stock(), set())
    if plan is None:
        return None
    odds, value = priced(turn, mission, plan.hardware, plan.crew)
    return FlightValue(mission, plan.hardware, plan.crew, odds, plan.price, value)

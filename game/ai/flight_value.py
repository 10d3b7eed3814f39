"""How bold a computer player is with each flight and what a flight is worth to it: the floor of odds it flies
each mission at (the landing's falls as the rival visibly nears the Moon), the crew loss it accepts, a flight's
worth on average (its prize, the prestige a failure costs, the crew it may lose, what it teaches the hardware)
and what another copy of it in the same quarter adds. `launches.py` orders flights by these numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.ai.chain import prep, wanted_techs
from game.ai.facts import Hardware, Turn
from game.ai.value import CREW_WORTH, gain, prize
from game.engine.odds import MissionOdds, StepOdds

COPY_POINTS = 10  # percent of chance to win another flight of the winning mission in a quarter must add


# ---------------------------------------------------------------------- how bold


def floor(turn: Turn, m: str) -> int:
    """The lowest success chance it flies `m` at: a great prize, or a rival at the door, make it bolder (and the
    landing falls to its dash floor against a rival that visibly rushes the Moon, the temper's `chase`)."""
    got = turn.floors.get(m)
    if got is None:
        got = turn.floors[m] = _floor_of(turn, m)
    return got


def _floor_of(turn: Turn, m: str) -> int:
    facts = turn.k.missions[m]
    t = turn.temper
    caution = turn.style.w("caution")
    if facts.wins:
        if turn.rival_close(m) or (t.chase and turn.rival_rushing()):
            base = t.victory_dash
        else:
            base = t.victory_odds - (t.victory_odds - t.victory_dash) * rival_progress(turn, m) // 100
        return base * caution // 100
    # (comparisons rather than min() and max(), which parse keyword arguments on every call in CPython 3.11:
    # a floor is worked out for hundreds of flights a campaign)
    risk = turn.style.risk
    base = (risk if risk > t.min_crewed else t.min_crewed) if facts.crew else t.min_uncrewed
    base = base * caution // 100
    got = prize(turn, m)
    bold = got // t.boldness if t.boldness > 1 else got
    base -= bold if bold < 15 else 15
    if got > 0 and turn.rival_close(m):
        base -= 10
    return base if base > 10 else 10


def rival_progress(turn: Turn, m: str) -> int:
    """Percent of the way to the winning mission `m` the rival furthest along visibly is: the stepping stones it
    has earned (public milestones), and its hardware for `m`, known from its flights or from intelligence."""
    k = turn.k
    steps = k.stepping[m]
    known = turn.rival_known
    hardware = all(options & known for options in k.slot_options_mask[m])
    best = 0
    for r in turn.view.rivals:
        if r.joined and not r.ended:
            got = sum(1 for ms in steps if ms in r.milestones) + hardware
            best = max(best, got * 100 // (len(steps) + 1))
    return best


def max_crew_loss(turn: Turn, m: str) -> int:
    """The per mille chance of losing the crew it accepts: more for a great prize, much more for the winning flight."""
    if turn.k.missions[m].wins:
        return turn.temper.max_crew_loss + 300
    more = prize(turn, m) * 4
    return turn.temper.max_crew_loss + (more if more < 120 else 120)  # (not min(): see `_floor_of`)


# ---------------------------------------------------------------------- what a flight is worth


def flight_margin(turn: Turn, m: str, value: int | None, price: int) -> int | None:
    """What a flight is worth beyond its price (`value` from `flight_worth`); the winning flight's margin
    is its success chance."""
    if value is None or turn.k.missions[m].wins:
        return value
    return value - price


def priced(turn: Turn, m: str, hardware: Hardware, crew: tuple[str, ...]) -> tuple[MissionOdds, int | None]:
    """The odds of a flight and its `flight_worth`: they depend on nothing else, so each flight is priced once a turn."""
    key = (m, hardware, crew)
    got = turn.priced.get(key)
    if got is None:
        odds = turn.odds_of(m, hardware, crew)
        got = turn.priced[key] = (odds, flight_worth(turn, m, odds))
    return got


def flight_worth(turn: Turn, m: str, odds: MissionOdds) -> int | None:
    """What a flight at these odds is worth before its price, on average (None if it fails the floor or
    risks its crew too much). It earns its prize, loses the prestige of a failure, may lose its crew,
    and teaches the hardware it flies; the winning flight's worth is its success chance."""
    facts = turn.k.missions[m]
    chance = (odds.success + odds.partial) // 10
    lowest = floor(turn, m) if facts.milestones or facts.payoff > 0 else 0  # a test flight is for learning
    if turn.blundering and not facts.wins:
        lowest -= 15  # over-eager
    if chance < lowest or (facts.crew and odds.crew_lost > max_crew_loss(turn, m)):
        return None
    if facts.wins:
        return chance
    pw = turn.prestige_worth
    fail = facts.failure_cost * pw
    death = facts.death_cost * pw + facts.crew * CREW_WORTH
    success = gain(turn, m)
    expected = (odds.success + odds.partial) * success - odds.failure * fail - odds.crew_lost * death
    return (expected + learning(turn, odds.steps, facts.critical) * 1000) // 1000


def learning(turn: Turn, steps: Iterable[StepOdds], critical: Iterable[bool]) -> int:
    """Money's worth of the reliability a flight teaches the techs it tests (those this side still needs),
    from the odds of each step (its tech and chance) and whether it is critical, in order."""
    s = turn.rules.settings
    success, failure = s.flight_learning, s.failure_learning
    prices = lesson_prices(turn)
    reach = 1000
    value = 0
    # (one entry each per step of the mission; `strict=` left out: a keyword makes zip() parse its arguments slowly)
    for so, is_critical in zip(steps, critical):  # noqa: B905
        chance = so.chance
        price = prices.get(so.tech)
        if price is not None:
            tenths = (chance * success + (100 - chance) * failure) * reach // 10_000
            value += tenths * price[0] // price[1]
        if is_critical:
            reach = reach * chance // 100
    return value


def lesson_prices(turn: Turn) -> dict[str, tuple[int, int]]:
    """For each tech a flight can usefully teach (wanted, below its ceiling), what a tenth of a reliability
    point is worth in money, as a fraction (numerator, denominator)."""
    if turn.lesson_prices_ is None:
        urgent = urgent_techs(turn)
        techs, mine, point_cost = turn.rules.techs, turn.me.techs, turn.k.point_costs(turn.rate)
        lessons: dict[str, tuple[int, int]] = {}
        for tech in wanted_techs(turn):
            t = techs[tech]
            if mine[tech].reliability < t.ceiling:
                if tech in urgent:
                    # Research climbs a few points a turn at most: points taught are turns saved.
                    lessons[tech] = (turn.temper.turn_worth, 10 * turn.k.climb_rate[tech])
                else:
                    lessons[tech] = (point_cost[tech], 10)
        turn.lesson_prices_ = lessons
    return turn.lesson_prices_


def urgent_techs(turn: Turn) -> set[str]:
    """The winning mission's finished hardware techs while its odds fall short: research is capped by
    time, so what a flight teaches them is worth more than research's price."""
    if turn.urgent is None:
        turn.urgent = set()
        for m in turn.k.victory_missions:
            if m in turn.me.milestones:
                continue
            if not turn.needs_mask[m]:
                got = turn.chance_of(m)
                if got is not None and got[0] < turn.temper.victory_research:
                    turn.urgent.update(turn.k.tech_of[h] for _, h in turn.hardware[m])
            else:
                turn.urgent.update(prep(turn, m))
    return turn.urgent


def copy_worth(turn: Turn, m: str, odds: MissionOdds, value: int | None, miss: int) -> int | None:
    """What another flight of `m` this quarter is worth (`value`: as the only one, from `flight_worth`) when
    every flight of it already ordered fails with per mille chance `miss`: its prize counts only then. For the
    winning flight, the points of chance it adds, if at least `COPY_POINTS`."""
    if value is None:
        return None
    chance = odds.success + odds.partial
    if turn.k.missions[m].wins:
        added = chance * miss // 10_000
        return added if added >= COPY_POINTS else None
    return value - chance * gain(turn, m) * (1000 - miss) // 1_000_000

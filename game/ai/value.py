"""One valuation of money, prestige and effects for a computer player: what a milestone's prize, a first's
consequences, a mission's success or an event's effects are worth to this side this turn, in money.

Prestige is worth `Turn.prestige_worth` money a point (what it adds to later budgets, and the level's
own taste for it); a first's prize counts the events it sets off; effects are priced by what they
change (`WORTH`, one entry per quantity).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from game.ai.chain import chain, flyable_someday, slacks, wanted_techs
from game.ai.facts import Turn
from game.ai.knowledge import MEMO_LIMIT
from game.engine import odds as engine_odds
from game.engine.effects import Effect
from game.engine.rules import Event
from game.engine.vocab import WHO_SELF, Quantity, Stake

CREW_WORTH = 20  # money a trained crew member is worth to a programme


def prize(turn: Turn, m: str) -> int:
    """Prestige the mission's new milestones would bring, weighted by the personality."""
    got = turn.prize.get(m)
    if got is None:
        prizes_of(turn, (m,))
        got = turn.prize[m]
    return got


def prizes_of(
    turn: Turn, missions: Iterable[str], worth: dict[str, int] | None = None, prizes: dict[str, int] | None = None
) -> None:
    """`prize` of each of `missions`, worked out in one pass (into `prizes` and, for each milestone's part,
    `worth`, if given)."""
    mine, weighted, facts = turn.me.milestones, turn.weighted, turn.k.missions
    crewed, uncrewed = turn.crewed_weight, turn.uncrewed_weight
    if worth is None:
        worth = turn.milestone_prize  # each milestone's part, worked out once
    if prizes is None:
        prizes = turn.prize
    for m in missions:
        value = 0
        for ms_id, first, second, later in weighted[m]:
            got = worth.get(ms_id)
            if got is None:
                got = worth[ms_id] = 0 if ms_id in mine else milestone_worth(turn, ms_id, first, second, later)
            value += got
        if value > 0:
            value = value * (crewed if facts[m].crew else uncrewed) // 100
        prizes[m] = value


def all_prizes(turn: Turn) -> None:
    """`prizes_of` every mission of `Knowledge.prize_missions`, milestone by milestone: a milestone this side
    holds adds nothing to any of them, and a personality that weighs crewed and uncrewed flights alike leaves
    the sums as they are."""
    table = turn.k.prize_table(turn.style.key)
    mine, worth, prizes = turn.me.milestones, turn.milestone_prize, turn.prize
    prizes.update(table.zeros)
    for ms_id, first, second, later, earners in table.rows:
        if ms_id in mine:
            worth[ms_id] = 0
            continue
        got = worth[ms_id] = milestone_worth(turn, ms_id, first, second, later)
        if got:
            for m in earners:
                prizes[m] += got
    crewed, uncrewed = turn.crewed_weight, turn.uncrewed_weight
    if crewed != 100 or uncrewed != 100:
        for m, flies_crew in zip(table.zeros, table.crewed, strict=True):
            value = prizes[m]
            if value > 0:
                prizes[m] = value * (crewed if flies_crew else uncrewed) // 100


def milestone_worth(turn: Turn, ms: str, first: int, second: int, later: int) -> int:
    """A milestone's part in a prize, for a side that has not reached it: the weighted prestige (`first`,
    `second`, `later`) of the rank it would take, and for a first, what the events it sets off are worth."""
    reached = len(turn.view.firsts.get(ms, ()))
    got = engine_odds.by_rank(reached + 1, first, second, later)
    if reached == 0 and ms in turn.k.first_events:
        got += first_bonus(turn, ms)
    return got


def first_bonus(turn: Turn, ms: str) -> int:
    """What the events that being first to `ms` sets off are worth to this side, in prestige points:
    its own (a lasting budget, say) less the temper's `rival_share` of what they give the rival (never below
    nothing, but with `shun_gifts`)."""
    got = turn.first_bonus_.get(ms)
    if got is None:
        events, side = turn.rules.events, turn.side
        fired = turn.me.events_fired
        counted = []
        for event_id, by in turn.k.first_events[ms]:
            e = events[event_id]
            if by == "self":
                if (e.sides and side not in e.sides) or (e.once and event_id in fired):
                    continue
            elif e.sides and not any(r.id in e.sides for r in turn.view.rivals):
                continue
            counted.append((event_id, by))
        got = 0
        if counted:
            # Shared by the turns that weigh these events alike: the key holds all `effects_value` reads.
            wanted, done, techs = wanted_techs(turn), turn.done, turn.k.first_techs[ms]
            key = (
                tuple(counted),
                turn.effect_years,
                turn.prestige_worth,
                turn.me.budget,
                turn.rate,
                turn.temper.rival_share,
                turn.temper.shun_gifts,
                turn.temper.budget_worth,
                tuple(map(wanted.__contains__, techs)),
                tuple(map(done.__contains__, techs)),
            )
            memo = turn.k.first_bonuses
            got = memo.get(key)
            if got is None:
                got = _first_bonus(turn, counted)
                if len(memo) > MEMO_LIMIT:
                    memo.clear()
                memo[key] = got
        turn.first_bonus_[ms] = got
    return got


def _first_bonus(turn: Turn, counted: list[tuple[str, str]]) -> int:
    """`first_bonus` of these events (event, for whom)."""
    events = turn.rules.events
    got = 0
    for event_id, by in counted:
        # With `shun_gifts`, the events it queues (a crisis that founds agencies) count with it.
        story = _queued(events, event_id) if turn.temper.shun_gifts else (event_id,)
        value = sum(event_value(turn, e) for e in map(events.__getitem__, story))
        if by == "self":
            got += value
        else:
            got -= value * turn.temper.rival_share // 100
    # What the rival gets beyond its own worth takes from the first's prestige only for a temper that shuns such
    # gifts (hard: the shock of being beaten to a first can buy the rival years of budget).
    return (got if turn.temper.shun_gifts else max(0, got)) // max(1, turn.prestige_worth)


def event_value(turn: Turn, event: Event) -> int:
    """What an event happening to this side is worth to it now, in money: its effects, and its best choice's."""
    return effects_value(turn, event.effects) + max((effects_value(turn, c.effects) for c in event.choices), default=0)


def _queued(events: Mapping[str, Event], event_id: str) -> tuple[str, ...]:
    """The event and every event its effects queue, and theirs in turn, each once."""
    out = [event_id]
    for e_id in out:
        for effect in events[e_id].effects:
            for kind, queued in effect.facts():
                if kind == "queued" and queued in events and queued not in out:
                    out.append(queued)
    return tuple(out)


def worth(turn: Turn, m: str) -> int:
    """The prize in money, plus what a first success pays in budget or cash."""
    got = prize(turn, m)
    facts = turn.k.missions[m]
    if got <= 0 and not (facts.payoff > 0 and m in turn.view.available_missions):
        return 0
    return got * turn.prestige_worth + (facts.payoff if facts.payoff > 0 else 0)  # (see `flight_value._floor_of`)


def gain(turn: Turn, m: str) -> int:
    """What a success of `m` is worth in money: its prize and payoff (or a repeat's prestige), and for a
    stepping stone of the winning mission, the turns the winning mission would otherwise wait."""
    money = worth(turn, m)
    if not prize(turn, m):
        money += turn.flight_prestige(m) * turn.prestige_worth
    research = turn.k.missions[m].research
    if research:  # an early programme's flight: the research it brings, at research's price
        wanted = wanted_techs(turn)
        money += sum(tech_points_value(turn, tech, points, wanted) for tech, points in research)
    if m in chain(turn):
        money += turn.temper.turn_worth * turn.temper.stepping_turns
    return money


def effects_value(turn: Turn, effects: tuple[Effect, ...]) -> int:
    """What a set of effects is worth to this side now, in money.

    `first_bonus` remembers these values across turns under a key of everything read here (years
    left, prestige worth, budget, research rate, which techs are wanted and finished): whatever this
    comes to read must join that key.
    """
    years = turn.effect_years
    value = 0
    wanted = wanted_techs(turn)
    for e in effects:
        for stake in e.stakes():
            price = WORTH.get(stake.quantity)
            if price is not None:
                value += price(turn, stake, 1 if stake.target == WHO_SELF else -1, years, wanted)
        outcomes = e.outcomes()
        if outcomes:
            total = sum(max(0, w) for w, _ in outcomes) or 1
            value += sum(effects_value(turn, fx) * max(0, w) for w, fx in outcomes) // total
    return value


def time_value(turn: Turn, effects: tuple[Effect, ...]) -> int:
    """What research points these effects give this side are worth in time, in money: on a tech the winning
    mission waits for, where research is capped by time (a rate cap per turn), points beyond the tech's slack
    bring the landing sooner by points / cap turns, each worth the temper's `turn_worth`. (Money cannot buy
    those turns: `effects_value` prices points at research's money price only.)"""
    slack_of = _winning_slacks(turn)
    if not slack_of:
        return 0
    techs = turn.rules.techs
    value = 0
    for e in effects:
        for stake in e.stakes():
            if stake.quantity == Quantity.RESEARCH and stake.tech in slack_of and stake.amount > 0:
                cap = max(1, techs[stake.tech].rate_cap)
                sooner = stake.amount * turn.temper.turn_worth // cap - slack_of[stake.tech] * turn.temper.turn_worth
                value += (1 if stake.target == WHO_SELF else -1) * max(0, sooner)
        outcomes = e.outcomes()
        if outcomes:
            total = sum(max(0, w) for w, _ in outcomes) or 1
            value += sum(time_value(turn, fx) * max(0, w) for w, fx in outcomes) // total
    return value


def _winning_slacks(turn: Turn) -> dict[str, int]:
    """The slack in turns (0 at least) of every unfinished tech the winning mission needs (kept for the turn:
    every effect of every answer to a decision asks)."""
    if turn.winning_slacks_ is not None:
        return turn.winning_slacks_
    out: dict[str, int] = {}
    turn.winning_slacks_ = out
    for m in turn.k.victory_missions:
        if m in turn.me.milestones or not flyable_someday(turn, m):
            continue
        for slack, tech in slacks(turn, m):
            # (comparisons, not min() and max(): see `flight_value._floor_of`)
            wait, least = slack if slack > 0 else 0, out.get(tech, slack)
            out[tech] = wait if wait < least else least
    return out


def tech_points_value(turn: Turn, tech: str, amount: int, wanted: set[str]) -> int:
    """Research points (or, on a finished tech, reliability points) on `tech`, in money: at research's price,
    a quarter of it for a tech the plan does not want."""
    share = 100 if tech in wanted else 25
    if tech in turn.done:
        return amount * turn.point_cost(tech) * share // 100  # reliability points, at research's price
    return amount * 100 // turn.rate * share // 100


# What a change to each quantity is worth to a player, in money: (the turn, the change, +1 for its own side and
# -1 for its rivals', years of budget left, the techs it wants). (The sign goes in before any rounding down.)
WORTH: dict[Quantity, Callable[[Turn, Stake, int, int, set[str]], int]] = {
    Quantity.BUDGET: lambda turn, s, sign, years, wanted: sign * s.amount * years * turn.temper.budget_worth // 100,
    Quantity.CASH: lambda turn, s, sign, years, wanted: sign * s.amount,
    Quantity.PRESTIGE: lambda turn, s, sign, years, wanted: sign * s.amount * turn.prestige_worth,
    Quantity.RESEARCH: lambda turn, s, sign, years, wanted: (
        sign * tech_points_value(turn, s.tech or "", s.amount, wanted)
    ),
    Quantity.RELIABILITY: lambda turn, s, sign, years, wanted: (
        sign * tech_points_value(turn, s.tech or "", s.amount, wanted) if s.tech in turn.done else 0
    ),
    Quantity.RESEARCH_RATE: lambda turn, s, sign, years, wanted: (
        sign * s.amount * (turn.me.budget * years * 6 // 10) // max(1, turn.rate)
    ),
    Quantity.MORALE: lambda turn, s, sign, years, wanted: sign * s.amount // 2,
    Quantity.CREW_LOST: lambda turn, s, sign, years, wanted: -sign * CREW_WORTH * s.amount,
    Quantity.CREW_INJURED: lambda turn, s, sign, years, wanted: -sign * 3 * s.amount,
}

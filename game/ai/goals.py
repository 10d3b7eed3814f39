"""The goals of a turn: the missions worth working toward, the winning one and its stepping stones first, then
the others by prize per money still to spend beyond what the winning mission needs anyway."""

from __future__ import annotations

from collections.abc import Callable

from game.ai.chain import chain, eta, flyable_someday, flyable_table, victory_techs
from game.ai.facts import Turn
from game.ai.value import all_prizes, prize


def choose_goals(turn: Turn) -> list[str]:
    """Missions worth working toward: the winning one first, then its stepping stones, then the others, the
    best prize per money still to spend (beyond what the winning mission needs anyway) first. The goals are
    left in `turn.goals` and each one's ratio (per mille of prize per money) in `turn.ratio`."""
    winning = []
    scored = []
    victory_techs(turn)
    rem, rate, pw = turn.rem, turn.rate, turn.prestige_worth
    not_victory, available = ~turn.victory_mask, turn.view.available_missions
    needs_mask, hardware_cost, hardware_techs = turn.needs_mask, turn.price, turn.hardware_techs
    workable_cost = turn.workable_cost
    flyable: Callable[[str], bool] = lambda m: flyable_someday(turn, m)  # noqa: E731
    techs_in = turn.k.techs_in
    table = flyable_table(turn)
    if len(table) == len(turn.k.missions):
        flyable = table.__getitem__  # every answer is in (and final): read them directly
    # Every prize but, if a first bonus goes into it, the winning mission's (worked out only for a flight it
    # may still fly), in one pass.
    all_prizes(turn)
    prizes, ratios = turn.prize, turn.ratio
    for m, wins, payoff, line_weight in turn.k.goal_rows(turn.style.key):
        if wins:
            if m not in turn.me.milestones and flyable(m) and prize(turn, m) > 0:
                winning.append((eta(turn, m), m))
            continue
        got = prizes[m]
        if got <= 0 and not (payoff and m in available):
            continue
        if not flyable(m):
            continue
        worth = (got * pw + payoff) * line_weight // 100
        extra_mask = needs_mask[m] & not_victory
        # (plain loops over a few techs rather than sum(map(...)), which costs more to set up than to run)
        extra = 0
        if extra_mask:
            for t in techs_in(extra_mask):
                extra += rem[t]
            extra = extra * 100 // rate
        spend = hardware_cost[m] + 25
        for t in hardware_techs[m]:
            spend += workable_cost[t]
        ratio = worth * 1000 // (extra + spend)
        ratios[m] = ratio
        scored.append((-ratio, m))
    scored.sort()
    ranked = [m for _, m in scored]
    if turn.blundering and len(ranked) > 2:
        # A believable mistake: it falls for a distant prize this turn.
        i = turn.rng.below(len(ranked))
        ranked.insert(0, ranked.pop(i))
        turn.ratio[ranked[0]] = max(turn.ratio.values())
    winning.sort()
    stepping = chain(turn)
    goals = turn.goals = [m for _, m in winning] + list(stepping) + [m for m in ranked if m not in stepping]
    turn.wanted = None  # (worked out while the bargains among the goals were not known: see `wanted_techs`)
    return goals

"""Money at work between turns: research points and reliability bought, and intelligence estimates of rivals."""

from __future__ import annotations

from game.engine import events as ev
from game.engine.availability import tech_available
from game.engine.odds import planned_spending, reliability_gain, research_points_for
from game.engine.state import CrewStatus, GameState, IntelEstimate, SideState


def spend_research(st: GameState, me: SideState, out: list[ev.Event]) -> None:
    rules = st.rules
    spending = planned_spending(rules, me, lambda t: tech_available(st, me.id, t))
    for tech_id, spend in spending.research:
        me.cash -= spend
        tech = rules.techs[tech_id]
        ts = me.techs[tech_id]
        points = research_points_for(rules, me, tech, ts, spend)
        if not ts.done:
            # (min() in line: a builtin call costs more than the comparison)
            ts.progress = ts.progress + points if ts.progress + points < tech.cost else tech.cost
            out.append(ev.ResearchAdvanced(me.id, tech_id, spend, ts.progress))
            if points > tech.rate_cap:
                out.append(ev.ResearchRushed(me.id, tech_id, points - tech.rate_cap))
            if ts.progress >= tech.cost:
                st.finish_tech(me, tech, out)
        else:
            luck = 50 + st.rng.below(101)
            gain = reliability_gain(rules, tech, ts.reliability, points, luck)
            ts.reliability += gain
            out.append(ev.ResearchAdvanced(me.id, tech_id, spend, ts.progress))
            if gain:
                out.append(ev.ReliabilityChanged(me.id, tech_id, gain, ts.reliability))


def spend_intelligence(st: GameState, me: SideState, out: list[ev.Event]) -> None:
    spend = min(me.intel, max(0, me.cash))
    me.cash -= spend
    s = st.rules.settings
    error = s.intel_noise * s.intel_half // (s.intel_half + spend)
    # Each estimate is off by a roll of below(span) - error percent (none when error is 0). This is most
    # of a game's dice, so the noise is worked out in line rather than by a helper called per value.
    span = 2 * error + 1
    below = st.rng.below
    for rival in st.sides.values():
        if rival.id == me.id:
            continue
        techs: dict[str, int] = {}
        for tech_id, ts in rival.techs.items():
            # A finished tech is seen if spending is high enough or it has flown; reliability is a guess.
            if ts.done and (ts.flights > 0 or below(100) >= error):
                value = ts.reliability
                if error:
                    value += value * (below(span) - error) // 100
                techs[tech_id] = 0 if value < 0 else 100 if value > 100 else value  # (min and max, in line)
        cash, budget = rival.cash, rival.budget
        active = [c.status for c in rival.crews.values()].count(CrewStatus.ACTIVE)
        if error:
            cash = max(0, cash + cash * (below(span) - error) // 100)
            budget = max(0, budget + budget * (below(span) - error) // 100)
            active = max(0, active + active * (below(span) - error) // 100)
        me.intel_reports[rival.id] = IntelEstimate(rival.id, st.turn, error, cash, budget, techs, active)
        out.append(ev.IntelReported(me.id, rival.id))

"""The news phase: events that fire (each rolled at its odds, or one drawn by weight), the decisions they leave a
side, and a decision's choice taking effect."""

from __future__ import annotations

from game.engine import events as ev
from game.engine.conditions import holds
from game.engine.effects import apply_effects
from game.engine.index import News, compiled, event_sides
from game.engine.state import Decision, GameState, SideState
from game.engine.vocab import Predicate


def open_choices(st: GameState, side: str, decision: Decision) -> tuple[str, ...]:
    """The choices of `decision` the side can take now: those whose condition holds, in the event's order;
    when none holds, the event's `default` alone. What the validator, the unanswered-decision rule, the
    views (and so the screens and the computer players) all go by."""
    event = st.rules.events[decision.event]
    by_id = {c.id: c for c in event.choices}
    possible = tuple(c for c in decision.choices if holds(by_id[c].when, st, side))
    if possible or event.default is None:
        return possible
    return (event.default,)


def decide(st: GameState, me: SideState, decision: int, choice: str, automatic: bool, out: list[ev.Event]) -> None:
    d = next(d for d in me.decisions if d.id == decision)
    me.decisions.remove(d)
    event = st.rules.events[d.event]
    chosen = next(c for c in event.choices if c.id == choice)
    out.append(ev.DecisionMade(me.id, d.event, choice, automatic))
    apply_effects(chosen.effects, st, me.id, out)


def fire_event(st: GameState, me: SideState, event_id: str, out: list[ev.Event]) -> None:
    event = st.rules.events[event_id]
    me.events_fired[event_id] = st.turn
    if event.choices:
        d = Decision(st.next_decision, event_id, tuple(c.id for c in event.choices))
        st.next_decision += 1
        me.decisions.append(d)
        out.append(ev.EventFired(me.id, event_id, d.id))
        apply_effects(event.effects, st, me.id, out)
    else:
        out.append(ev.EventFired(me.id, event_id, None))
        apply_effects(event.effects, st, me.id, out)


def event_odds(base: int, risks: tuple[tuple[Predicate, int], ...], st: GameState, side: str) -> int:
    """An event's odds for `side` now: `base` (its chance, percent a turn, or its weight in the draw) plus
    the `add` of each of its risks whose condition holds, never below 0. The one rule for how the way a
    programme is run makes an event likelier."""
    for risk_holds, add in risks:
        if risk_holds(st, side):
            base += add
    return base if base > 0 else 0


def _may_fire(entry: News, st: GameState, me: SideState) -> bool:
    """Whether the event of `entry` may happen to `me` this turn, its dice aside: its dates, its sides,
    its cooldown (or once) and its condition."""
    event, opens, closes, only, gap, when, _ = entry
    if st.turn < opens or st.turn > closes or (only is not None and me.id not in only):
        return False
    last = me.events_fired.get(event.id)
    if last is not None and (gap is None or st.turn - last < gap):
        return False
    return when(st, me.id)


def dangers(st: GameState, side: str) -> dict[str, int]:
    """The events with risks (`Event.risks`) that may befall `side` at this turn's news, each with its odds now
    (`event_odds`, percent): what the way the side runs its programme makes likelier or rarer. Only events rolled
    on their own (not drawn) are named; their conditions are the side's own business, so its view carries them."""
    me = st.sides[side]
    odds: dict[str, int] = {}
    for entry in compiled(st.rules).risky:
        if _may_fire(entry, st, me):
            event = entry[0]
            odds[event.id] = event_odds(event.chance, entry[6], st, side)
    return odds


def draw_event(st: GameState, me: SideState, drawn: tuple[News, ...], out: list[ev.Event]) -> None:
    """A side's turn draws an event with the chance `event_draw` of the settings: one of the events of the
    draw that may happen to it now, picked by weight (plus its risks), so games differ in which they see."""
    draw = st.rules.settings.event_draw
    if draw <= 0 or (draw < 100 and st.rng.percent() > draw):
        return
    pool: list[tuple[str, int]] = []
    total = 0
    for entry in drawn:
        if _may_fire(entry, st, me):
            weight = event_odds(entry[0].weight, entry[6], st, me.id)
            if weight > 0:
                pool.append((entry[0].id, weight))
                total += weight
    if not total:
        return
    pick = st.rng.below(total)
    for event_id, weight in pool:
        if pick < weight:
            fire_event(st, me, event_id, out)
            return
        pick -= weight


def run_news(st: GameState, out: list[ev.Event]) -> None:
    due = [q for q in st.queued if q[0] <= st.turn]
    st.queued = [q for q in st.queued if q[0] > st.turn]
    for _, side, event_id in due:
        # A queued event still needs its condition and its sides, but not its chance.
        event = st.rules.events[event_id]
        only = event_sides(st.rules, event)
        if only is not None and side not in only:
            continue
        if side in st.sides and side not in st.waiting and holds(event.when, st, side):
            fire_event(st, st.sides[side], event_id, out)
    turn, sides, index = st.turn, st.present(), compiled(st.rules)
    for event, opens, closes, only, gap, when, risks in index.news:
        if turn < opens or turn > closes:  # `when` cannot hold (and no die is cast for it)
            continue
        for me in sides:
            if only is not None and me.id not in only:
                continue
            last = me.events_fired.get(event.id)
            if last is not None and (gap is None or turn - last < gap):
                continue
            if not when(st, me.id):
                continue
            chance = event_odds(event.chance, risks, st, me.id) if risks else event.chance
            if chance <= 0:  # its die cannot pass (a percent roll is at least 1): cast all the same, unread
                st.rng.skip()
                continue
            if chance < 100 and st.rng.percent() > chance:
                continue
            fire_event(st, me, event.id, out)
    if index.drawn:
        for me in sides:
            draw_event(st, me, index.drawn, out)

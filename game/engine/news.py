"""The news phase: events that fire, the decisions they leave a side, and a decision's choice taking effect."""

from __future__ import annotations

from game.engine import events as ev
from game.engine.conditions import holds
from game.engine.effects import apply_effects
from game.engine.index import compiled, event_sides
from game.engine.state import Decision, GameState, SideState


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
    turn, sides = st.turn, st.present()
    for event, opens, closes, only, gap, when in compiled(st.rules).news:
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
            if event.chance < 100 and st.rng.percent() > event.chance:
                continue
            fire_event(st, me, event.id, out)

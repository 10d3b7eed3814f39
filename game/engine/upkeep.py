"""The upkeep phase: the date moves on, budgets and instalments are paid, crews retire, victory is checked."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import events as ev
from game.engine.effects import MAX_MONEY
from game.engine.index import compiled
from game.engine.odds import instalment, lasting_from_prestige, next_budget
from game.engine.state import PHASE_OVER, CrewStatus, GameState, SideState


def pay_instalment(st: GameState, me: SideState, out: list[ev.Event]) -> None:
    amount = instalment(st.rules, me.budget, st.turn)
    me.cash = min(MAX_MONEY, me.cash + amount)
    out.append(ev.InstalmentPaid(me.id, amount))


def record_history(st: GameState, me: SideState) -> None:
    me.history.append((st.turn, me.prestige, me.budget, me.cash))


def upkeep(st: GameState, out: list[ev.Event], first: Sequence[str] = ()) -> None:
    """The date moves on, budgets and instalments are paid, crews retire, and victory is checked (`first`: see
    `check_victory`)."""
    rules = st.rules
    s = rules.settings
    st.turn += 1
    new_year = st.turn_of_year == 1
    out.append(ev.TurnStarted(st.turn, st.year))
    retire = s.retire_morale
    for side in rules.sides:
        if side.id in st.waiting:  # not in the game yet: no money, no crew, no turn
            continue
        me = st.sides[side.id]
        me.ended = False
        for cid, c in me.crews.items():
            if (
                c.morale < retire  # (the cheaper test first: both are asked before any die is cast)
                and c.status in (CrewStatus.ACTIVE, CrewStatus.INJURED, CrewStatus.TRAINING)
                and st.rng.below(100) < (retire - c.morale) * 2
            ):
                c.status = CrewStatus.RETIRED
                out.append(ev.CrewRetired(me.id, cid))
        if new_year:
            me.budget = next_budget(rules, me)
            me.budget_base += side.budget_growth + lasting_from_prestige(rules, me)
            me.prestige_year = 0
            out.append(ev.BudgetSet(me.id, me.budget, st.year))
        pay_instalment(st, me, out)
        record_history(st, me)
    check_victory(st, out, first)


def check_victory(st: GameState, out: list[ev.Event], first: Sequence[str] = ()) -> None:
    """Whether a side has won, or the end date has come (the victory mode's own `end`, if it has one: a game
    played on then goes on to the scenario's end with the result settled).

    When victories hold for several sides at once, the one among `first` (the sides for which a victory came
    to hold after one of their flights this quarter, in launch order: `flights.fly_missions`) that got there
    first wins: the first crew to land and come home. Sides a victory came to otherwise (an event) rank after
    them; among those alone, more prestige wins, and a tie is a draw."""
    if st.decided:  # playing on after the result: only the calendar ends the game now
        if st.turn > st.rules.settings.end:
            st.phase = PHASE_OVER
        return
    winners: list[tuple[str, str]] = []
    victory = compiled(st.rules).victory[st.victory_mode]
    for side in st.rules.sides:
        if side.id in st.waiting:
            continue
        for v, when in victory:
            if when(st, side.id):
                winners.append((side.id, v))
                break
    flown = [w for w in first if any(w == side for side, _ in winners)]
    if flown:
        _finish(st, flown[0], next(v for side, v in winners if side == flown[0]), out)
    elif winners:
        best = max(st.sides[w].prestige for w, _ in winners)
        top = [(w, r) for w, r in winners if st.sides[w].prestige == best]
        _finish(st, top[0][0] if len(top) == 1 else None, top[0][1], out)
    elif st.turn > st.rules.end_of(st.victory_mode):
        present = st.present()
        best = max(s.prestige for s in present)
        leaders = [s.id for s in present if s.prestige == best]
        _finish(st, leaders[0] if len(leaders) == 1 else None, "prestige", out)


def _finish(st: GameState, winner: str | None, reason: str, out: list[ev.Event]) -> None:
    if st.play_on and st.turn <= st.rules.settings.end:
        st.decided = st.turn  # the result stands; the calendar runs on
    else:
        st.phase = PHASE_OVER
    st.winner = winner
    st.end_reason = reason
    out.append(ev.GameWon(winner, reason))

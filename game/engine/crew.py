"""Crews: whether a member is ready, the best crew for a mission (one rule for the engine, the screens and
the computer players), training between turns, and what a flight does to those who flew it."""

from __future__ import annotations

from game.engine import events as ev
from game.engine.index import compiled
from game.engine.rules import Mission, Ruleset
from game.engine.state import CrewStatus, GameState, SideState


def crew_ready(me: SideState, crew: str) -> bool:
    c = me.crews.get(crew)
    return c is not None and c.status == CrewStatus.ACTIVE


def pick_crew(state: GameState, side: str, mission: Mission) -> tuple[str, ...] | None:
    return best_crew(state.rules, state.sides[side], mission)


def best_crew(
    rules: Ruleset, me: SideState, mission: Mission, busy: frozenset[str] | set[str] = frozenset()
) -> tuple[str, ...] | None:
    """The most skilled ready crew not already flying (nor in `busy`), meeting the mission's traits."""
    if mission.crew == 0:
        return ()
    # (asked several times a turn by each computer player: `crew_ready` and the set of the busy, in line;
    # an enum's member is read once: `CrewStatus.ACTIVE` goes through the enum's metaclass on every read)
    taken = me.busy_crew()
    if busy:
        taken |= set(busy)
    active = CrewStatus.ACTIVE
    used = compiled(rules).crew_skills[mission.id]
    # Each ready member with its merit, (-skill in what the mission's steps use, -skill in all, id), best first;
    # built in one pass (a key function would be a call per member).
    ranked: list[tuple[int, int, str]] = []
    for c, state in me.crews.items():
        if state.status == active and c not in taken:
            skills = state.skills
            fit = 0
            for k in used:
                fit += skills.get(k, 0)
            ranked.append((-fit, -sum(skills.values()), c))
    ranked.sort()
    ready = [c for _, _, c in ranked]
    crew: list[str] = []
    for trait in mission.crew_traits:
        having = [c for c in ready if trait in rules.crews[c].traits and c not in crew]
        if not having:
            return None
        crew.append(having[0])
    for c in ready:
        if len(crew) >= mission.crew:
            break
        if c not in crew:
            crew.append(c)
    return tuple(crew) if len(crew) == mission.crew else None


def train_crews(st: GameState, me: SideState, out: list[ev.Event]) -> None:
    s = st.rules.settings
    training, injured = CrewStatus.TRAINING, CrewStatus.INJURED  # (read once: see `best_crew`)
    for cid, c in me.crews.items():
        status = c.status
        if status == training:
            for k in c.skills:
                c.skills[k] = min(100, c.skills[k] + s.training_gain)
            c.training_left -= 1
            if c.training_left <= 0:
                c.status = CrewStatus.ACTIVE
                out.append(ev.CrewTrained(me.id, cid))
        elif status == injured and c.injured_until <= st.turn + 1:
            c.status = CrewStatus.ACTIVE
            out.append(ev.CrewRecovered(me.id, cid))


def crew_flew(st: GameState, me: SideState, crew: tuple[str, ...], success: bool) -> None:
    s = st.rules.settings
    for cid in crew:
        c = me.crews[cid]
        c.flights += 1
        for k in c.skills:
            c.skills[k] = min(100, c.skills[k] + s.flight_gain)
    if success and crew:
        cheered = (CrewStatus.ACTIVE, CrewStatus.TRAINING)  # (read once: see `best_crew`)
        for c in me.crews.values():
            if c.status in cheered:
                c.morale = min(100, c.morale + s.morale_gain_success)

"""A launch as the report tells and animates it: the resolution's events of one flight, and its steps placed
where they happen (the pad, an orbit, the way to the Moon, its surface, the sea) by their kind.

No pygame here: the show (`game.ui.show`) draws what this module lays out, and the tests step through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.engine import events as ev

BEAT = 1.3  # seconds of animation for one step
OUTCOME = 2.2  # seconds the outcome stays on the picture before the next flight

# Where a body is: words of a mission's ids that send a transfer to a planet rather than the Moon.
_PLANET_WORDS = frozenset({"planet", "planetary", "interplanetary", "venus", "mars", "mercury", "jupiter", "saturn"})


@dataclass(frozen=True)
class Beat:
    """One step of a flight on the screen: which picture shows it, at which body, and how it went."""

    index: int  # the step's place in the mission
    step: str  # its id
    kind: str  # game.content.step_kinds
    scene: str  # pad, sky, arc, orbit, transfer, surface, reentry, sea
    body: str  # earth, moon, planet: where the craft is (or, on a transfer, where it is going)
    passed: bool
    critical: bool
    chance: int  # percent, as rolled (from StepRolled)
    roll: int
    home: bool = False  # a transfer on the way back to Earth
    slot: str = ""  # the mission slot whose hardware the step tests (an ascent lifts that slot's launcher)
    run: int = 0  # this beat's place among the consecutive beats of the same picture
    run_len: int = 1

    @property
    def ends_flight(self) -> bool:
        return not self.passed and self.critical


@dataclass
class Flight:
    """One launch of the turn, as the events told it, with its beats once `lay_out` has placed them."""

    side: str
    mission: str
    crew: tuple[str, ...] = ()
    odds: tuple[int, int, int, int] = (1000, 0, 0, 0)  # per mille: success, partial, failure, crew lost
    hardware: tuple[tuple[str, str], ...] = ()  # (slot, hardware)
    rolls: list[ev.StepRolled] = field(default_factory=list)
    result: str = "success"  # success, partial, failure, crew_lost
    failed_step: str | None = None  # the step the outcome event names (failure or partial)
    taught: dict[str, tuple[int, int]] = field(default_factory=dict)  # tech -> (points gained, reliability after)
    after: list[Any] = field(default_factory=list)  # its outcome event, then what it brought (a first, a death)
    beats: list[Beat] = field(default_factory=list)
    window: str = ""  # the launch window it flew in ("": a scenario without windows)

    def duration(self) -> float:
        return len(self.beats) * BEAT + OUTCOME

    def at(self, t: float) -> tuple[int, float]:
        """The beat shown `t` seconds into the flight and how far through it (0..1); past the end, the last one at 1."""
        if not self.beats:
            return 0, 1.0
        i = int(t // BEAT)
        if i >= len(self.beats):
            return len(self.beats) - 1, 1.0
        return i, (t - i * BEAT) / BEAT


def destination(mission: Any) -> str:
    """The body a mission's transfers head for: a planet if its ids say so, else the Moon."""
    words: set[str] = set()
    for text in (mission.id, *mission.milestones, *(s.id for s in mission.steps)):
        words |= set(text.lower().split("_"))
    return "planet" if words & _PLANET_WORDS else "moon"


def lay_out(mission: Any, rolls: list[ev.StepRolled]) -> list[Beat]:
    """The beats of the steps that flew (the rolls, in order), each put in its picture by its kind and by where
    the steps before it left the craft."""
    steps = {s.id: s for s in mission.steps}
    dest = destination(mission)
    body, where, home = "earth", "ground", False
    beats: list[Beat] = []
    for i, roll in enumerate(rolls):
        step = steps.get(roll.step)
        kind = getattr(step, "kind", "operations") if step is not None else "operations"
        critical = step.critical if step is not None else True
        scene = "orbit"
        if kind == "ascent":
            if where == "surface":
                scene, where = "surface", "air"
            else:
                body, scene, where, home = "earth", "pad", "air", False
        elif kind == "staging":
            scene = "sky"
        elif kind == "suborbital":
            scene, where = "arc", "air"
        elif kind == "orbit_insertion":
            if where in ("transit", "flyby"):
                body = dest if not home else "earth"
            scene, where = "orbit", "orbit"
        elif kind in ("orbit", "rendezvous", "docking"):
            scene, where = "orbit", "orbit"
        elif kind == "deorbit":
            scene, where = "orbit", "air"
        elif kind in ("operations", "eva"):
            scene = {"surface": "surface", "transit": "transfer", "flyby": "transfer"}.get(where, "orbit")
        elif kind == "transfer":
            if where != "transit":
                home = body != "earth"
                body = "earth" if home else dest
            scene, where = "transfer", "transit"
        elif kind in ("flyby", "impact"):
            if where != "transit":
                body, home = dest, False
            scene, where = "transfer", "flyby"
        elif kind == "landing":
            if where in ("transit", "flyby") or body != "earth":
                body = body if body != "earth" else dest
                scene, where = "surface", "surface"
            else:
                scene, where = "sea", "ground"
        elif kind == "reentry":
            body, scene, where = "earth", "reentry", "air"
        elif kind == "recovery":
            body, scene, where = "earth", "sea", "ground"
        slot = step.slot if step is not None else ""
        beats.append(Beat(i, roll.step, kind, scene, body, roll.passed, critical, roll.chance, roll.roll, home, slot))
    return _runs(beats)


def _runs(beats: list[Beat]) -> list[Beat]:
    """Number the consecutive beats of one picture, so the picture goes on from one step to the next."""
    out: list[Beat] = []
    start = 0
    for i in range(1, len(beats) + 1):
        if i == len(beats) or (beats[i].scene, beats[i].body, beats[i].home) != (
            beats[start].scene,
            beats[start].body,
            beats[start].home,
        ):
            n = i - start
            out.extend(_with(b, k, n) for k, b in enumerate(beats[start:i]))
            start = i
    return out


def _with(b: Beat, run: int, run_len: int) -> Beat:
    return Beat(
        b.index, b.step, b.kind, b.scene, b.body, b.passed, b.critical, b.chance, b.roll, b.home, b.slot, run, run_len
    )


# -- the events ------------------------------------------------------------------------------------

_RESULTS: dict[type, str] = {
    ev.MissionSucceeded: "success",
    ev.MissionPartlySucceeded: "partial",
    ev.MissionFailed: "failure",
}


def read_flights(events: list[Any], rules: Any) -> tuple[list[Flight], list[Any]]:
    """The flights of a resolution from its events, in the order they flew, and the events that belong to none
    (research, news...). Every fact a flight shows (crew, odds, hardware, dice, what it taught) is an event's."""
    flights: list[Flight] = []
    rest: list[Any] = []
    cur: Flight | None = None
    flying = False  # between a launch and its outcome: the dice and the learning are that flight's
    for e in events:
        if isinstance(e, ev.MissionLaunched):
            cur = Flight(e.side, e.mission, tuple(e.crew), tuple(e.odds), tuple(e.hardware), window=e.window)  # type: ignore[arg-type]
            flights.append(cur)
            flying = True
        elif cur is not None and flying and e.side == cur.side and isinstance(e, ev.StepRolled):
            cur.rolls.append(e)
        elif cur is not None and flying and e.side == cur.side and isinstance(e, ev.ReliabilityChanged):
            gained, _ = cur.taught.get(e.tech, (0, 0))
            cur.taught[e.tech] = (gained + e.amount, e.reliability)
        elif cur is not None and flying and e.side == cur.side and type(e) in _RESULTS:
            cur.result = "crew_lost" if isinstance(e, ev.MissionFailed) and e.crew_lost else _RESULTS[type(e)]
            cur.failed_step = getattr(e, "step", None)
            cur.after.append(e)
            flying = False
        elif cur is not None and isinstance(e, (ev.MilestoneAchieved, ev.CrewDied)) and e.side == cur.side:
            cur.after.append(e)  # what the flight brought: a first, a death
        else:
            rest.append(e)
    for f in flights:
        mission = rules.missions.get(f.mission)
        if mission is not None:
            f.beats = lay_out(mission, f.rolls)
    return flights, rest

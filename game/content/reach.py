"""What can never happen: an optimistic reachability pass over techs, missions, milestones and events.

A thing counts as reachable if any play could reach it; what is still unreachable when nothing new
appears is reported with the reason. Conditions say themselves why they can never hold
(`Condition.never`), asking the `World` this module keeps of the content being checked.

Then the same pass side by side (`SideWorld`: what one side could ever research, fly, reach and be told,
by its start, its crew, and the conditions judged for it): what some side could reach in the pass for any
side but no side can in its own is reported too, as is a crewed mission a side may plan but never man.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.content.findings import ERROR, WARNING, did_you_mean
from game.content.vocab import ToEngine
from game.engine.calendar import date_label
from game.engine.vocab import WHO_SELF, Condition, Effect, Op

if TYPE_CHECKING:
    from game.content.semantic import Checker

REACHED_KINDS = ("techs", "missions", "milestones", "events")


class World:
    """What the static checks know of the content (`game.engine.vocab.World`), for conditions to ask."""

    def __init__(
        self,
        ids: dict[str, set[str]],
        dates: tuple[int, int] | None,
        turns_per_year: int,
        ctx: ToEngine,
        facts: dict[str, frozenset[str]],
    ) -> None:
        self.ids = ids
        self.dates = dates
        self.turns_per_year = turns_per_year
        self.ctx = ctx
        self.facts = facts
        self.ok: dict[str, set[str]] = {k: set() for k in REACHED_KINDS}  # grown by `reachable`
        self.side: str | None = None  # any side: this world answers for all of them at once

    def date_label(self, ordinal: int) -> str:
        return date_label(ordinal, self.turns_per_year)

    def written(self, op: Op, field: str) -> str:
        return self.ctx.written(op, field)

    def known(self, kind: str, rid: str) -> bool:
        return rid in self.ids[kind]

    def reachable(self, kind: str, rid: str) -> bool:
        return rid in self.ok[kind]

    def reachable_by(self, kind: str, rid: str, who: str) -> bool:
        return rid in self.ok[kind]

    def established(self, fact: str, value: str) -> bool:
        return value in self.facts.get(fact, ())

    def suggest(self, fact: str, value: str) -> str:
        return did_you_mean(value, self.facts.get(fact, ()))

    def never(self, cond: Condition | None) -> str:
        """Why `cond` can never hold in any game ("" if it might), with what is reachable so far."""
        return "" if cond is None else cond.never(self)


class SideWorld(World):
    """The world as one side sees it: conditions are judged for `side`, and what `self` can reach is what this
    side can (`mine`); what a rival or anyone can reach is what the world for every side says."""

    def __init__(self, world: World, side: str) -> None:
        super().__init__(world.ids, world.dates, world.turns_per_year, world.ctx, world.facts)
        self.ok = world.ok
        self.side = side
        self.mine: dict[str, set[str]] = {k: set() for k in REACHED_KINDS}
        self.stock: set[str] = set()  # hardware the side has at the start: flown without its tech

    def builds(self, options: list[str], hardware: dict[str, Any]) -> bool:
        """Whether this side could ever fill a slot with one of `options`."""
        return any(h in self.stock or (h in hardware and hardware[h].tech in self.mine["techs"]) for h in options)

    def reachable_by(self, kind: str, rid: str, who: str) -> bool:
        return rid in (self.mine[kind] if who == WHO_SELF else self.ok[kind])


def reachable(c: Checker) -> dict[tuple[str, str], str]:
    """Grow `c.world.ok` to what some game could reach, repeating until nothing new appears; why the rest cannot be."""
    world = c.world
    ok = world.ok
    # Records that failed pass 1 count as reachable, and so does everything if a mission or side
    # failed (what it would reach is unknown): better a problem missed until the next run than a false one.
    for k in REACHED_KINDS:
        ok[k].update(c.broken.get(k, ()))
    if c.broken.get("missions") or c.broken.get("hardware"):
        ok["milestones"] |= c.ids["milestones"]
        ok["techs"] |= c.ids["techs"]
    # A side that failed pass 1 still tells, as written, what it starts with.
    starts: list[tuple[Any, Any]] = [(s.start_techs, s.start_milestones) for s in c.records["sides"].values()]
    for rid in c.broken.get("sides", ()):
        raw = c.where.raw_data("sides", rid) or {}
        techs_raw, ms_raw = raw.get("start_techs"), raw.get("start_milestones")
        starts.append((techs_raw if isinstance(techs_raw, dict) else {}, ms_raw if isinstance(ms_raw, dict) else {}))
    for start_techs, start_milestones in starts:
        ok["techs"].update(t for t in start_techs if t in c.ids["techs"])
        ok["milestones"].update(m for m in start_milestones if m in c.ids["milestones"])
    techs, hardware, missions = c.records["techs"], c.records["hardware"], c.records["missions"]
    rules = c.engine
    flyable_crew = {rid for rid, d in missions.items() if not c.crew_problem(d)}
    queued = world.facts.get("queued", set())

    def buildable(options: list[str]) -> bool:
        return any(h in hardware and hardware[h].tech in ok["techs"] for h in options)

    _grow(
        c,
        world,
        ok,
        lambda rid, d: rid in flyable_crew,
        buildable,
        lambda rid, d: d.fires_alone() or rid in queued,
    )
    why: dict[tuple[str, str], str] = {}
    for rid, d in techs.items():
        if rid not in ok["techs"]:
            missing = next((r for r in d.requires if r not in ok["techs"]), None)
            why[("techs", rid)] = (
                f"it requires {missing!r}, which can never be researched"
                if missing
                else world.never(rules["techs"][rid].available)
            )
    for rid, d in missions.items():
        if rid not in ok["missions"]:
            reason = c.crew_problem(d) or world.never(rules["missions"][rid].available)
            if not reason:
                slot = next(s for s, opts in d.slots.items() if not buildable(opts))
                reason = f"nothing that fills slot {slot!r} can ever be built"
            why[("missions", rid)] = reason
    return why


def _can_man(d: Any, crew: list[Any]) -> str:
    """Why a side with `crew` could never man mission `d` ("" if it could)."""
    if len(crew) < d.crew:
        return f"has {len(crew)} crew member(s), it needs {d.crew}" if crew else "has no crew at all"
    missing = [t for t in d.crew_traits if not any(t in cr.traits for cr in crew)]
    return f"has no crew member with the trait {missing[0]!r}" if missing else ""


def side_by_side(c: Checker) -> dict[str, SideWorld]:
    """What each side could ever reach on its own (run after `reachable`); {} when it cannot be told (a side,
    mission, hardware or crew member that failed pass 1)."""
    if any(c.broken.get(k) for k in ("sides", "missions", "hardware", "crews", "techs")):
        return {}
    techs, hardware, crews = c.records["techs"], c.records["hardware"], c.crew_by_side()
    queued = c.world.facts.get("queued", set())
    # Techs an effect names might be given or pushed along by it, to any side: reachable by each.
    granted = {
        rid
        for by_id in c.ops.values()
        for found in by_id.values()
        for _path, op in found
        if isinstance(op, Effect)
        for _field, kind, rid in op.refs()
        if kind == "techs"
    }
    out: dict[str, SideWorld] = {}
    for sid, side in c.records["sides"].items():
        world = out[sid] = SideWorld(c.world, sid)
        mine = world.mine
        mine["techs"] |= {t for t in side.start_techs if t in techs} | (granted & set(techs))
        mine["milestones"] |= {m for m in side.start_milestones if m in c.ids["milestones"]}
        world.stock = {h for h, n in side.start_hardware.items() if n > 0}
        crew = crews.get(sid, [])
        _grow(  # (the lambdas are used before the loop moves on)
            c,
            world,
            mine,
            lambda rid, d: not _can_man(d, crew),  # noqa: B023
            lambda options: world.builds(options, hardware),  # noqa: B023
            lambda rid, d: (not d.sides or sid in d.sides) and (d.fires_alone() or rid in queued),  # noqa: B023
        )
    return out


def _grow(
    c: Checker,
    world: World,
    reached: dict[str, set[str]],
    mans: Callable[[str, Any], bool],
    builds: Callable[[list[str]], bool],
    fires: Callable[[str, Any], bool],
) -> None:
    """Grow `reached` until nothing new appears (the one rule of both passes): a tech whose requirements are
    reached and whose `available` can hold; a mission that can be manned (`mans`), each of whose slots can be
    filled (`builds`) and whose `available` can hold, with its milestones; an event that can fire (`fires`:
    on its own, or queued by an effect) and whose `when` can hold. Conditions are asked of `world`."""
    techs, missions, events, rules = c.records["techs"], c.records["missions"], c.records["events"], c.engine
    changed = True
    while changed:
        changed = False
        for rid, d in techs.items():
            if (
                rid not in reached["techs"]
                and all(r in reached["techs"] for r in d.requires)
                and not world.never(rules["techs"][rid].available)
            ):
                reached["techs"].add(rid)
                changed = True
        for rid, d in missions.items():
            if rid in reached["missions"] or not mans(rid, d) or world.never(rules["missions"][rid].available):
                continue
            if all(builds(options) for options in d.slots.values()):
                reached["missions"].add(rid)
                reached["milestones"].update(d.milestones)
                changed = True
        for rid, d in events.items():
            if rid not in reached["events"] and fires(rid, d) and not world.never(rules["events"][rid].when):
                reached["events"].add(rid)
                changed = True


def check_sides(c: Checker, sides: dict[str, SideWorld]) -> None:
    """What the pass for any side let through but no side can reach on its own; crewed missions a side may
    plan (by their `available`) but can never man."""
    if not sides:
        return
    ok, rules = c.world.ok, c.engine
    for rid, d in c.records["missions"].items():
        if rid not in ok["missions"]:
            continue  # reported already
        may_plan = [s for s, w in sides.items() if not w.never(rules["missions"][rid].available)]
        unmanned = [(s, _can_man(d, c.crew_by_side().get(s, []))) for s in may_plan]
        unmanned = [(s, why) for s, why in unmanned if why]
        if d.crew and len(may_plan) < len(sides) and unmanned:
            # Gated to some sides, and one of them can never man it: its `available` names the wrong side,
            # or that side's crews are missing.
            for s, why in unmanned:
                message = f"{s} may plan it (by its `available`) but {why}: {s} can never fly it"
                c.add(
                    WARNING,
                    "missions",
                    rid,
                    "crew",
                    message,
                    f"add crews for {s}, or gate it to another side",
                    "logic/no_crew",
                )
        # Flown by none: said here unless every side that may plan it lacks the crew (said just above).
        if not any(rid in w.mine["missions"] for w in sides.values()) and (
            not unmanned or len(unmanned) < len(may_plan)
        ):
            reasons = "; ".join(f"{s}: {_side_reason(c, w, 'missions', rid)}" for s, w in sides.items())
            c.add(
                WARNING,
                "missions",
                rid,
                "",
                f"no side can ever fly it on its own ({reasons})",
                "",
                "logic/unreachable",
            )
    for rid in c.records["milestones"]:
        if rid in ok["milestones"] and not any(rid in w.mine["milestones"] for w in sides.values()):
            by = [m for m, d in c.records["missions"].items() if rid in d.milestones]
            message = f"can never be reached: no side can ever fly {', '.join(by)}" if by else "can never be reached"
            c.add(WARNING, "milestones", rid, "", message, "", "logic/unreachable")
    for rid, d in c.records["events"].items():
        if rid not in ok["events"] or any(rid in w.mine["events"] for w in sides.values()):
            continue
        judged = [s for s in (d.sides or sides) if s in sides]
        reasons = "; ".join(f"{s}: {sides[s].never(rules['events'][rid].when)}" for s in judged)
        message = f"this event can never happen to the sides it is for ({reasons})"
        c.add(WARNING, "events", rid, "when", message, "", "logic/unreachable")
    for rid in c.records["techs"]:
        if rid in ok["techs"] and not any(rid in w.mine["techs"] for w in sides.values()):
            reasons = "; ".join(f"{s}: {_side_reason(c, w, 'techs', rid)}" for s, w in sides.items())
            c.add(WARNING, "techs", rid, "", f"no side can ever research it ({reasons})", "", "logic/unreachable")


def _side_reason(c: Checker, world: SideWorld, kind: str, rid: str) -> str:
    """Why this side can never research the tech or fly the mission."""
    d = c.records[kind][rid]
    if kind == "techs":
        missing = next((r for r in d.requires if r not in world.mine["techs"]), None)
        return f"it can never research {missing!r}" if missing else world.never(c.engine["techs"][rid].available)
    crew = c.crew_by_side().get(world.side or "", [])
    reason = world.never(c.engine["missions"][rid].available) or _can_man(d, crew)
    if reason:
        return reason
    slot = next((s for s, opts in d.slots.items() if not world.builds(opts, c.records["hardware"])), "")
    return f"it can never build anything for slot {slot!r}"


def check_reachability(c: Checker) -> None:
    """Report what can never be researched, flown, reached or fired, and techs nothing uses."""
    why = reachable(c)
    check_sides(c, side_by_side(c))
    world, ok, rules = c.world, c.world.ok, c.engine
    for (kind, rid), reason in why.items():
        if kind == "techs" and rid in c.in_cycle:
            continue  # the cycle itself is reported
        if kind == "techs":
            c.add(WARNING, kind, rid, "", f"can never be researched: {reason}", "", "logic/unreachable")
        elif "crew" not in reason and "trait" not in reason:  # crew problems are reported as errors already
            c.add(WARNING, kind, rid, "", f"no side can ever fly it: {reason}", "", "logic/unreachable")
    granted: dict[str, list[str]] = {}
    for d in c.content.records.get("missions", []):
        for ms in d.milestones:
            granted.setdefault(ms, []).append(d.id)
    for d in c.content.records.get("milestones", []):
        if d.id in ok["milestones"]:
            continue
        if d.id not in granted:
            message = "no mission grants this milestone: it can never be reached"
        else:
            message = f"can never be reached: no side can ever fly {', '.join(granted[d.id])}"
        c.add(WARNING, "milestones", d.id, "", message, "", "logic/unreachable")
    for d in c.content.records.get("events", []):
        if d.id not in ok["events"]:
            reason = (
                world.never(rules["events"][d.id].when)
                or "its chance is 0 (no weight, no risk adds any) and nothing queues it"
            )
            field = "when" if d.when else "chance"
            c.add(WARNING, "events", d.id, field, f"this event can never happen: {reason}", "", "logic/unreachable")
    for d in c.content.records.get("victory", []):
        reason = world.never(rules["victory"][d.id].when)
        if reason:
            c.add(ERROR, "victory", d.id, "when", f"this victory can never happen: {reason}", "", "logic/unreachable")
    used = {d.tech for d in c.content.records.get("hardware", [])} | {
        r for d in c.content.records.get("techs", []) for r in d.requires
    }
    used |= c.named["techs"]
    for d in c.content.records.get("techs", []):
        if d.id not in used:
            message = "unlocks no hardware, leads to no other tech and nothing asks for it"
            c.add(WARNING, "techs", d.id, "", message, "", "logic/unused")

"""What can never happen: an optimistic reachability pass over techs, missions, milestones and events.

A thing counts as reachable if any play could reach it; what is still unreachable when nothing new
appears is reported with the reason. Conditions say themselves why they can never hold
(`Condition.never`), asking the `World` this module keeps of the content being checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.content.findings import ERROR, WARNING, did_you_mean
from game.content.vocab import ToEngine
from game.engine.vocab import Condition, Op

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
        facts: dict[str, set[str]],
    ) -> None:
        self.ids = ids
        self.dates = dates
        self.turns_per_year = turns_per_year
        self.ctx = ctx
        self.facts = facts
        self.ok: dict[str, set[str]] = {k: set() for k in REACHED_KINDS}  # grown by `reachable`

    def date_label(self, ordinal: int) -> str:
        year, n = divmod(ordinal, self.turns_per_year)
        tpy = self.turns_per_year
        return str(year) if tpy == 1 else f"{year}-{'Q' if tpy == 4 else 'H' if tpy == 2 else 'T'}{n + 1}"

    def written(self, op: Op, field: str) -> str:
        return self.ctx.written(op, field)

    def known(self, kind: str, rid: str) -> bool:
        return rid in self.ids[kind]

    def reachable(self, kind: str, rid: str) -> bool:
        return rid in self.ok[kind]

    def established(self, fact: str, value: str) -> bool:
        return value in self.facts.get(fact, ())

    def suggest(self, fact: str, value: str) -> str:
        return did_you_mean(value, self.facts.get(fact, set()))

    def never(self, cond: Condition | None) -> str:
        """Why `cond` can never hold in any game ("" if it might), with what is reachable so far."""
        return "" if cond is None else cond.never(self)


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
    techs, hardware = c.records["techs"], c.records["hardware"]
    missions, events = c.records["missions"], c.records["events"]
    rules = c.engine
    flyable_crew = {rid for rid, d in missions.items() if not c.crew_problem(d)}
    queued = world.facts.get("queued", set())

    def buildable(options: list[str]) -> bool:
        return any(h in hardware and hardware[h].tech in ok["techs"] for h in options)

    changed = True
    while changed:
        changed = False
        for rid, d in techs.items():
            if (
                rid not in ok["techs"]
                and all(r in ok["techs"] for r in d.requires)
                and not world.never(rules["techs"][rid].available)
            ):
                ok["techs"].add(rid)
                changed = True
        for rid, d in missions.items():
            if rid in ok["missions"] or rid not in flyable_crew or world.never(rules["missions"][rid].available):
                continue
            if all(buildable(opts) for opts in d.slots.values()):
                ok["missions"].add(rid)
                ok["milestones"].update(d.milestones)
                changed = True
        for rid, d in events.items():
            if (
                rid not in ok["events"]
                and not world.never(rules["events"][rid].when)
                and (d.chance > 0 or rid in queued)
            ):
                ok["events"].add(rid)
                changed = True
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


def check_reachability(c: Checker) -> None:
    """Report what can never be researched, flown, reached or fired, and techs nothing uses."""
    why = reachable(c)
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
            reason = world.never(rules["events"][d.id].when) or "its chance is 0 and nothing queues it"
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

"""Pass 2 of validation: what the content means across records.

Unknown ids (with "did you mean", and naming the mod when a mod removed what a record needs),
prerequisite cycles, missions no side can fly, dates the calendar has not got, what the
conditions and effects say of themselves (`problems`), and what can never happen
(`game.content.reach`). Missing translations last. Records are read as their models, conditions
and effects as the engine's ops they became.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from game.content.build import PREFIX, Content, Converted
from game.content.findings import ERROR, WARNING, Finding, did_you_mean
from game.content.reach import World, check_reachability
from game.content.translations import check_translations
from game.engine.calendar import date_to_ordinal
from game.engine.vocab import facts_of, fields_of, walk

KINDS = PREFIX
_DATE_PARTS = re.compile(r"^(\d{4})(?:-(?:([QHT])(\d{1,2})|(\d{1,2})-(\d{1,2})))?$")


class Where(Protocol):
    def __call__(self, kind: str, rid: str, field_path: str = "") -> tuple[str, int]: ...

    def removed(self, kind: str, rid: str) -> tuple[str, int, str] | None: ...

    def languages(self, kind: str, rid: str) -> list[str] | None: ...

    def layer(self, kind: str, rid: str) -> str | None: ...

    def manifest(self, layer: str) -> str: ...

    def raw_data(self, kind: str, rid: str) -> dict[str, Any] | None: ...


class Checker:
    def __init__(
        self, content: Content, converted: Converted, where: Where, findings: list[Finding], broken: dict[str, set[str]]
    ) -> None:
        self.content = content
        self.engine = converted.records
        self.where = where
        self.findings = findings
        self.broken = broken
        self.records = {kind: {r.id: r for r in content.records.get(kind, [])} for kind in KINDS}
        self.ids = {kind: set(self.records[kind]) | broken.get(kind, set()) for kind in KINDS}
        s = content.settings
        self.tpy = s.turns_per_year if s else 4
        self.has_dates = s is not None
        self.start = date_to_ordinal(s.start, self.tpy) if s else 0
        self.end = date_to_ordinal(s.end, self.tpy) if s else 0
        self.in_cycle: set[str] = set()
        self._crew_by_side: dict[str, list[Any]] | None = None
        # Every condition and effect, by record, with its path in the record; and what the effects establish.
        self.ops = {kind: {rid: list(walk(rec)) for rid, rec in self.engine[kind].items()} for kind in KINDS}
        facts = facts_of([op for by_id in self.ops.values() for found in by_id.values() for _path, op in found])
        dates = (self.start, self.end) if self.has_dates else None
        self.world = World(self.ids, dates, self.tpy, converted.ctx, facts.table)
        self.named: dict[str, set[str]] = {kind: set() for kind in KINDS}  # ids the ops name, by kind

    # -------------------------------------------------------------------- reporting

    def add(self, severity: str, kind: str, rid: str, field: str, message: str, hint: str = "", code: str = "") -> None:
        path, line = self.where(kind, rid, field)
        prefix = KINDS.get(kind, kind)
        label = f"{prefix}({rid})" if rid else prefix
        self.findings.append(Finding(severity, path, line, label, field, message, hint, code))

    def ref(self, kind: str, rid: str, field: str, target_kind: str, value: str) -> bool:
        if value in self.ids[target_kind]:
            return True
        noun = KINDS[target_kind]
        gone = self.where.removed(target_kind, value)
        if gone is not None:
            path, line, mod = gone
            self.add(
                ERROR,
                kind,
                rid,
                field,
                f"needs {noun} {value!r}, which the mod {mod!r} removes ({path}:{line})",
                "patch this record too, or do not remove it",
                "ref/removed",
            )
        else:
            self.add(
                ERROR,
                kind,
                rid,
                field,
                f"unknown {noun} {value!r}",
                did_you_mean(value, self.ids[target_kind]),
                "ref/unknown",
            )
        return False

    def date_label(self, ordinal: int) -> str:
        return self.world.date_label(ordinal)

    # -------------------------------------------------------------------- the checks

    def run(self) -> None:
        if not self.content.records.get("sides") and not self.broken.get("sides"):
            self.findings.append(
                Finding(ERROR, "(scenario)", 0, "sides", "", "the scenario defines no sides", "", "logic/no_sides")
            )
        if not self.content.records.get("victory") and not self.broken.get("victory"):
            self.findings.append(
                Finding(
                    WARNING,
                    "(scenario)",
                    0,
                    "victory",
                    "",
                    "no victory condition: only prestige at the end date decides",
                    "",
                    "logic/no_victory",
                )
            )
        if self.has_dates and self.start > self.end:
            path, line = self.where("settings", "", "end")
            self.findings.append(
                Finding(ERROR, path, line, "settings", "end", "the end comes before the start", "", "logic/dates")
            )
        self.check_dates()
        self.check_sides()
        self.check_techs()
        self.check_hardware()
        self.check_facilities()
        self.check_missions()
        self.check_crews()
        self.check_events()
        self.check_victory_modes()
        self.check_ops()
        check_reachability(self)
        check_translations(self)

    def date_problem(self, text: str) -> str:
        """What is wrong with a date in this scenario's calendar ("" if nothing)."""
        m = _DATE_PARTS.match(text)
        if m is None:
            return ""
        letter, n, month, day = m.group(2), m.group(3), m.group(4), m.group(5)
        if letter:
            want = {"Q": 4, "H": 2}.get(letter)
            if want is not None and want != self.tpy:
                return f"{text!r}: {letter} counts turns of a {want}-turn year, this scenario has {self.tpy} (use T1…T{self.tpy})"
            if not 1 <= int(n) <= self.tpy:
                return f"{text!r}: a year has {self.tpy} turns here"
        if month and not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            return f"{text!r} is not a real date"
        return ""

    def check_dates(self) -> None:
        dated: list[tuple[str, str, str, str]] = []
        s = self.content.settings
        if s is not None:
            dated += [("settings", "", f, getattr(s, f)) for f in ("start", "end")]
        for kind in KINDS:
            for rid, found in self.ops[kind].items():
                for path, op in found:
                    for spec in fields_of(type(op)):
                        text = self.world.written(op, spec.name) if spec.date else ""
                        if text:
                            dated.append((kind, rid, f"{path}.{spec.name}", text))
        dated += [
            ("milestones", d.id, "history.date", d.history.date)
            for d in self.content.records.get("milestones", [])
            if d.history
        ]
        dated += [
            ("crews", d.id, "available", d.available) for d in self.content.records.get("crews", []) if d.available
        ]
        for d in self.content.records.get("sides", []):
            dated += [("sides", d.id, f"start_milestones.{k}", v) for k, v in d.start_milestones.items()]
            if isinstance(d.joins, str):  # a date; a condition's dates are among the ops above
                dated.append(("sides", d.id, "joins", d.joins))
        for kind, rid, field, text in dated:
            problem = self.date_problem(text)
            if problem:
                if kind == "settings":
                    path, line = self.where("settings", "", field)
                    self.findings.append(Finding(ERROR, path, line, "settings", field, problem, "", "logic/dates"))
                else:
                    self.add(ERROR, kind, rid, field, problem, "", "logic/dates")

    def check_sides(self) -> None:
        crews = self.records["crews"]
        for d in self.content.records.get("sides", []):
            rid = d.id
            for t in d.start_techs:
                self.ref("sides", rid, f"start_techs.{t}", "techs", t)
            for t in d.start_progress:
                self.ref("sides", rid, f"start_progress.{t}", "techs", t)
            for h in d.start_hardware:
                self.ref("sides", rid, f"start_hardware.{h}", "hardware", h)
            for ms, date in d.start_milestones.items():
                known = self.ref("sides", rid, f"start_milestones.{ms}", "milestones", ms)
                if known and self.has_dates and date_to_ordinal(date, self.tpy) > self.start:
                    self.add(
                        ERROR,
                        "sides",
                        rid,
                        f"start_milestones.{ms}",
                        f"{date} is after the scenario starts ({self.date_label(self.start)})",
                        "",
                        "logic/dates",
                    )
            for i, cid in enumerate(d.start_crew):
                if self.ref("sides", rid, f"start_crew[{i}]", "crews", cid) and cid in crews and crews[cid].side != rid:
                    self.add(
                        ERROR,
                        "sides",
                        rid,
                        f"start_crew[{i}]",
                        f"{cid!r} belongs to side {crews[cid].side!r}",
                        "",
                        "logic/crew_side",
                    )
            if d.ai_personality:
                self.ref("sides", rid, "ai_personality", "ai_personalities", d.ai_personality)
            if d.min_budget > d.max_budget:
                self.add(ERROR, "sides", rid, "min_budget", "is above max_budget", "", "logic/budget")
            if isinstance(d.joins, str) and self.has_dates and date_to_ordinal(d.joins, self.tpy) > self.end:
                self.add(
                    WARNING,
                    "sides",
                    rid,
                    "joins",
                    f"{d.joins} is after the scenario ends ({self.date_label(self.end)}): the side never plays",
                    "",
                    "logic/dates",
                )

    def check_techs(self) -> None:
        techs = self.records["techs"]
        for rid, d in techs.items():
            for i, req in enumerate(d.requires):
                self.ref("techs", rid, f"requires[{i}]", "techs", req)
            if d.base > d.ceiling:
                self.add(
                    ERROR,
                    "techs",
                    rid,
                    "base",
                    f"base reliability {d.base} is above the ceiling {d.ceiling}",
                    "",
                    "logic/reliability",
                )
        # Cycles: depth-first search, reporting each cycle once at the tech that closes it.
        state: dict[str, int] = {}

        def visit(t: str, trail: list[str]) -> None:
            state[t] = 1
            for i, req in enumerate(techs[t].requires):
                if req not in techs:
                    continue
                if state.get(req) == 1:
                    cycle = [*trail[trail.index(req) :], req] if req in trail else [t, req]
                    self.in_cycle.update(cycle)
                    self.add(
                        ERROR,
                        "techs",
                        t,
                        f"requires[{i}]",
                        "prerequisites go round in a circle: " + " → ".join(cycle),
                        "",
                        "logic/cycle",
                    )
                elif req not in state:
                    visit(req, [*trail, req])
            state[t] = 2

        for t in techs:
            if t not in state:
                visit(t, [t])

    def check_hardware(self) -> None:
        for d in self.content.records.get("hardware", []):
            self.ref("hardware", d.id, "tech", "techs", d.tech)

    def check_facilities(self) -> None:
        for d in self.content.records.get("facilities", []):
            for i, tech in enumerate(d.requires):
                self.ref("facilities", d.id, f"requires[{i}]", "techs", tech)

    def crew_by_side(self) -> dict[str, list[Any]]:
        if self._crew_by_side is not None:
            return self._crew_by_side
        out: dict[str, list[Any]] = {sid: [] for sid in sorted(self.ids["sides"])}
        for cr in self.content.records.get("crews", []):
            if cr.side in out and (
                not self.has_dates or not cr.available or date_to_ordinal(cr.available, self.tpy) <= self.end
            ):
                out[cr.side].append(cr)
        self._crew_by_side = out
        return out

    def crew_problem(self, d: Any) -> str:
        """Why no side could ever man mission `d` ("" if some side could)."""
        if not d.crew:
            return ""
        reasons = []
        for side, crew in self.crew_by_side().items():
            if len(crew) < d.crew:
                reasons.append(f"{side} has {len(crew)} crew member(s), it needs {d.crew}")
                continue
            missing = [t for t in d.crew_traits if not any(t in cr.traits for cr in crew)]
            if missing:
                reasons.append(f"no {side} crew member has the trait {missing[0]!r}")
                continue
            return ""
        if self.broken.get("crews"):
            return ""  # cannot tell while a crew member is broken
        return "; ".join(reasons) or "there are no sides"

    def check_missions(self) -> None:
        crew_skills = {k for cr in self.content.records.get("crews", []) for k in cr.skills}
        for d in self.content.records.get("missions", []):
            rid = d.id
            for slot, options in d.slots.items():
                if not options:
                    self.add(
                        ERROR, "missions", rid, f"slots.{slot}", "no hardware can fill this slot", "", "logic/slot"
                    )
                for i, h in enumerate(options):
                    self.ref("missions", rid, f"slots.{slot}[{i}]", "hardware", h)
            seen_steps: set[str] = set()
            for i, st in enumerate(d.steps):
                if st.id in seen_steps:
                    self.add(
                        ERROR,
                        "missions",
                        rid,
                        f"steps[{i}].id",
                        f"two steps are called {st.id!r}",
                        "",
                        "logic/duplicate",
                    )
                seen_steps.add(st.id)
                if st.slot not in d.slots:
                    self.add(
                        ERROR,
                        "missions",
                        rid,
                        f"steps[{i}].slot",
                        f"no slot {st.slot!r} in this mission",
                        did_you_mean(st.slot, d.slots),
                        "ref/slot",
                    )
                if st.skill and d.crew == 0:
                    self.add(
                        WARNING,
                        "missions",
                        rid,
                        f"steps[{i}].skill",
                        "an uncrewed mission has no crew skill to use",
                        "",
                        "logic/skill",
                    )
                elif st.skill and st.skill not in crew_skills:
                    self.add(
                        WARNING,
                        "missions",
                        rid,
                        f"steps[{i}].skill",
                        f"no crew member has the skill {st.skill!r}",
                        did_you_mean(st.skill, crew_skills),
                        "logic/skill",
                    )
            for i, ms in enumerate(d.milestones):
                self.ref("missions", rid, f"milestones[{i}]", "milestones", ms)
            if len(d.crew_traits) > d.crew:
                self.add(ERROR, "missions", rid, "crew_traits", "more traits than crew seats", "", "logic/crew")
            problem = self.crew_problem(d)
            if problem:
                self.add(ERROR, "missions", rid, "crew", f"no side can fly it: {problem}", "", "logic/unflyable")

    def check_crews(self) -> None:
        for d in self.content.records.get("crews", []):
            self.ref("crews", d.id, "side", "sides", d.side)
            if self.has_dates and d.available and date_to_ordinal(d.available, self.tpy) > self.end:
                self.add(
                    WARNING,
                    "crews",
                    d.id,
                    "available",
                    f"{d.available} is after the scenario ends: never recruited",
                    "",
                    "logic/dates",
                )

    def check_events(self) -> None:
        for d in self.content.records.get("events", []):
            for i, side in enumerate(d.sides):
                self.ref("events", d.id, f"sides[{i}]", "sides", side)
            seen: set[str] = set()
            for i, ch in enumerate(d.choices):
                if ch.id in seen:
                    self.add(
                        ERROR,
                        "events",
                        d.id,
                        f"choices[{i}].id",
                        f"two choices are called {ch.id!r}",
                        "",
                        "logic/duplicate",
                    )
                seen.add(ch.id)
            self.check_default(d, seen)
            self.check_draw(d)

    def check_draw(self, d: Any) -> None:
        """An event of the draw (a `weight`) is not rolled with its own `chance`, and is drawn only if the
        settings give the draw a chance: say so rather than let either be silently ignored."""
        if d.weight <= 0:
            return
        if "chance" in d.model_fields_set:
            message = "an event with a `weight` is drawn, not rolled: its `chance` is not used"
            hint = "leave out `chance` (or `weight`); the draw's chance is `event_draw` in the settings"
            self.add(WARNING, "events", d.id, "chance", message, hint, "logic/draw")
        settings = self.content.settings
        if settings is not None and settings.event_draw == 0:
            message = "the settings' `event_draw` is 0, so no event with a `weight` is ever drawn"
            self.add(WARNING, "events", d.id, "weight", message, "", "logic/draw")

    def check_default(self, d: Any, choices: set[str]) -> None:
        """An event's `default` names one of its choices, and one is needed when every choice has a condition
        (otherwise the side could be left with nothing it may choose)."""
        if d.default is not None and d.default not in choices:
            hint = did_you_mean(d.default, choices) if choices else "the event has no choices"
            self.add(
                ERROR, "events", d.id, "default", f"{d.default!r} is not one of its choices", hint, "logic/default"
            )
        elif d.default is None and d.choices and all(ch.when is not None for ch in d.choices):
            self.add(
                ERROR,
                "events",
                d.id,
                "default",
                "every choice has a condition, so the event needs a `default`: the choice taken when none holds",
                f"add `default: {d.choices[0].id}` (or give one choice no `when`)",
                "logic/default",
            )

    def check_victory_modes(self) -> None:
        for d in self.content.records.get("victory_modes", []):
            for i, v in enumerate(d.victories):
                self.ref("victory_modes", d.id, f"victories[{i}]", "victory", v)
            if d.end is not None and self.has_dates and not self.start <= date_to_ordinal(d.end, self.tpy) <= self.end:
                message = (
                    f"{d.end} is outside the scenario ({self.date_label(self.start)} to {self.date_label(self.end)})"
                )
                self.add(ERROR, "victory_modes", d.id, "end", message, "", "logic/date")

    def check_ops(self) -> None:
        """The ids conditions and effects name, and what each says is wrong with itself here."""
        for kind in KINDS:
            for rid, found in self.ops[kind].items():
                for path, op in found:
                    for field, target, value in op.refs():
                        self.named[target].add(value)
                        self.ref(kind, rid, f"{path}.{field}", target, value)
                    for p in op.problems(self.world):
                        self.add(p.severity, kind, rid, f"{path}.{p.field}", p.message, p.hint, p.code)


def check_meaning(
    content: Content,
    converted: Converted,
    where: Where,
    findings: list[Finding],
    broken: dict[str, set[str]] | None = None,
) -> None:
    """Add pass-2 findings about `content`; `broken` names records that failed pass 1 (they still count as known ids)."""
    Checker(content, converted, where, findings, broken or content.broken).run()

"""Pass 2 of validation: what the content means across records.

Unknown ids (with "did you mean", and naming the mod when a mod removed what a record needs),
prerequisite cycles, missions no side can fly, and what can never happen: an optimistic
reachability pass over techs, missions, milestones and events (a thing counts as reachable
if any play could reach it), after which a victory, event or milestone still unreachable is
reported with the reason. Missing translations last.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from game.content.findings import ERROR, INFO, WARNING, Finding, did_you_mean
from game.content.models import KINDS, date_to_ordinal

# Fields inside conditions and effects that name another record, and that record's kind.
_REF_FIELDS = {"tech": "techs", "milestone": "milestones", "event": "events", "side": "sides"}
MAX_MISSING_TEXTS = 50
_DATE_PARTS = re.compile(
    r"^(\d{4})(?:-(?:([QHT])(\d{1,2})|(\d{1,2})-(\d{1,2})))?$"
)  # per language, before the rest are counted in one line


class Where(Protocol):
    def __call__(self, kind: str, rid: str, field_path: str = "") -> tuple[str, int]: ...

    def removed(self, kind: str, rid: str) -> tuple[str, int, str] | None: ...

    def languages(self, kind: str, rid: str) -> list[str] | None: ...

    def raw_data(self, kind: str, rid: str) -> dict[str, Any] | None: ...


def _walk(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every condition or effect mapping inside `node`, with a readable path."""
    if isinstance(node, dict):
        if "op" in node:
            yield path, node
        for k, v in node.items():
            yield from _walk(v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, f"{path}[{i}]")


def _cmp(a: int, op: str, b: int) -> bool:
    return {"lt": a < b, "le": a <= b, "eq": a == b, "ne": a != b, "ge": a >= b, "gt": a > b}[op]


class _Checker:
    def __init__(
        self, content: dict[str, Any], where: Where, findings: list[Finding], broken: dict[str, set[str]]
    ) -> None:
        self.content = content
        self.where = where
        self.findings = findings
        self.ids = {kind: {r["id"] for r in content.get(kind, [])} | broken.get(kind, set()) for kind in KINDS}
        self.broken = broken
        s = content.get("settings") or {}
        self.tpy = s.get("turns_per_year", 4)
        self.has_dates = bool(s.get("start")) and bool(s.get("end"))
        self.start = date_to_ordinal(s["start"], self.tpy) if self.has_dates else 0
        self.end = date_to_ordinal(s["end"], self.tpy) if self.has_dates else 0
        self.records = {kind: {r["id"]: r for r in content.get(kind, [])} for kind in KINDS}
        self.in_cycle: set[str] = set()
        self._crew_by_side: dict[str, list[dict[str, Any]]] | None = None

    # -------------------------------------------------------------------- reporting

    def add(self, severity: str, kind: str, rid: str, field: str, message: str, hint: str = "", code: str = "") -> None:
        path, line = self.where(kind, rid, field)
        prefix = KINDS[kind][1] if kind in KINDS else kind
        label = f"{prefix}({rid})" if rid else prefix
        self.findings.append(Finding(severity, path, line, label, field, message, hint, code))

    def ref(self, kind: str, rid: str, field: str, target_kind: str, value: str) -> bool:
        if value in self.ids[target_kind]:
            return True
        noun = KINDS[target_kind][1]
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
        year, n = divmod(ordinal, self.tpy)
        return (
            str(year) if self.tpy == 1 else f"{year}-{'Q' if self.tpy == 4 else 'H' if self.tpy == 2 else 'T'}{n + 1}"
        )

    # -------------------------------------------------------------------- the checks

    def run(self) -> None:
        c = self.content
        if not c.get("sides") and not self.broken.get("sides"):
            self.findings.append(
                Finding(ERROR, "(scenario)", 0, "sides", "", "the scenario defines no sides", "", "logic/no_sides")
            )
        if not c.get("victory") and not self.broken.get("victory"):
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
        self.check_missions()
        self.check_crews()
        self.check_events()
        self.check_logic()
        self.check_reachability()
        self.check_translations()

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
        s = self.content.get("settings") or {}
        dated += [("settings", "", f, s[f]) for f in ("start", "end") if s.get(f)]
        for kind in KINDS:
            for d in self.content.get(kind, []):
                for path, node in _walk({k: v for k, v in d.items() if k != "id"}, ""):
                    if node["op"] == "date_between":
                        dated += [(kind, d["id"], f"{path}.{f}", node[f]) for f in ("start", "end") if node.get(f)]
        dated += [
            ("milestones", d["id"], "history.date", d["history"]["date"])
            for d in self.content.get("milestones", [])
            if d["history"]
        ]
        dated += [
            ("crews", d["id"], "available", d["available"]) for d in self.content.get("crews", []) if d["available"]
        ]
        for d in self.content.get("sides", []):
            dated += [("sides", d["id"], f"start_milestones.{k}", v) for k, v in d.get("start_milestones", {}).items()]
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
        for d in self.content.get("sides", []):
            rid = d["id"]
            for t in d["start_techs"]:
                self.ref("sides", rid, f"start_techs.{t}", "techs", t)
            for t in d["start_progress"]:
                self.ref("sides", rid, f"start_progress.{t}", "techs", t)
            for h in d["start_hardware"]:
                self.ref("sides", rid, f"start_hardware.{h}", "hardware", h)
            for ms, date in d.get("start_milestones", {}).items():
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
            for i, cid in enumerate(d["start_crew"]):
                if (
                    self.ref("sides", rid, f"start_crew[{i}]", "crews", cid)
                    and cid in crews
                    and crews[cid]["side"] != rid
                ):
                    self.add(
                        ERROR,
                        "sides",
                        rid,
                        f"start_crew[{i}]",
                        f"{cid!r} belongs to side {crews[cid]['side']!r}",
                        "",
                        "logic/crew_side",
                    )
            if d["ai_personality"]:
                self.ref("sides", rid, "ai_personality", "ai_personalities", d["ai_personality"])
            if d["min_budget"] > d["max_budget"]:
                self.add(ERROR, "sides", rid, "min_budget", "is above max_budget", "", "logic/budget")

    def check_techs(self) -> None:
        techs = self.records["techs"]
        for rid, d in techs.items():
            for i, req in enumerate(d["requires"]):
                self.ref("techs", rid, f"requires[{i}]", "techs", req)
            if d["base"] > d["ceiling"]:
                self.add(
                    ERROR,
                    "techs",
                    rid,
                    "base",
                    f"base reliability {d['base']} is above the ceiling {d['ceiling']}",
                    "",
                    "logic/reliability",
                )
        # Cycles: depth-first search, reporting each cycle once at the tech that closes it.
        state: dict[str, int] = {}

        def visit(t: str, trail: list[str]) -> None:
            state[t] = 1
            for i, req in enumerate(techs[t]["requires"]):
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
        for d in self.content.get("hardware", []):
            self.ref("hardware", d["id"], "tech", "techs", d["tech"])

    def crew_by_side(self) -> dict[str, list[dict[str, Any]]]:
        if self._crew_by_side is not None:
            return self._crew_by_side
        out: dict[str, list[dict[str, Any]]] = {sid: [] for sid in sorted(self.ids["sides"])}
        for cr in self.content.get("crews", []):
            if cr["side"] in out and (
                not self.has_dates or not cr["available"] or date_to_ordinal(cr["available"], self.tpy) <= self.end
            ):
                out[cr["side"]].append(cr)
        self._crew_by_side = out
        return out

    def crew_problem(self, d: dict[str, Any]) -> str:
        """Why no side could ever man mission `d` ("" if some side could)."""
        if not d["crew"]:
            return ""
        reasons = []
        for side, crew in self.crew_by_side().items():
            if len(crew) < d["crew"]:
                reasons.append(f"{side} has {len(crew)} crew member(s), it needs {d['crew']}")
                continue
            missing = [t for t in d["crew_traits"] if not any(t in cr["traits"] for cr in crew)]
            if missing:
                reasons.append(f"no {side} crew member has the trait {missing[0]!r}")
                continue
            return ""
        if self.broken.get("crews"):
            return ""  # cannot tell while a crew member is broken
        return "; ".join(reasons) or "there are no sides"

    def check_missions(self) -> None:
        crew_skills = {k for cr in self.content.get("crews", []) for k in cr["skills"]}
        for d in self.content.get("missions", []):
            rid = d["id"]
            for slot, options in d["slots"].items():
                if not options:
                    self.add(
                        ERROR, "missions", rid, f"slots.{slot}", "no hardware can fill this slot", "", "logic/slot"
                    )
                for i, h in enumerate(options):
                    self.ref("missions", rid, f"slots.{slot}[{i}]", "hardware", h)
            seen_steps: set[str] = set()
            for i, st in enumerate(d["steps"]):
                if st["id"] in seen_steps:
                    self.add(
                        ERROR,
                        "missions",
                        rid,
                        f"steps[{i}].id",
                        f"two steps are called {st['id']!r}",
                        "",
                        "logic/duplicate",
                    )
                seen_steps.add(st["id"])
                if st["slot"] not in d["slots"]:
                    self.add(
                        ERROR,
                        "missions",
                        rid,
                        f"steps[{i}].slot",
                        f"no slot {st['slot']!r} in this mission",
                        did_you_mean(st["slot"], d["slots"]),
                        "ref/slot",
                    )
                if st["skill"] and d["crew"] == 0:
                    self.add(
                        WARNING,
                        "missions",
                        rid,
                        f"steps[{i}].skill",
                        "an uncrewed mission has no crew skill to use",
                        "",
                        "logic/skill",
                    )
                elif st["skill"] and st["skill"] not in crew_skills:
                    self.add(
                        WARNING,
                        "missions",
                        rid,
                        f"steps[{i}].skill",
                        f"no crew member has the skill {st['skill']!r}",
                        did_you_mean(st["skill"], crew_skills),
                        "logic/skill",
                    )
            for i, ms in enumerate(d["milestones"]):
                self.ref("missions", rid, f"milestones[{i}]", "milestones", ms)
            if len(d["crew_traits"]) > d["crew"]:
                self.add(ERROR, "missions", rid, "crew_traits", "more traits than crew seats", "", "logic/crew")
            problem = self.crew_problem(d)
            if problem:
                self.add(ERROR, "missions", rid, "crew", f"no side can fly it: {problem}", "", "logic/unflyable")

    def check_crews(self) -> None:
        for d in self.content.get("crews", []):
            self.ref("crews", d["id"], "side", "sides", d["side"])
            if self.has_dates and d["available"] and date_to_ordinal(d["available"], self.tpy) > self.end:
                self.add(
                    WARNING,
                    "crews",
                    d["id"],
                    "available",
                    f"{d['available']} is after the scenario ends: never recruited",
                    "",
                    "logic/dates",
                )

    def check_events(self) -> None:
        for d in self.content.get("events", []):
            for i, side in enumerate(d["sides"]):
                self.ref("events", d["id"], f"sides[{i}]", "sides", side)
            seen: set[str] = set()
            for i, ch in enumerate(d["choices"]):
                if ch["id"] in seen:
                    self.add(
                        ERROR,
                        "events",
                        d["id"],
                        f"choices[{i}].id",
                        f"two choices are called {ch['id']!r}",
                        "",
                        "logic/duplicate",
                    )
                seen.add(ch["id"])

    def check_logic(self) -> None:
        """Ids named inside conditions and effects, flags read but never set, and `reliability` without a tech."""
        self.flags_set: set[str] = set()
        flags_read: list[tuple[str, str, str, str]] = []
        for kind in KINDS:
            for d in self.content.get(kind, []):
                rid = d["id"]
                for path, node in _walk({k: v for k, v in d.items() if k != "id"}, ""):
                    for fname, target in _REF_FIELDS.items():
                        value = node.get(fname)
                        if isinstance(value, str):
                            self.ref(kind, rid, f"{path}.{fname}", target, value)
                    if node["op"] == "set_flag":
                        self.flags_set.add(node["flag"])
                    elif node["op"] == "flag" and node.get("value") != 0:
                        flags_read.append((kind, rid, path, node["flag"]))
                    elif node["op"] == "compare" and node["value"] == "reliability" and not node.get("tech"):
                        self.add(
                            ERROR,
                            kind,
                            rid,
                            f"{path}.tech",
                            "`value: reliability` needs the `tech` whose reliability it reads",
                            "",
                            "logic/compare",
                        )
        for kind, rid, path, flag in flags_read:
            if flag not in self.flags_set:
                self.add(
                    WARNING,
                    kind,
                    rid,
                    f"{path}.flag",
                    f"flag {flag!r} is never set by any effect",
                    did_you_mean(flag, self.flags_set),
                    "logic/flag",
                )

    # -------------------------------------------------------------------- what can never happen

    def never(self, cond: dict[str, Any] | None, ok: dict[str, set[str]]) -> str:
        """Why `cond` can never hold in any game ("" if it might); `ok` holds what is reachable so far."""
        if cond is None:
            return ""
        op = cond["op"]
        judge: dict[str, Callable[[dict[str, Any]], str]] = {
            "all": lambda c: next((r for r in (self.never(x, ok) for x in c["of"]) if r), ""),
            "any": lambda c: (
                (self.never(c["of"][0], ok) if c["of"] else "an empty `any` is never true")
                if all(self.never(x, ok) for x in c["of"])
                else ""
            ),
            "date_between": self._never_date,
            "has_tech": lambda c: (
                f"tech {c['tech']!r} can never be researched"
                if c["tech"] in self.ids["techs"] and c["tech"] not in ok["techs"]
                else ""
            ),
            "achieved": lambda c: self._never_milestone(c["milestone"], ok),
            "first_to": lambda c: self._never_milestone(c["milestone"], ok),
            "event_fired": lambda c: (
                f"event {c['event']!r} can never happen"
                if c["event"] in self.ids["events"] and c["event"] not in ok["events"]
                else ""
            ),
            "flag": lambda c: (
                f"flag {c['flag']!r} is never set" if c.get("value") != 0 and c["flag"] not in self.flags_set else ""
            ),
            "is_side": lambda c: f"there is no side {c['side']!r}" if c["side"] not in self.ids["sides"] else "",
            "compare": self._never_compare,
        }
        return judge[op](cond) if op in judge else ""

    def _never_milestone(self, ms: str, ok: dict[str, set[str]]) -> str:
        if ms in self.ids["milestones"] and ms not in ok["milestones"]:
            return f"milestone {ms!r} can never be reached"
        return ""

    def _never_date(self, c: dict[str, Any]) -> str:
        if not self.has_dates:
            return ""
        lo = date_to_ordinal(c["start"], self.tpy) if c.get("start") else self.start
        hi = date_to_ordinal(c["end"], self.tpy) if c.get("end") else self.end
        if lo > hi:
            return f"the window {c.get('start')}–{c.get('end')} ends before it starts"
        if hi < self.start or lo > self.end:
            return (
                f"the window {c.get('start') or '…'}–{c.get('end') or '…'} is outside the scenario "
                f"({self.date_label(self.start)}–{self.date_label(self.end)})"
            )
        return ""

    def _never_compare(self, c: dict[str, Any]) -> str:
        if c["value"] == "year" and self.has_dates:
            years = range(self.start // self.tpy, self.end // self.tpy + 1)
            if not any(_cmp(y, c["cmp"], c["to"]) for y in years):
                return f"no year of the scenario is {c['cmp']} {c['to']}"
        if c["value"] == "turn" and self.has_dates:
            candidates = [
                t for t in (self.start, self.end, c["to"] - 1, c["to"], c["to"] + 1) if self.start <= t <= self.end
            ]
            if not any(_cmp(t, c["cmp"], c["to"]) for t in candidates):
                return f"no turn of the scenario is {c['cmp']} {c['to']}"
        return ""

    def reachable(self) -> tuple[dict[str, set[str]], dict[tuple[str, str], str]]:
        """What some game could reach, found by repeating until nothing new appears; and why the rest cannot be."""
        # Records that failed pass 1 count as reachable, and so does everything if a mission or side
        # failed (what it would reach is unknown): better a problem missed until the next run than a false one.
        ok: dict[str, set[str]] = {
            k: set(self.broken.get(k, ())) for k in ("techs", "missions", "milestones", "events")
        }
        if self.broken.get("missions") or self.broken.get("hardware"):
            ok["milestones"] |= self.ids["milestones"]
            ok["techs"] |= self.ids["techs"]
        # A side that failed pass 1 still tells, as written, what it starts with.
        starts = [(s["start_techs"], s.get("start_milestones", {})) for s in self.content.get("sides", [])]
        for rid in self.broken.get("sides", ()):
            raw = self.where.raw_data("sides", rid) or {}
            techs_raw, ms_raw = raw.get("start_techs"), raw.get("start_milestones")
            starts.append(
                (techs_raw if isinstance(techs_raw, dict) else {}, ms_raw if isinstance(ms_raw, dict) else {})
            )
        for start_techs, start_milestones in starts:
            ok["techs"].update(t for t in start_techs if t in self.ids["techs"])
            ok["milestones"].update(m for m in start_milestones if m in self.ids["milestones"])
        techs, hardware = self.records["techs"], self.records["hardware"]
        missions, events = self.records["missions"], self.records["events"]
        flyable_crew = {rid for rid, d in missions.items() if not self.crew_problem(d)}
        queued = {
            node["event"]
            for kind in KINDS
            for d in self.content.get(kind, [])
            for _, node in _walk(d, "")
            if node["op"] == "queue_event"
        }
        changed = True
        while changed:
            changed = False
            for rid, d in techs.items():
                if (
                    rid not in ok["techs"]
                    and all(r in ok["techs"] for r in d["requires"])
                    and not self.never(d["available"], ok)
                ):
                    ok["techs"].add(rid)
                    changed = True
            for rid, d in missions.items():
                if rid in ok["missions"] or rid not in flyable_crew or self.never(d["available"], ok):
                    continue
                if all(
                    any(h in hardware and hardware[h]["tech"] in ok["techs"] for h in opts)
                    for opts in d["slots"].values()
                ):
                    ok["missions"].add(rid)
                    ok["milestones"].update(d["milestones"])
                    changed = True
            for rid, d in events.items():
                if rid not in ok["events"] and not self.never(d["when"], ok) and (d["chance"] > 0 or rid in queued):
                    ok["events"].add(rid)
                    changed = True
        why: dict[tuple[str, str], str] = {}
        for rid, d in techs.items():
            if rid not in ok["techs"]:
                missing = next((r for r in d["requires"] if r not in ok["techs"]), None)
                why[("techs", rid)] = (
                    f"it requires {missing!r}, which can never be researched"
                    if missing
                    else self.never(d["available"], ok)
                )
        for rid, d in missions.items():
            if rid not in ok["missions"]:
                reason = self.crew_problem(d) or self.never(d["available"], ok)
                if not reason:
                    slot = next(
                        s
                        for s, opts in d["slots"].items()
                        if not any(h in hardware and hardware[h]["tech"] in ok["techs"] for h in opts)
                    )
                    reason = f"nothing that fills slot {slot!r} can ever be built"
                why[("missions", rid)] = reason
        return ok, why

    def check_reachability(self) -> None:
        ok, why = self.reachable()
        for (kind, rid), reason in why.items():
            if kind == "techs" and rid in self.in_cycle:
                continue  # the cycle itself is reported
            if kind == "techs":
                self.add(WARNING, kind, rid, "", f"can never be researched: {reason}", "", "logic/unreachable")
            elif "crew" not in reason and "trait" not in reason:  # crew problems are reported as errors already
                self.add(WARNING, kind, rid, "", f"no side can ever fly it: {reason}", "", "logic/unreachable")
        granted: dict[str, list[str]] = {}
        for d in self.content.get("missions", []):
            for ms in d["milestones"]:
                granted.setdefault(ms, []).append(d["id"])
        for d in self.content.get("milestones", []):
            if d["id"] in ok["milestones"]:
                continue
            if d["id"] not in granted:
                self.add(
                    WARNING,
                    "milestones",
                    d["id"],
                    "",
                    "no mission grants this milestone: it can never be reached",
                    "",
                    "logic/unreachable",
                )
            else:
                self.add(
                    WARNING,
                    "milestones",
                    d["id"],
                    "",
                    f"can never be reached: no side can ever fly {', '.join(granted[d['id']])}",
                    "",
                    "logic/unreachable",
                )
        for d in self.content.get("events", []):
            if d["id"] not in ok["events"]:
                reason = self.never(d["when"], ok) or "its chance is 0 and nothing queues it"
                self.add(
                    WARNING,
                    "events",
                    d["id"],
                    "when" if d["when"] else "chance",
                    f"this event can never happen: {reason}",
                    "",
                    "logic/unreachable",
                )
        for d in self.content.get("victory", []):
            reason = self.never(d["when"], ok)
            if reason:
                self.add(
                    ERROR,
                    "victory",
                    d["id"],
                    "when",
                    f"this victory can never happen: {reason}",
                    "",
                    "logic/unreachable",
                )
        used = {d["tech"] for d in self.content.get("hardware", [])} | {
            r for d in self.content.get("techs", []) for r in d["requires"]
        }
        used |= {
            node["tech"]
            for kind in KINDS
            for d in self.content.get(kind, [])
            for _, node in _walk(d, "")
            if isinstance(node.get("tech"), str)
        }
        for d in self.content.get("techs", []):
            if d["id"] not in used:
                self.add(
                    WARNING,
                    "techs",
                    d["id"],
                    "",
                    "unlocks no hardware, leads to no other tech and nothing asks for it",
                    "",
                    "logic/unused",
                )

    # -------------------------------------------------------------------- translations

    def check_translations(self) -> None:
        """English names are needed to play (errors); a language the record's package promises in its
        manifest should be complete (warnings); other languages fall back to English (notes)."""
        strings: dict[str, dict[str, str]] = self.content.get("strings", {})
        languages = self.content.get("languages") or ["en"]
        keys: list[tuple[str, str, str, str]] = []
        for kind in KINDS:
            for d in self.content.get(kind, []):
                for f in ("name", "description", "title", "text"):
                    if isinstance(d.get(f), str) and not (kind == "crews" and f == "name"):
                        keys.append((kind, d["id"], f, d[f]))
                for i, st in enumerate(d.get("steps", [])):
                    keys.append((kind, d["id"], f"steps[{i}].name", st["name"]))
                for i, ch in enumerate(d.get("choices", [])):
                    keys.append((kind, d["id"], f"choices[{i}].text", ch["text"]))
        seen: set[tuple[str, str]] = set()
        for lang in languages:
            table = strings.get(lang, {})
            shown: dict[str, int] = {}
            for kind, rid, f, key in keys:
                if key in table or (lang, key) in seen:
                    continue
                seen.add((lang, key))
                promised = self.where.languages(kind, rid) or languages
                if key.endswith(".desc"):
                    severity = INFO
                elif lang == "en":
                    severity = ERROR
                else:
                    severity = WARNING if lang in promised else INFO
                shown[severity] = shown.get(severity, 0) + 1
                if shown[severity] > MAX_MISSING_TEXTS:
                    continue
                message = f"no {lang} text for {key!r}" + (
                    "" if severity != INFO or lang == "en" else " (shown in English)"
                )
                self.add(severity, kind, rid, f, message, f"add it to strings/{lang}.yaml", "text/missing")
            for severity, count in shown.items():
                if count > MAX_MISSING_TEXTS:
                    message = f"…and {count - MAX_MISSING_TEXTS} more texts missing in {lang}"
                    self.findings.append(
                        Finding(severity, "(scenario)", 0, "strings", lang, message, "", "text/missing")
                    )


def check_meaning(
    content: dict[str, Any], where: Where, findings: list[Finding], broken: dict[str, set[str]] | None = None
) -> None:
    """Add pass-2 findings about `content`; `broken` names records that failed pass 1 (they still count as known ids)."""
    _Checker(content, where, findings, broken or {}).run()

"""Pass 2 of validation: what the content means across records (ids, cycles, reachability, translations)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from game.content.findings import ERROR, INFO, WARNING, Finding, did_you_mean
from game.content.models import KINDS, date_to_ordinal

Origins = dict[tuple[str, str], tuple[str, int]]

# Fields inside conditions and effects that name another record, and that record's kind.
_REF_FIELDS = {"tech": "techs", "milestone": "milestones", "event": "events", "side": "sides"}


def _walk(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:  # noqa: ANN401
    """Every condition or effect mapping inside `node`, with a readable path."""
    if isinstance(node, dict):
        if "op" in node:
            yield path, node
        for k, v in node.items():
            yield from _walk(v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, f"{path}[{i}]")


class _Checker:
    def __init__(self, content: dict[str, Any], origins: Origins, findings: list[Finding]) -> None:
        self.content = content
        self.origins = origins
        self.findings = findings
        self.ids = {kind: {r["id"] for r in content.get(kind, [])} for kind in KINDS}
        self.tpy = content["settings"].get("turns_per_year", 4)

    def add(self, severity: str, kind: str, rid: str, field: str, message: str, hint: str = "") -> None:
        path, line = self.origins.get((kind, rid), ("(content)", 0))
        prefix = KINDS[kind][1] if kind in KINDS else kind
        self.findings.append(Finding(severity, path, line, f"{prefix}({rid})" if rid else prefix, field, message, hint))

    def ref(self, kind: str, rid: str, field: str, target_kind: str, value: str) -> bool:
        if value in self.ids[target_kind]:
            return True
        noun = KINDS[target_kind][1]
        self.add(ERROR, kind, rid, field, f"unknown {noun} {value!r}", did_you_mean(value, self.ids[target_kind]))
        return False

    def run(self) -> None:
        c = self.content
        if not c.get("sides"):
            self.add(ERROR, "sides", "", "", "the scenario defines no sides")
        if not c.get("victory"):
            self.add(WARNING, "victory", "", "", "no victory condition: only prestige at the end date decides")
        s = c["settings"]
        if s and date_to_ordinal(s["start"], self.tpy) > date_to_ordinal(s["end"], self.tpy):
            self.findings.append(Finding(ERROR, self.origins.get(("settings", ""), ("settings", 0))[0], 0, "settings", "end", "the end comes before the start"))
        self.check_sides()
        self.check_techs()
        self.check_hardware()
        self.check_missions()
        self.check_crews()
        self.check_logic()
        self.check_reachability()
        self.check_translations()

    def check_sides(self) -> None:
        for d in self.content.get("sides", []):
            rid = d["id"]
            for t in d["start_techs"]:
                self.ref("sides", rid, f"start_techs.{t}", "techs", t)
            for t in d["start_progress"]:
                self.ref("sides", rid, f"start_progress.{t}", "techs", t)
            for h in d["start_hardware"]:
                self.ref("sides", rid, f"start_hardware.{h}", "hardware", h)
            crews = {x["id"]: x for x in self.content.get("crews", [])}
            for i, cid in enumerate(d["start_crew"]):
                if self.ref("sides", rid, f"start_crew[{i}]", "crews", cid) and crews[cid]["side"] != rid:
                    self.add(ERROR, "sides", rid, f"start_crew[{i}]", f"{cid!r} belongs to side {crews[cid]['side']!r}")
            if d["ai_personality"]:
                self.ref("sides", rid, "ai_personality", "ai_personalities", d["ai_personality"])
            if d["min_budget"] > d["max_budget"]:
                self.add(ERROR, "sides", rid, "min_budget", "is above max_budget")

    def check_techs(self) -> None:
        techs = {d["id"]: d for d in self.content.get("techs", [])}
        for rid, d in techs.items():
            for i, req in enumerate(d["requires"]):
                self.ref("techs", rid, f"requires[{i}]", "techs", req)
            if d["base"] > d["ceiling"]:
                self.add(ERROR, "techs", rid, "base", f"base reliability {d['base']} is above the ceiling {d['ceiling']}")
        # Cycles: depth-first search, reporting each cycle once at the tech that closes it.
        state: dict[str, int] = {}

        def visit(t: str, trail: list[str]) -> None:
            state[t] = 1
            for req in techs[t]["requires"]:
                if req not in techs:
                    continue
                if state.get(req) == 1:
                    cycle = [*trail[trail.index(req):], req] if req in trail else [t, req]
                    self.add(ERROR, "techs", t, "requires", "prerequisites go round in a circle: " + " → ".join(cycle))
                elif req not in state:
                    visit(req, [*trail, req])
            state[t] = 2

        for t in techs:
            if t not in state:
                visit(t, [t])

    def check_hardware(self) -> None:
        for d in self.content.get("hardware", []):
            self.ref("hardware", d["id"], "tech", "techs", d["tech"])

    def check_missions(self) -> None:
        crew_skills = {k for cr in self.content.get("crews", []) for k in cr["skills"]}
        traits = {t for cr in self.content.get("crews", []) for t in cr["traits"]}
        for d in self.content.get("missions", []):
            rid = d["id"]
            for slot, options in d["slots"].items():
                if not options:
                    self.add(ERROR, "missions", rid, f"slots.{slot}", "no hardware can fill this slot")
                for i, h in enumerate(options):
                    self.ref("missions", rid, f"slots.{slot}[{i}]", "hardware", h)
            for i, st in enumerate(d["steps"]):
                if st["slot"] not in d["slots"]:
                    self.add(ERROR, "missions", rid, f"steps[{i}].slot", f"no slot {st['slot']!r} in this mission", did_you_mean(st["slot"], d["slots"]))
                if st["skill"] and d["crew"] == 0:
                    self.add(WARNING, "missions", rid, f"steps[{i}].skill", "an uncrewed mission has no crew skill to use")
                elif st["skill"] and st["skill"] not in crew_skills:
                    self.add(WARNING, "missions", rid, f"steps[{i}].skill", f"no crew member has the skill {st['skill']!r}", did_you_mean(st["skill"], crew_skills))
            for i, ms in enumerate(d["milestones"]):
                self.ref("missions", rid, f"milestones[{i}]", "milestones", ms)
            for i, t in enumerate(d["crew_traits"]):
                if t not in traits:
                    self.add(ERROR, "missions", rid, f"crew_traits[{i}]", f"no crew member has the trait {t!r}: no side can fly it")
            if len(d["crew_traits"]) > d["crew"]:
                self.add(ERROR, "missions", rid, "crew_traits", "more traits than crew seats")
        sides = {s["id"] for s in self.content.get("sides", [])}
        for d in self.content.get("missions", []):
            if d["crew"]:
                can = [s for s in sides if sum(1 for cr in self.content.get("crews", []) if cr["side"] == s) >= d["crew"]]
                if not can:
                    self.add(ERROR, "missions", d["id"], "crew", f"no side has {d['crew']} crew members: no side can fly it")

    def check_crews(self) -> None:
        for d in self.content.get("crews", []):
            self.ref("crews", d["id"], "side", "sides", d["side"])

    def check_logic(self) -> None:
        flags_set: set[str] = set()
        flags_read: list[tuple[str, str, str, str]] = []
        start = date_to_ordinal(self.content["settings"]["start"], self.tpy) if self.content["settings"] else 0
        end = date_to_ordinal(self.content["settings"]["end"], self.tpy) if self.content["settings"] else 0
        for kind in KINDS:
            for d in self.content.get(kind, []):
                rid = d["id"]
                for path, node in _walk({k: v for k, v in d.items() if k != "id"}, ""):
                    for fname, target in _REF_FIELDS.items():
                        value = node.get(fname)
                        if isinstance(value, str):
                            self.ref(kind, rid, f"{path}.{fname}", target, value)
                    if node["op"] == "set_flag":
                        flags_set.add(node["flag"])
                    if node["op"] == "flag":
                        flags_read.append((kind, rid, path, node["flag"]))
                    if node["op"] == "date_between" and self.content["settings"]:
                        lo = date_to_ordinal(node["start"], self.tpy) if node.get("start") else start
                        hi = date_to_ordinal(node["end"], self.tpy) if node.get("end") else end
                        if lo > hi or hi < start or lo > end:
                            self.add(ERROR, kind, rid, path, "this date window can never happen in the scenario's years")
                for i, side in enumerate(d.get("sides", []) if kind == "events" else []):
                    self.ref(kind, rid, f"sides[{i}]", "sides", side)
        for kind, rid, path, flag in flags_read:
            if flag not in flags_set:
                self.add(WARNING, kind, rid, f"{path}.flag", f"flag {flag!r} is never set by any effect", did_you_mean(flag, flags_set))

    def check_reachability(self) -> None:
        granted = {ms for d in self.content.get("missions", []) for ms in d["milestones"]}
        for d in self.content.get("milestones", []):
            if d["id"] not in granted:
                self.add(WARNING, "milestones", d["id"], "", "no mission grants this milestone: it can never be achieved")
        for d in self.content.get("victory", []):
            for path, node in _walk(d["when"], "when"):
                if node["op"] in ("achieved", "first_to") and node["milestone"] in self.ids["milestones"] and node["milestone"] not in granted:
                    self.add(ERROR, "victory", d["id"], path, f"milestone {node['milestone']!r} is granted by no mission: this victory can never happen")
        unlock = {d["tech"] for d in self.content.get("hardware", [])}
        for d in self.content.get("techs", []):
            if d["id"] not in unlock and not any(d["id"] in t["requires"] for t in self.content.get("techs", [])):
                self.add(WARNING, "techs", d["id"], "", "unlocks no hardware and leads to no other tech")

    def check_translations(self) -> None:
        strings: dict[str, dict[str, str]] = self.content.get("strings", {})
        languages = self.content.get("languages") or ["en"]
        keys: list[tuple[str, str, str]] = []
        for kind in KINDS:
            for d in self.content.get(kind, []):
                for f in ("name", "description", "title", "text"):
                    if isinstance(d.get(f), str) and not (kind == "crews" and f == "name"):
                        keys.append((kind, d["id"], d[f]))
                for st in d.get("steps", []):
                    keys.append((kind, d["id"], st["name"]))
                for ch in d.get("choices", []):
                    keys.append((kind, d["id"], ch["text"]))
        for lang in languages:
            table = strings.get(lang, {})
            missing = [(k, r, key) for k, r, key in keys if key not in table]
            for kind, rid, key in missing[:50]:
                # English names are needed to play; descriptions and other languages fall back.
                if key.endswith(".desc"):
                    severity = INFO
                else:
                    severity = ERROR if lang == "en" else WARNING
                self.add(severity, kind, rid, "", f"no {lang} text for {key!r}", f"add it to strings/{lang}.yaml")
            if len(missing) > 50:
                self.add(WARNING, "sides", "", "", f"…and {len(missing) - 50} more texts missing in {lang}")


def check_meaning(content: dict[str, Any], origins: Origins, findings: list[Finding]) -> None:
    _Checker(content, origins, findings).run()

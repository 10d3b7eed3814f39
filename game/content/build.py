"""Validated content (plain data) -> the engine's frozen rule dataclasses, and text fields -> translation keys."""

from __future__ import annotations

from typing import Any

from game.content.models import KINDS, date_to_ordinal, day_of_year
from game.engine import conditions as c
from game.engine import effects as e
from game.engine import rules as r

# Text fields of each kind and the suffix of the key derived for them.
TEXT_FIELDS = {"name": "name", "description": "desc", "title": "title", "text": "text"}


def text_key(prefix: str, rid: str, field_name: str) -> str:
    return f"{prefix}.{rid}.{TEXT_FIELDS[field_name]}"


def _own_text(value: Any, key: str, strings: dict[str, dict[str, str]]) -> str:
    """A per-language map moves into the string tables under `key`; a key stays; None becomes `key`."""
    if isinstance(value, dict):
        for lang, text in value.items():
            strings.setdefault(lang, {})[key] = text
        return key
    return value if isinstance(value, str) else key


def normalize_texts(content: dict[str, Any]) -> None:
    """Give every text field a translation key, in place."""
    strings = content.setdefault("strings", {})
    for kind, (_model, prefix) in KINDS.items():
        for rec in content.get(kind, []):
            rid = rec["id"]
            for f in TEXT_FIELDS:
                if f in rec:
                    rec[f] = _own_text(rec[f], text_key(prefix, rid, f), strings)
            for step in rec.get("steps", []):
                step["name"] = _own_text(step.get("name"), f"step.{step['id']}", strings)
            for ch in rec.get("choices", []):
                ch["text"] = _own_text(ch.get("text"), f"event.{rid}.choice.{ch['id']}", strings)


# ------------------------------------------------------------------------------ conditions & effects

_COND = {
    "all": c.All,
    "any": c.Any,
    "not": c.Not,
    "date_between": c.DateBetween,
    "has_tech": c.HasTech,
    "achieved": c.Achieved,
    "first_to": c.FirstTo,
    "flag": c.Flag,
    "event_fired": c.EventFired,
    "compare": c.Compare,
    "is_side": c.IsSide,
}
_EFF = {
    "add_budget": e.AddBudget,
    "add_cash": e.AddCash,
    "add_prestige": e.AddPrestige,
    "research_progress": e.ResearchProgress,
    "modify_reliability": e.ModifyReliability,
    "research_rate": e.ResearchRate,
    "set_flag": e.SetFlag,
    "queue_event": e.QueueEvent,
    "crew_morale": e.CrewMorale,
    "injure_crew": e.InjureCrew,
    "lose_crew": e.LoseCrew,
    "random_one_of": e.RandomOneOf,
}


def condition(data: dict[str, Any] | None, tpy: int) -> c.Condition | None:
    if data is None:
        return None
    op = data["op"]
    args = {k: v for k, v in data.items() if k != "op"}
    if op in ("all", "any"):
        args["of"] = tuple(condition(x, tpy) for x in args["of"])
    elif op == "not":
        args["cond"] = condition(args["cond"], tpy)
    elif op == "date_between":
        args = {k: (date_to_ordinal(v, tpy) if v is not None else None) for k, v in args.items()}
    return _COND[op](**args)  # type: ignore[no-any-return]


def effects(items: list[dict[str, Any]]) -> tuple[e.Effect, ...]:
    out: list[e.Effect] = []
    for data in items:
        op = data["op"]
        args = {k: v for k, v in data.items() if k != "op"}
        if op == "random_one_of":
            args["options"] = tuple(e.Weighted(o["weight"], effects(o["effects"])) for o in args["options"])
        out.append(_EFF[op](**args))
    return tuple(out)


# ------------------------------------------------------------------------------ records


def _pairs(mapping: dict[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(mapping.items())


def build_ruleset(content: dict[str, Any], fingerprint: str) -> r.Ruleset:
    s = content["settings"]
    tpy = s["turns_per_year"]
    settings = r.Settings(
        **{k: v for k, v in s.items() if k not in ("start", "end")},
        start=date_to_ordinal(s["start"], tpy),
        end=date_to_ordinal(s["end"], tpy),
    )
    sides = tuple(
        r.Side(
            id=d["id"],
            name=d["name"],
            description=d["description"],
            color=tuple(d["color"]),  # type: ignore[arg-type]
            start_cash=d["start_cash"],
            budget=d["budget"],
            budget_growth=d["budget_growth"],
            min_budget=d["min_budget"],
            max_budget=d["max_budget"],
            research_rate=d["research_rate"],
            prestige=d["prestige"],
            start_techs=_pairs(d["start_techs"]),
            start_progress=_pairs(d["start_progress"]),
            start_hardware=_pairs(d["start_hardware"]),
            start_crew=tuple(d["start_crew"]),
            ai_personality=d["ai_personality"],
            start_milestones=tuple(
                (k, date_to_ordinal(v, tpy), day_of_year(v)) for k, v in d.get("start_milestones", {}).items()
            ),
        )
        for d in content["sides"]
    )
    techs = {
        d["id"]: r.Tech(
            id=d["id"],
            name=d["name"],
            description=d["description"],
            line=d["line"],
            cost=d["cost"],
            requires=tuple(d["requires"]),
            base=d["base"],
            ceiling=d["ceiling"],
            max_rate=d["max_rate"],
            available=condition(d["available"], tpy),
        )
        for d in content["techs"]
    }
    hardware = {
        d["id"]: r.Hardware(d["id"], d["name"], d["tech"], d["unit_cost"], d["kind"], d["description"])
        for d in content["hardware"]
    }
    missions = {
        d["id"]: r.Mission(
            id=d["id"],
            name=d["name"],
            description=d["description"],
            slots=tuple(r.Slot(k, tuple(v)) for k, v in d["slots"].items()),
            steps=tuple(
                r.Step(x["id"], x["slot"], x["difficulty"], x["skill"], x["critical"], x["fatal"], x["name"])
                for x in d["steps"]
            ),
            crew=d["crew"],
            crew_traits=tuple(d["crew_traits"]),
            cost=d["cost"],
            milestones=tuple(d["milestones"]),
            prestige=r.MissionPrestige(**d["prestige"]),
            available=condition(d["available"], tpy),
            effects=effects(d["effects"]),
        )
        for d in content["missions"]
    }
    milestones = {
        d["id"]: r.Milestone(
            id=d["id"],
            name=d["name"],
            description=d["description"],
            first=d["first"],
            second=d["second"],
            later=d["later"],
            history_date=date_to_ordinal(d["history"]["date"], tpy) if d["history"] else None,
            history_side=d["history"]["side"] if d["history"] else None,
        )
        for d in content["milestones"]
    }
    events = {
        d["id"]: r.Event(
            id=d["id"],
            title=d["title"],
            text=d["text"],
            sides=tuple(d["sides"]),
            when=condition(d["when"], tpy),
            chance=d["chance"],
            once=d["once"],
            cooldown=d["cooldown"],
            effects=effects(d["effects"]),
            choices=tuple(r.Choice(x["id"], x["text"], effects(x["effects"])) for x in d["choices"]),
        )
        for d in content["events"]
    }
    crews = {
        d["id"]: r.CrewMember(
            id=d["id"],
            side=d["side"],
            name=d["name"],
            skills=_pairs(d["skills"]),
            traits=tuple(d["traits"]),
            available=date_to_ordinal(d["available"], tpy) if d["available"] else 0,
            group=d["group"],
        )
        for d in content["crews"]
    }
    victory = tuple(
        r.Victory(d["id"], d["name"], condition(d["when"], tpy), d["description"])  # type: ignore[arg-type]
        for d in content["victory"]
    )
    personalities = {
        d["id"]: r.AIPersonality(d["id"], d["name"], _pairs(d["weights"]), d["risk"], d["description"])
        for d in content["ai_personalities"]
    }
    return r.Ruleset(
        id=content.get("id", "scenario"),
        name=f"scenario.{content.get('id', 'scenario')}.name",
        settings=settings,
        sides=sides,
        techs=techs,
        hardware=hardware,
        missions=missions,
        milestones=milestones,
        events=events,
        crews=crews,
        victory=victory,
        ai_personalities=personalities,
        fingerprint=fingerprint,
        mods=tuple(content.get("mods", ())),
    )

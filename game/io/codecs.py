"""The JSON form of the engine's records, read and written by pydantic TypeAdapters built from the engine's dataclasses.

Actions (a save's log), a game's state (a save's snapshot), a side's PlayerView and the events it
may be told (what a seat that plays from elsewhere would be sent) all go through here, and nothing
else writes or reads them. Nothing is spelled out field by field: each adapter is derived from the
dataclass's own fields and type hints, so a field added to the engine is saved and read with no
change here.

- An action or an event is a JSON object with its fields and a `type`: the action's name in the
  engine (`fund_research`), an event's class name in snake case (`mission_launched`).
- A state or a view is a JSON object of its fields, less the ruleset, which the reader supplies.

Reading takes JSON text and is strict: whole numbers must be whole numbers, text text, unknown
fields are refused. It raises pydantic's ValidationError; game.io's readers turn that into a
one-line SaveError.
"""

from __future__ import annotations

import dataclasses
import json
import re
import typing
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
    TypeAdapter,
    create_model,
)

from game.engine import events as ev
from game.engine.actions import ACTION_NAMES, Action, FundResearch, PlanMission
from game.engine.rules import Ruleset, Tech
from game.engine.serialize import put_in_rules_order, side_in_rules_order
from game.engine.state import GameState
from game.engine.view import PlayerView

# Strict and closed, for every record inside too (pydantic hands a model's config down to the dataclasses in it).
STRICT = ConfigDict(strict=True, extra="forbid")

JsonText = str | bytes


def snake_case(name: str) -> str:
    """`MissionLaunched` -> `mission_launched`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _fields_of(cls: type, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """create_model's field definitions for the dataclass `cls`: its type hints and defaults, less `skip`."""
    hints = typing.get_type_hints(cls, localns={"Ruleset": Ruleset, "Tech": Tech})
    out: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        hint = hints[f.name]
        if typing.get_origin(hint) is frozenset:
            # A set is written sorted, so that the same record always gives the same text.
            hint = Annotated[hint, PlainSerializer(sorted, when_used="json")]
        if f.default is not dataclasses.MISSING:
            out[f.name] = (hint, f.default)
        elif f.default_factory is not dataclasses.MISSING:
            out[f.name] = (hint, Field(default_factory=f.default_factory))
        else:
            out[f.name] = (hint, ...)
    return out


# ------------------------------------------------------------------------------ tagged records: actions, events


# Fields written only when they hold something, so that records from before they existed are written as they
# always were: a planned flight's launch window ("": the default window) in every log from before windows.
# Likewise a research order's `rush` (False in every log from before rushing).
SPARSE: dict[type, tuple[str, ...]] = {PlanMission: ("window",), FundResearch: ("rush",)}


def _tagged_union(tags: dict[type, str]) -> Any:
    """One type for a family of records told apart by `type`: read into the engine's dataclass, written with its tag.

    Each record is read through a model made of the dataclass's fields plus its literal `type`, so
    that the tag is checked, unknown fields are refused and the reading stays strict, then built
    into the dataclass itself.
    """
    writers: dict[type, TypeAdapter[Any]] = {cls: TypeAdapter(cls) for cls in tags}

    def build(cls: type) -> Callable[[BaseModel], Any]:
        names = [f.name for f in dataclasses.fields(cls)]
        return lambda model: cls(**{n: getattr(model, n) for n in names})

    members = []
    for cls, tag in tags.items():
        fields = {"type": (Literal[tag], ...), **_fields_of(cls)}
        model = create_model(f"{cls.__name__}Record", __config__=STRICT, **fields)
        members.append(Annotated[model, AfterValidator(build(cls)), Tag(tag)])

    def tag_of(value: Any) -> str | None:
        if isinstance(value, dict):
            tag = value.get("type")
            return tag if isinstance(tag, str) else None
        return tags.get(type(value))

    def write(value: Any) -> dict[str, Any]:
        out = {"type": tags[type(value)], **writers[type(value)].dump_python(value, mode="json")}
        for name in SPARSE.get(type(value), ()):
            if not out[name]:
                del out[name]
        return out

    return Annotated[Union[tuple(members)], Discriminator(tag_of), PlainSerializer(write)]  # noqa: UP007


if typing.TYPE_CHECKING:  # to a type checker, a field of these types holds the engine's records
    ActionRecord = Action
    EventRecord = ev.Event
else:
    ActionRecord = _tagged_union(ACTION_NAMES)
    EventRecord = _tagged_union({cls: snake_case(cls.__name__) for cls in typing.get_args(ev.Event)})

ACTION: TypeAdapter[Action] = TypeAdapter(ActionRecord, config=STRICT)
ACTIONS: TypeAdapter[list[Action]] = TypeAdapter(list[ActionRecord], config=STRICT)
EVENTS: TypeAdapter[list[ev.Event]] = TypeAdapter(list[EventRecord], config=STRICT)


def dump_action(action: Action) -> dict[str, Any]:
    """One action as plain JSON-ready data: `{"type": "fund_research", "side": ..., ...}`."""
    return ACTION.dump_python(action, mode="json")  # type: ignore[no-any-return]


def dump_actions(actions: Iterable[Action]) -> list[dict[str, Any]]:
    return ACTIONS.dump_python(list(actions), mode="json")  # type: ignore[no-any-return]


def load_action(text: JsonText) -> Action:
    return ACTION.validate_json(text)


def load_actions(text: JsonText) -> list[Action]:
    return ACTIONS.validate_json(text)


def read_actions(data: Any) -> list[Action]:
    """Actions from already parsed JSON (a list of objects), read as strictly as from text."""
    return load_actions(json.dumps(data))


def dump_events(events: Iterable[ev.Event]) -> list[dict[str, Any]]:
    return EVENTS.dump_python(list(events), mode="json")  # type: ignore[no-any-return]


def load_events(text: JsonText) -> list[ev.Event]:
    return EVENTS.validate_json(text)


# ------------------------------------------------------------------------------ records that hang on a ruleset


class _Body:
    """The JSON form of a dataclass that holds the ruleset (a state, a view): every field but `rules`."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.model = create_model(f"{cls.__name__}Body", __config__=STRICT, **_fields_of(cls, skip=("rules",)))
        self.names = tuple(self.model.model_fields)

    def dump(self, record: Any) -> dict[str, Any]:
        body = self.model.model_construct(**{n: getattr(record, n) for n in self.names})
        return body.model_dump(mode="json")

    def load(self, rules: Ruleset, text: JsonText) -> Any:
        body = self.model.model_validate_json(text)
        return self.cls(rules=rules, **{n: getattr(body, n) for n in self.names})


_STATE = _Body(GameState)
_VIEW = _Body(PlayerView)


def dump_state(state: GameState) -> dict[str, Any]:
    """A save's snapshot of `state`: everything but the ruleset (a save keeps that as its content)."""
    return _STATE.dump(state)


def load_state(rules: Ruleset, text: JsonText) -> GameState:
    """The state a snapshot holds, on `rules`, its tables in the ruleset's order whatever order the text had."""
    state: GameState = _STATE.load(rules, text)
    put_in_rules_order(state)
    return state


def dump_view(view: PlayerView) -> dict[str, Any]:
    """What one side may know, as a seat that plays from elsewhere would be sent it (less the ruleset)."""
    return _VIEW.dump(view)


def load_view(rules: Ruleset, text: JsonText) -> PlayerView:
    view: PlayerView = _VIEW.load(rules, text)
    side_in_rules_order(rules, view.me)
    return view

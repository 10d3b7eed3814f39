"""What every condition and effect op is made of: field markers, the base classes, and what ops tell others.

An op of the game's vocabulary is one frozen dataclass, in a family file of `game/engine/conditions/`
or `game/engine/effects/`, that defines it whole:

- its fields, as content files write them: the markers below (`Doc`, `Ref`, `Bounds`, `OneOf`,
  `Items`, `DATE`) give each field's meaning and bounds for modders, and `game.content` derives the
  file format, its validation and its JSON Schema from them;
- what it does in a game (`Condition.holds` and its compiled form, `Effect.apply`);
- what the static checks know of it (`never`, `window`, `needs`, `problems`, `facts`, the ids it names);
- how it reads to a player (`describe`: a translation key and its arguments; the UI words it);
- what the computer players can value in it (`Effect.stakes`, `Effect.outcomes`).

Nothing here knows any particular op: the checks, the loader, the computer players and the UI ask
every op the same questions.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import sys
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Protocol

if TYPE_CHECKING:
    from game.engine import events as ev
    from game.engine.state import GameState, SideState

# Who a condition or effect is about, seen from the side it is judged or applied for.
WHO_SELF = "self"
WHO_RIVAL = "rival"
WHO_ANYONE = "anyone"
SCOPE_GLOBAL = "global"

# ------------------------------------------------------------------------------------ field markers


@dataclass(frozen=True, slots=True)
class Doc:
    """What the field means, in a modder's words (the reference and the JSON Schema show it)."""

    text: str


@dataclass(frozen=True, slots=True)
class Ref:
    """The field names a record of this kind (`techs`, `milestones`, `events`, `sides`)."""

    kind: str


@dataclass(frozen=True, slots=True)
class Bounds:
    """The whole numbers the field may hold, both included."""

    lo: int
    hi: int


@dataclass(frozen=True, slots=True)
class OneOf:
    """The words the field may hold."""

    values: tuple[str, ...]

    def __init__(self, *values: str) -> None:
        object.__setattr__(self, "values", values)


@dataclass(frozen=True, slots=True)
class Items:
    """How many items a list field may hold."""

    lo: int = 0
    hi: int | None = None


@dataclass(frozen=True, slots=True)
class DateMark:
    """A date: files write it as text (1961, 1961-Q3, 1961-10-04), the engine holds a turn ordinal."""


DATE = DateMark()


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of an op (or of a record nested in one), with its type and markers."""

    name: str
    type: Any  # the annotation without its markers
    doc: str
    ref: str | None  # the kind of record it names
    bounds: Bounds | None
    one_of: tuple[str, ...] | None
    items: Items | None
    date: bool
    default: Any  # dataclasses.MISSING when the field is required


def fields_of(cls: Any) -> tuple[FieldSpec, ...]:
    """The fields of an op or nested dataclass, with their markers (read once per class, kept on it)."""
    kept: tuple[FieldSpec, ...] | None = cls.__dict__.get("__field_specs__")
    if kept is None:
        kept = _read_fields(cls)
        setattr(cls, "__field_specs__", kept)  # noqa: B010 - a name no type knows of
    return kept


def _read_fields(cls: Any) -> tuple[FieldSpec, ...]:
    hints = typing.get_type_hints(cls, include_extras=True)
    out = []
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        marks: tuple[Any, ...] = ()
        if typing.get_origin(tp) is typing.Annotated:
            tp, *rest = typing.get_args(tp)
            marks = tuple(rest)
        default = f.default if f.default is not dataclasses.MISSING else dataclasses.MISSING
        out.append(
            FieldSpec(
                name=f.name,
                type=tp,
                doc=next((m.text for m in marks if isinstance(m, Doc)), ""),
                ref=next((m.kind for m in marks if isinstance(m, Ref)), None),
                bounds=next((m for m in marks if isinstance(m, Bounds)), None),
                one_of=next((m.values for m in marks if isinstance(m, OneOf)), None),
                items=next((m for m in marks if isinstance(m, Items)), None),
                date=any(isinstance(m, DateMark) for m in marks),
                default=default,
            )
        )
    return tuple(out)


# ------------------------------------------------------------------------------------ what ops tell


@dataclass(frozen=True, slots=True)
class Name:
    """A phrase argument: the display name of a record (`kind` as in `Ref`)."""

    kind: str
    id: str


@dataclass(frozen=True, slots=True)
class Turn:
    """A phrase argument: a turn ordinal, shown as a date (1961-Q3)."""

    ordinal: int


@dataclass(frozen=True, slots=True)
class Phrase:
    """How something reads to a player: a translation key of the UI and the values it is formatted with.

    A `str` argument is shown as it is (a signed amount, say "+5"), an `int` as a number (and picks a
    singular form when it is 1), a `Name` as the record's name, a `Turn` as a date, a nested `Phrase`
    (or a tuple of them) as its own text.
    """

    key: str
    args: tuple[tuple[str, PhraseArg], ...] = ()


PhraseArg = int | str | Name | Turn | Phrase | tuple[Phrase, ...]


def signed(amount: int) -> str:
    return f"{amount:+d}"


class Needs(NamedTuple):
    """What a condition asks of the side it is judged for, looking through `all` (see `Condition.needs`)."""

    techs: tuple[str, ...] = ()  # its own techs to have finished
    milestones: tuple[str, ...] = ()  # its own milestones to have reached
    firsts: tuple[tuple[str, str], ...] = ()  # (milestone, who was first: self / rival / anyone) of `first_to`s
    gated: bool = False  # it also asks for something neither research nor this side's flights can bring


class Quantity(StrEnum):
    """The quantities of the game an effect can change, as the computer players value them."""

    BUDGET = "budget"  # the yearly budget, for good
    CASH = "cash"
    PRESTIGE = "prestige"
    RESEARCH = "research"  # points into a tech: research if unfinished, reliability if finished
    RELIABILITY = "reliability"  # of a finished tech (nothing if unfinished)
    RESEARCH_RATE = "research_rate"
    MORALE = "morale"
    CREW_INJURED = "crew_injured"
    CREW_LOST = "crew_lost"


class Stake(NamedTuple):
    """One change an effect makes to a quantity, for whom (self / rival), and of which tech."""

    quantity: Quantity
    amount: int
    target: str = WHO_SELF
    tech: str | None = None


ERROR = "error"
WARNING = "warning"


class Problem(NamedTuple):
    """A static check's finding about one op: `field` is a field of the op (the loader adds where it is)."""

    severity: str  # ERROR or WARNING
    field: str
    message: str
    hint: str = ""
    code: str = ""


class Established(Protocol):
    """What the effects of some content can do (`Op.facts`), as `Condition.lasting` asks it."""

    def established(self, fact: str, value: str) -> bool:
        """Whether some effect of the content establishes it (see `Effect.facts`)."""


@dataclass(frozen=True, slots=True)
class Facts:
    """What the effects of some content establish (`Op.facts`): fact -> its values. The engine's own answer to
    `Established`, worked out once per ruleset (`game.engine.index`)."""

    table: dict[str, frozenset[str]]

    def established(self, fact: str, value: str) -> bool:
        return value in self.table.get(fact, ())


def facts_of(records: Iterable[object]) -> Facts:
    """What every op inside `records` (rule records, ops, tuples of them) establishes."""
    table: dict[str, set[str]] = {}
    for record in records:
        for _path, op in walk(record):
            for fact, value in op.facts():
                table.setdefault(fact, set()).add(value)
    return Facts({fact: frozenset(values) for fact, values in table.items()})


class World(Established, Protocol):
    """What the static checks know of the content being validated (`game.content` provides it)."""

    @property
    def dates(self) -> tuple[int, int] | None:
        """The scenario's first and last turn, if its settings give them."""

    @property
    def turns_per_year(self) -> int: ...

    def date_label(self, ordinal: int) -> str: ...

    def written(self, op: Op, field: str) -> str:
        """The field as the file wrote it (a date as its text), "" if it was left out."""

    def known(self, kind: str, rid: str) -> bool:
        """Whether a record of that kind and id exists (even one with problems of its own)."""

    def reachable(self, kind: str, rid: str) -> bool:
        """Whether some game could reach it (a tech researched, a milestone reached, an event fired)."""

    @property
    def side(self) -> str | None:
        """The side the question is asked for, when the checks go side by side (None: any side)."""

    def reachable_by(self, kind: str, rid: str, who: str) -> bool:
        """Whether `who` (self, rival or anyone, as a condition's `who`) could reach it: for `self`, the side
        asked for (`side`), when there is one; otherwise as `reachable`."""

    def suggest(self, fact: str, value: str) -> str:
        """A "did you mean" hint among the values established for `fact` ("" if none is close)."""


# ------------------------------------------------------------------------------------ the base classes


class Op:
    """What conditions and effects share: a name in the files, fields that may name records, nested ops."""

    __slots__ = ()
    op: ClassVar[str]  # the op's name in content files, e.g. "has_tech"

    def refs(self) -> Iterator[tuple[str, str, str]]:
        """(field, kind, id) of every record this op names itself (not those of ops nested in it)."""
        for spec in fields_of(type(self)):
            if spec.ref is not None:
                value = getattr(self, spec.name)
                if isinstance(value, str):
                    yield spec.name, spec.ref, value

    def problems(self, world: World) -> Iterator[Problem]:
        """What is wrong with this op in this content, beyond unknown ids and what can never hold."""
        return iter(())

    def facts(self) -> Iterator[tuple[str, str]]:
        """What it establishes for the static checks, e.g. ("flag", name): that a flag can be set."""
        return iter(())

    def describe(self) -> Phrase | None:
        """How it reads to a player; None for what a player is not told (a flag being set)."""
        return None


Predicate = Callable[["GameState", str], bool]


class Condition(Op):
    """A yes/no question about the game, judged for one side ("self"); `rival` means any other side."""

    __slots__ = ()

    def holds(self, state: GameState, side: str) -> bool:
        raise NotImplementedError(type(self).__name__)

    def compiled(self) -> Predicate:
        """`holds` as a function of (state, side) with the fields read once: for the engine's hot loops."""
        return self.holds

    def window(self) -> tuple[int | None, int | None]:
        """(first, last) turn on which it can hold, None for no bound."""
        return None, None

    def needs(self) -> Needs:
        """What it asks of the side's own techs and milestones; anything else makes it `gated`."""
        return Needs(gated=True)

    def never(self, world: World) -> str:
        """Why it can never hold in any game of this content ("" if it might)."""
        return ""

    def lasting(self, known: Established) -> bool:
        """Whether, once true, it stays true for the rest of any game of this content (`known`: what its effects
        can do). Progress is never undone and dates only move on (a tech finished, a milestone reached, a date
        passed: lasting); a flag an effect may clear, money, prestige, a count that can fall are not. An op that
        does not say is not lasting: a caller then only ever reads it as "not yet", never as "for good"."""
        return False

    def for_good(self, known: Established, value: bool) -> Predicate | None:
        """A predicate of (state, side) that is true only when this condition is `value` now and will stay so for
        the rest of the game (None: this can never be told). A lasting condition that holds is true for good;
        `not`, `all` and `any` combine their parts' answers (so `not X` is false for good once a lasting X holds:
        what closes a mission for good, `availability.closed_missions`)."""
        return self.compiled() if value and self.lasting(known) else None

    def ended_by(self) -> tuple[tuple[str, str, int], ...]:
        """What the side can do to make it false, as (value, tech, reach): the tech's `reliability` raised to
        `reach`, or `reach` steps `flights` flown that tested it; for a bound from above on one of those numbers
        (`compare ... lt/le`), and for `all` any part's. Empty for anything else."""
        return ()

    def describe(self) -> Phrase:
        raise NotImplementedError(type(self).__name__)


class Effect(Op):
    """A change to the game, applied for one side; `target: rival` applies it to every other side."""

    __slots__ = ()

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        """Change `state` (which `apply` has already cloned) and report what happened in `out`."""
        raise NotImplementedError(type(self).__name__)

    def stakes(self) -> tuple[Stake, ...]:
        """What it changes, in the game's quantities (nothing for what only the story keeps)."""
        return ()

    def outcomes(self) -> tuple[tuple[int, tuple[Effect, ...]], ...]:
        """(weight, effects) of each way it can turn out, if it is decided by the dice; () otherwise."""
        return ()


def walk(node: object, path: str = "") -> Iterator[tuple[str, Op]]:
    """Every op inside `node` (a rule record, an op, a tuple or a dict of them, a whole ruleset), with its field
    path (`when.of[0]`, `techs[capsule].available`)."""
    if isinstance(node, Op):
        yield path, node
    if isinstance(node, tuple):
        for i, x in enumerate(node):
            yield from walk(x, f"{path}[{i}]")
    elif isinstance(node, dict):
        for key, x in node.items():
            yield from walk(x, f"{path}[{key}]")
    elif dataclasses.is_dataclass(node):
        for name in _op_fields(type(node)):
            yield from walk(getattr(node, name), f"{path}.{name}" if path else name)


def _op_fields(cls: Any) -> tuple[str, ...]:
    """The fields of a dataclass that may hold ops, however deep (found once per class, kept on it)."""
    kept: tuple[str, ...] | None = cls.__dict__.get("__op_fields__")
    if kept is None:
        kept = tuple(f.name for f in dataclasses.fields(cls) if _may_hold_op(_field_type(cls, f), {cls}))
        setattr(cls, "__op_fields__", kept)  # noqa: B010 - a name no type knows of
    return kept


# An annotation that names nothing but these holds no op: it is not evaluated (evaluating the annotations of
# every record class, as `typing.get_type_hints` would, was most of the cost of a ruleset's first walk).
_BUILTIN_NAMES = frozenset(
    {"None", "bool", "int", "float", "str", "bytes", "object", "tuple", "list", "dict", "set", "frozenset"}
)
_NAME = re.compile(r"[A-Za-z_]\w*")


def _field_type(cls: Any, f: dataclasses.Field[Any]) -> Any:
    """The type of a dataclass field, its annotation evaluated where it was written (as `typing.get_type_hints`
    does); None for an annotation of builtin types only."""
    tp = f.type
    if not isinstance(tp, str):
        return tp
    if _BUILTIN_NAMES.issuperset(_NAME.findall(tp)):
        return None
    owner = next(b for b in cls.__mro__ if f.name in inspect.get_annotations(b))
    return eval(tp, vars(sys.modules[owner.__module__]), dict(vars(owner)))


def _may_hold_op(tp: Any, seen: set[Any]) -> bool:
    if isinstance(tp, type):
        if issubclass(tp, Op):
            return True
        if dataclasses.is_dataclass(tp) and tp not in seen:
            seen.add(tp)
            return any(_may_hold_op(_field_type(tp, f), seen) for f in dataclasses.fields(tp))
        return False
    return any(_may_hold_op(a, seen) for a in typing.get_args(tp))


# ------------------------------------------------------------------------------------ shared by ops


def clamp(v: int, lo: int, hi: int) -> int:
    return lo if v < lo else hi if v > hi else v


def sides_for(state: GameState, side: str, who: str) -> list[SideState]:
    """The sides `who` means for `side`: itself, every other side, or (for `anyone`) all of them."""
    if who == WHO_SELF:
        return [state.sides[side]]
    if who == WHO_RIVAL:  # a side still waiting to join is no one's rival yet
        return [s for s in state.present() if s.id != side]
    return state.present()

"""The building blocks of the file format: ids, bounded numbers, texts and dates, and the base of every model.

`game.content.models` (records) and `game.content.vocab` (conditions and effects) build the file
format from these; a date stays text here (as the file wrote it) until `game.engine.calendar.date_to_ordinal`
makes it a turn.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, Strict, WithJsonSchema, model_validator

from game.engine.calendar import DATE_RE

_ID_RE = r"^[a-z][a-z0-9_]*$"
_LANG_RE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
MAX_TEXT = 4000

Id = Annotated[str, Field(pattern=_ID_RE, min_length=1, max_length=64)]
Int = Annotated[int, Strict()]
Money = Annotated[int, Strict(), Field(ge=-100_000, le=100_000)]
Percent = Annotated[int, Strict(), Field(ge=0, le=100)]
Reliability = Annotated[int, Strict(), Field(ge=0, le=100)]


def _check_text(value: object) -> str | dict[str, str]:
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise ValueError(f"is longer than {MAX_TEXT} characters")
        return value
    if isinstance(value, dict) and value:
        for lang, text in value.items():
            if not isinstance(lang, str) or not _LANG_RE.match(lang):
                raise ValueError(f"{lang!r} is not a language code like en or vi")
            if not isinstance(text, str):
                raise ValueError(f"the {lang} text should be text, not {type(text).__name__}")
            if len(text) > MAX_TEXT:
                raise ValueError(f"the {lang} text is longer than {MAX_TEXT} characters")
        return dict(value)
    raise ValueError("should be a translation key (like tech.icbm.name) or texts by language ({en: ..., vi: ...})")


Text = Annotated[
    str | dict[str, str],
    PlainValidator(_check_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "maxLength": MAX_TEXT},
                {
                    "type": "object",
                    "propertyNames": {"pattern": _LANG_RE.pattern},
                    "additionalProperties": {"type": "string", "maxLength": MAX_TEXT},
                    "minProperties": 1,
                },
            ],
            "description": "a translation key, or the text itself by language: {en: ..., vi: ...}",
        }
    ),
]

_DATE_RE = DATE_RE

DateText = Annotated[
    str,
    Field(pattern=_DATE_RE.pattern),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": _DATE_RE.pattern},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "a year (1957), a turn of a year (1957-Q4, 1957-H2, 1957-T3) or a day (1957-10-04)",
        }
    ),
]


def date_text(v: object) -> object:
    if isinstance(v, _dt.date):
        return v.isoformat()[:10]
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return v


def day_of_year(text: str) -> int:
    """Order within a turn for a dated day (month * 31 + day); 0 for a year or a turn of a year."""
    m = _DATE_RE.match(text)
    return int(m.group(4)) * 31 + int(m.group(5)) if m and m.group(4) else 0


def field(description: str, **kw: Any) -> Any:
    return Field(description=description, **kw)


NAME_DOC = "display name: a translation key or {en: ..., vi: ...}; left out, the key <kind>.<id>.name is used"
DESC_DOC = "longer text for the encyclopedia, like `name`; left out, the key <kind>.<id>.desc"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_DATE_FIELDS = frozenset({"start", "end", "date", "available"})


class Dated(Record):
    """A record with date fields, which YAML may have read as dates or numbers."""

    @model_validator(mode="before")
    @classmethod
    def _dates(cls, data: object) -> object:
        if isinstance(data, dict):
            out = {k: (date_text(v) if k in _DATE_FIELDS else v) for k, v in data.items()}
            reached = out.get("start_milestones")
            if isinstance(reached, dict):
                out["start_milestones"] = {k: date_text(v) for k, v in reached.items()}
            return out
        return data


def text_key(text: str | dict[str, str] | None) -> str:
    """A text field as the engine keeps it: a translation key (which `own_texts` has made every text by now)."""
    return text if isinstance(text, str) else ""

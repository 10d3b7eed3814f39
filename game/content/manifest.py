"""The manifest of a package (manifest.yaml): what a scenario or mod folder is, what it needs and which
languages it speaks. Read before any of the package's content (see game.content.packages)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from game.content.fields import Id, Record, Text
from game.content.fields import field as _f


class Manifest(Record):
    """manifest.yaml: what a scenario or mod folder is and what it needs."""

    id: Id = _f("unique id of the package, used with --scenario / --mod")
    kind: Literal["scenario", "mod"] = _f(
        "a scenario is played on its own; a mod is laid over a scenario", default="scenario"
    )
    name: Text | None = _f("display name; left out, the key scenario.<id>.name or mod.<id>.name", default=None)
    description: Text | None = _f("what it is about, for the new-game screen", default=None)
    version: Annotated[str, Field(pattern=r"^\d+(\.\d+){0,2}$")] = _f(
        "your version number, e.g. 1.0.0", default="1.0.0"
    )
    author: Annotated[str, Field(max_length=200)] = _f("who made it", default="")
    requires: list[Id] = _f("packages that must be loaded with it (and before it)", default_factory=list)
    conflicts: list[Id] = _f("packages it cannot be loaded with", default_factory=list)
    load_after: list[Id] = _f("packages that, if loaded, load before it", default_factory=list)
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]] = _f(
        "languages it has texts for, in strings/<lang>.yaml", default_factory=lambda: ["en"]
    )

"""Every screen by its name: each screen class registers itself here, and the app and the other screens open it by name.

So the app imports no screen module (importing the `game.ui.screens` package registers them all) and a screen
imports another only to subclass it or to share a helper, never to open it: the imports of `game/ui` form no circle.
"""

from __future__ import annotations

from typing import Any, TypeVar

from game.ui.screens.base import Screen

S = TypeVar("S", bound=type[Screen])

_SCREENS: dict[str, type[Screen]] = {}


def register(cls: S) -> S:
    """Class decorator: `cls` is opened by its `name` from now on. Two classes may not share a name."""
    known = _SCREENS.get(cls.name)
    if known is not None and known is not cls:
        raise ValueError(f"two screens are named {cls.name!r}: {known.__qualname__} and {cls.__qualname__}")
    _SCREENS[cls.name] = cls
    return cls


def screen_class(name: str) -> type[Screen]:
    """The screen class registered under `name` (a KeyError naming the known screens if there is none)."""
    try:
        return _SCREENS[name]
    except KeyError:
        raise KeyError(f"no screen named {name!r}; known: {', '.join(sorted(_SCREENS))}") from None


def new_screen(name: str, app: Any, *args: Any, **kwargs: Any) -> Screen:
    """A new screen of the kind registered under `name`, built with the app and the screen's own arguments."""
    return screen_class(name)(app, *args, **kwargs)


def names() -> list[str]:
    """Every registered screen name, sorted."""
    return sorted(_SCREENS)

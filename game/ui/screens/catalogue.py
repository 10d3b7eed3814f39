"""The installed packages as the menus show them: a scenario loaded once per set of mods, a package's name and description."""

from __future__ import annotations

from typing import Any


def load_scenario(app: Any, ref: str, mods: list[str]) -> tuple[Any, str]:
    """(Scenario, '') or (None, the first problem as one line)."""
    from game.content.findings import ContentError
    from game.content.load import load_scenario as load

    key = (ref, tuple(mods))
    cache = app.__dict__.setdefault("scenario_cache", {})
    if key in cache:
        return cache[key], ""
    try:
        sc = load(ref, mods)
    except ContentError as e:
        errors = [f.format() for f in e.findings if f.severity == "error"] or [str(e)]
        return None, errors[0] + (f" (+{len(errors) - 1})" if len(errors) > 1 else "")
    except Exception as e:
        return None, f"{ref}: {e}"
    cache[key] = sc
    return sc, ""


def package_text(pkg: Any, what: str, lang: str) -> str:
    """A package's display name (`what`="name") or description ("desc") in `lang`.

    The manifest may give a plain text or a map of languages; left out, the package's own strings
    hold it under scenario.<id>.name / mod.<id>.name (and .desc). The id is the last resort for a name.
    """
    value = getattr(pkg.manifest, "name" if what == "name" else "description", None)
    if isinstance(value, dict) and value:
        return str(value.get(lang) or value.get("en") or next(iter(value.values())))
    if isinstance(value, str) and value:
        return value
    key = f"{'mod' if pkg.is_mod else 'scenario'}.{pkg.id}.{what}"
    return pkg.text(key, lang) or (pkg.id if what == "name" else "")


def installed(app: Any) -> dict[str, Any]:
    from game.content.packages import discover

    try:
        packages, _ = discover()
    except Exception:
        packages = {}
    return packages

"""The translation checks of content: English texts are needed to play, a promised language should be
complete, and a package without a language falls back to English (one warning per package and language)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.findings import ERROR, INFO, WARNING, Finding
from game.content.models import KINDS

if TYPE_CHECKING:
    from game.content.semantic import Checker

MAX_MISSING_TEXTS = 50  # per language, before the rest are counted in one line


def check_translations(c: Checker) -> None:
    """English names are needed to play (errors); a language the record's package promises in its
    manifest should be complete (a warning per text); a package without a language falls back to
    English (one warning per package and language)."""
    strings = c.content.strings
    languages = c.content.languages or ["en"]
    keys: list[tuple[str, str, str, str]] = []
    for kind in KINDS:
        records = c.content.records.get(kind, [])
        fields = type(records[0]).model_fields if records else {}
        texts = [f for f in ("name", "description", "title", "text") if f in fields and (kind, f) != ("crews", "name")]
        for d in records:
            for f in texts:
                key = getattr(d, f)
                if isinstance(key, str):
                    keys.append((kind, d.id, f, key))
            for i, st in enumerate(d.steps if "steps" in fields else ()):
                keys.append((kind, d.id, f"steps[{i}].name", st.name))
            for i, ch in enumerate(d.choices if "choices" in fields else ()):
                keys.append((kind, d.id, f"choices[{i}].text", ch.text))
    seen: set[tuple[str, str]] = set()
    for lang in languages:
        table = strings.get(lang, {})
        shown: dict[str, int] = {}
        unpromised: dict[str, list[str]] = {}  # layer -> its keys with no text in a language it does not promise
        for kind, rid, f, key in keys:
            if key in table or key + ".other" in table or (lang, key) in seen:
                continue
            seen.add((lang, key))
            promised = c.where.languages(kind, rid) or languages
            if lang != "en" and lang not in promised:
                unpromised.setdefault(c.where.layer(kind, rid) or "(scenario)", []).append(key)
                continue
            severity = INFO if key.endswith(".desc") else ERROR if lang == "en" else WARNING
            shown[severity] = shown.get(severity, 0) + 1
            if shown[severity] > MAX_MISSING_TEXTS:
                continue
            c.add(
                severity,
                kind,
                rid,
                f,
                f"no {lang} text for {key!r}",
                f"add it to strings/{lang}.yaml",
                "text/missing",
            )
        for severity, count in shown.items():
            if count > MAX_MISSING_TEXTS:
                message = f"…and {count - MAX_MISSING_TEXTS} more texts missing in {lang}"
                c.findings.append(Finding(severity, "(scenario)", 0, "strings", lang, message, "", "text/missing"))
        for layer, missing in unpromised.items():  # one line per package and language: it falls back whole
            message = (
                f"{len(missing)} text(s) of {layer} have no {lang} version (e.g. {missing[0]!r}): shown in English"
            )
            hint = f"add strings/{lang}.yaml to {layer} and {lang} to its manifest's languages"
            c.findings.append(
                Finding(WARNING, c.where.manifest(layer), 0, "languages", lang, message, hint, "text/fallback")
            )

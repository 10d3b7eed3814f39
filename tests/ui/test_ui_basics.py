"""The front end's foundations: pygame-ce, settings kept between runs, translations, silent audio, side colours."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest


def test_pygame_is_the_community_edition() -> None:
    assert getattr(pygame, "IS_CE", False), "plain pygame is installed: pygame_gui needs pygame-ce"


def test_settings_are_remembered_between_runs(tmp_path: Path) -> None:
    from game.ui.settings import Settings, config_path

    assert config_path() == tmp_path / "config" / "settings.json"
    s = Settings.load()
    s.language, s.volume, s.muted, s.scale = "vi", 30, True, 125
    s.save()
    again = Settings.load()
    assert (again.language, again.volume, again.muted, again.scale) == ("vi", 30, True, 125)


def test_damaged_settings_file_gives_defaults(tmp_path: Path) -> None:
    from game.ui.settings import Settings, config_path

    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"language": 5, "volume": "loud", "size": [10, 10], "scale": 77}))
    s = Settings.load()
    assert s.language == "en" and s.volume == 70 and s.size == (1280, 720) and s.scale == 100


def test_every_english_ui_string_has_a_vietnamese_translation() -> None:
    from game.ui.i18n import table

    en, vi = table("en"), table("vi")
    missing = sorted(set(en) - set(vi))
    assert not missing, f"vi.yaml lacks {missing[:10]}"
    for k, text in en.items():
        # the same {placeholders} in both, so formatting never fails
        import re

        assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", vi[k])), k


def test_every_key_the_screens_ask_for_exists() -> None:
    import re

    from game.ui.i18n import table

    en = table("en")
    root = Path(__file__).resolve().parents[2] / "game" / "ui"
    missing = []
    for py in root.rglob("*.py"):
        for key in re.findall(r"tr\(\s*\"([a-z_.]+)\"", py.read_text(encoding="utf-8")):
            if not key.endswith((".", "_")) and key not in en and key + ".other" not in en:  # or a plural
                missing.append((py.name, key))
    assert not missing, missing


def test_translator_falls_back_to_english_then_the_key() -> None:
    from game.ui.i18n import Translator

    tr = Translator("xx")  # a language with no table
    assert tr("menu.quit") == "Quit"
    assert tr("no.such.key") == "no.such.key"
    assert tr("top.per_year", n=5) == "5/yr"


def test_audio_without_a_device_is_silent_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.ui import audio

    def broken(*a: object, **k: object) -> None:
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", broken)
    a = audio.Audio()
    assert not a.ok
    a.play("beep")
    a.play("launch")
    a.quit()


def test_sounds_are_synthesized() -> None:
    from game.ui import music

    for make in music.EFFECTS.values():
        data = make()
        assert len(data) > 1000 and abs(data).max() <= 1.0


def test_close_side_colours_are_replaced_by_a_safe_palette() -> None:
    from game.ui import draw

    red, green = (200, 40, 40), (40, 160, 40)  # hard to tell apart with red-green colour blindness
    assert draw.too_close(red, green)
    out = draw.side_colours([red, green])
    assert out != [red, green] and not draw.too_close(out[0], out[1], 40)
    far = [(230, 159, 0), (0, 114, 178)]
    assert draw.side_colours(far) == far


def test_bundled_font_renders_vietnamese_and_cyrillic() -> None:
    pygame.font.init()
    from game.ui import draw

    f = draw.font(20)
    for ch in "ẩệộưđЖЯ":
        metrics = f.metrics(ch)
        assert metrics and metrics[0] is not None, ch


def test_licences_name_every_asset() -> None:
    assets = Path(__file__).resolve().parents[2] / "assets"
    text = (assets / "LICENSES.md").read_text(encoding="utf-8")
    for p in assets.rglob("*"):
        if p.is_file() and p.name != "LICENSES.md":
            assert p.relative_to(assets).as_posix() in text, p

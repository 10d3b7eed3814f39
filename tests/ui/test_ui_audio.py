"""Music and sound: a deterministic render of pieces a minute long or more, two volumes kept in the settings,
the screen's piece started once rendered, silence (and no rendering) under the dummy driver."""

from __future__ import annotations

import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from game.ui import music


def _seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, music.RATE)
        return w.getnframes() / w.getframerate()


def test_the_audio_script_writes_the_same_bytes_twice_and_every_piece_lasts_a_minute(tmp_path: Path) -> None:
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "tools" / "make_audio.py"
    spec = importlib.util.spec_from_file_location("make_audio", script)
    assert spec and spec.loader
    make_audio = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_audio)
    assert make_audio.main([str(tmp_path / "a")]) == 0
    assert make_audio.main([str(tmp_path / "b")]) == 0
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(music.file_name(n) for n in [*music.MUSIC, *music.EFFECTS])
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    for piece in ("title", "planning", "launch"):
        assert _seconds(tmp_path / "a" / music.file_name(piece)) >= 60, piece
    for effect in ("liftoff", "staging", "success", "failure", "news"):
        assert 0.3 < _seconds(tmp_path / "a" / music.file_name(effect)) < 6, effect


def test_the_audio_script_says_one_line_when_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "tools" / "make_audio.py"
    spec = importlib.util.spec_from_file_location("make_audio", script)
    assert spec and spec.loader
    make_audio = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_audio)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert make_audio.main([str(blocker), "--only", "beep"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(blocker) in err


def test_every_effect_is_loud_enough_to_hear_and_never_clips() -> None:
    for name, make in music.EFFECTS.items():
        x = make()
        assert 0.2 < float(np.max(np.abs(x))) <= 1.0, name
        assert float(np.sqrt(np.mean(x**2))) > 0.01, name


def test_a_piece_is_music_not_noise_its_loudness_moves_with_the_beat() -> None:
    """The loudness of a march swings with its beats: a tenth-of-a-second envelope varies a great deal."""
    x = music.title()
    hop = music.RATE // 10
    env = np.sqrt(np.mean(x[: len(x) // hop * hop].reshape(-1, hop) ** 2, axis=1))
    assert env.std() / env.mean() > 0.15


def test_both_volumes_are_kept_between_runs() -> None:
    from game.ui.settings import Settings

    s = Settings.load()
    s.volume, s.music_volume = 40, 20
    s.save()
    again = Settings.load()
    assert (again.volume, again.music_volume) == (40, 20)


def test_an_odd_music_volume_in_the_file_is_brought_into_range(tmp_path: Path) -> None:
    import json

    from game.ui.settings import Settings, config_path

    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"music_volume": 400}))
    assert Settings.load().music_volume == 100


def test_the_settings_screen_changes_the_music_volume_and_keeps_it(app: Any) -> None:
    from ui_kit import buttons, click, pump

    from game.ui.screens.settings import SettingsScreen
    from game.ui.settings import Settings

    app.push(SettingsScreen(app))
    pump(app)
    before = app.settings.music_volume
    quieter = [b for b in buttons(app) if b.text == "–"]
    assert len(quieter) == 2  # effects, then music
    click(app, quieter[1])
    assert app.settings.music_volume == before - 10
    assert app.audio.music_volume == before - 10
    assert Settings.load().music_volume == before - 10


def test_under_the_dummy_driver_no_music_is_rendered(app: Any) -> None:
    from ui_kit import pump

    pump(app, 3)
    assert app.audio.piece == "title"  # the title screen asks for its piece...
    assert app.audio.thread is None and app.audio.playing is None  # ...and nothing is made where nobody hears it


def test_the_shown_screens_piece_plays_once_rendered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pygame

    from game.ui import audio

    monkeypatch.setenv("SPACERACE_HOME", str(tmp_path))
    (tmp_path / "0123456789").mkdir()  # what an older version of the scores rendered
    (tmp_path / "0123456789" / "title.wav").write_bytes(b"old")
    monkeypatch.setattr(audio, "music_folders", lambda: [tmp_path / "none", tmp_path / "abcdef0123"])
    short = {"title": lambda: music.beep(), "planning": lambda: music.news()}
    monkeypatch.setattr(music, "MUSIC", short)
    a = audio.Audio(render=True)
    if not a.ok:
        pytest.skip("no mixer, even a dummy one")
    try:
        a.want("title")
        assert a.thread is not None
        a.thread.join(10)
        a.poll()
        assert a.playing == "title"
        assert sorted(p.name for p in (tmp_path / "abcdef0123").iterdir()) == ["planning.wav", "title.wav"]
        assert not (tmp_path / "0123456789").exists()  # the old version's music is gone
        a.want("planning")
        assert a.playing == "planning"
        a.set(70, True)  # muted: the music stops too
        assert a.playing is None
        a.set(70, False, music_volume=0)
        assert a.playing is None
        a.set(70, False, music_volume=30)
        assert a.playing == "planning"
        assert pygame.mixer.music.get_volume() == pytest.approx(0.3, abs=0.01)
    finally:
        a.quit()


def test_without_a_mixer_every_sound_call_is_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    import pygame

    from game.ui import audio

    def no_device(*_a: Any, **_k: Any) -> None:
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    a = audio.Audio(render=None)
    assert not a.ok and not a.render
    a.play("liftoff")
    a.want("title")
    a.poll()
    a.set(50, False, 50)
    a.quit()
    assert a.thread is None and a.playing is None and not a.sounds

"""The game's sound: effects made in memory, music streamed from WAV files rendered once in the background.

The music (`game.ui.music`) is rendered at the first start into the user cache folder by a background thread,
not shipped: three pieces of a minute and a half as WAV would add ~13 MB to the repository at every retune,
and SDL_mixer cannot write a compressed format. Rendering takes a few seconds of one core, once; the window
never waits for it (start-up stays under a second), and a piece starts as soon as its file is there. A
packager may render them ahead of time into `assets/audio/` (`python tools/make_audio.py`), which wins.

Every method is silent and harmless when the mixer cannot start; with SDL's dummy driver (the tests) no
music is rendered at all.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from pathlib import Path

import numpy as np
import pygame

from game import paths
from game.ui import music, synth

RATE = music.RATE


def music_version() -> str:
    """A short digest of the synthesis code: a retuned piece is rendered again instead of the stale file played."""
    import hashlib

    code = b"".join(Path(module.__file__).read_bytes() for module in (synth, music))
    return hashlib.sha256(code).hexdigest()[:10]


def music_folders() -> list[Path]:
    """Where rendered pieces are looked for, in order: the shipped assets (if a packager rendered them), the cache."""
    return [paths.assets_dir() / "audio", paths.cache_dir() / "audio" / music_version()]


def _forget_old_versions(current: Path) -> None:
    """Remove the music an earlier version of the game rendered (a folder per version of the scores)."""
    with contextlib.suppress(OSError):
        for other in current.parent.iterdir():
            if (
                other != current
                and other.is_dir()
                and len(other.name) == 10
                and all(c in "0123456789abcdef" for c in other.name)
            ):
                shutil.rmtree(other, ignore_errors=True)


class Audio:
    """Plays effects and the music of the screen shown; two volumes (effects, music) and a mute for both."""

    def __init__(
        self, volume: int = 70, muted: bool = False, music_volume: int = 60, render: bool | None = None
    ) -> None:
        self.volume = volume
        self.music_volume = music_volume
        self.muted = muted
        self.ok = False
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.piece: str | None = None  # the piece the shown screen asks for
        self.playing: str | None = None  # the piece actually streaming
        self.thread: threading.Thread | None = None
        try:
            pygame.mixer.init(RATE, -16, 1, 1024)
            self.ok = pygame.mixer.get_init() is not None
        except Exception:
            self.ok = False
        driver = ""
        if self.ok:
            with contextlib.suppress(Exception):
                driver = pygame.mixer.get_driver()
        # no music where nobody can hear it: rendering it would only cost the tests their CPU
        self.render = self.ok and driver != "dummy" if render is None else render
        self.samples: dict[str, np.ndarray] = {}  # effects made ahead, off the main thread
        if self.render:
            threading.Thread(target=self._make_effects, name="effects", daemon=True).start()

    def _make_effects(self) -> None:
        """Synthesize every effect once, in the background: the first liftoff must not stall a frame."""
        for name, make in music.EFFECTS.items():
            self.samples.setdefault(name, make())

    # -- effects ---------------------------------------------------------------------------------

    def _sound(self, name: str) -> pygame.mixer.Sound | None:
        if not self.ok or name not in music.EFFECTS:
            return None
        if name not in self.sounds:
            try:
                freq, _fmt, channels = pygame.mixer.get_init()
                data = self.samples.get(name)
                if data is None:
                    data = music.EFFECTS[name]()
                if freq != RATE:
                    idx = (np.arange(int(len(data) * freq / RATE)) * RATE / freq).astype(int)
                    data = data[idx]
                pcm = (np.clip(data, -1, 1) * 32767 * 0.8).astype(np.int16)
                if channels > 1:
                    pcm = np.repeat(pcm[:, None], channels, axis=1)
                self.sounds[name] = pygame.sndarray.make_sound(np.ascontiguousarray(pcm))
            except Exception:
                self.ok = False
                return None
        return self.sounds[name]

    def play(self, name: str) -> None:
        if self.muted or self.volume <= 0:
            return
        snd = self._sound(name)
        if snd is not None:
            try:
                snd.set_volume(self.volume / 100)
                snd.play()
            except Exception:
                pass

    # -- music -----------------------------------------------------------------------------------

    def music_file(self, name: str) -> Path | None:
        for folder in music_folders():
            path = folder / music.file_name(name)
            if path.is_file():
                return path
        return None

    def want(self, piece: str | None) -> None:
        """The shown screen's piece (None: silence). Cheap when nothing changed: the loop calls it every frame."""
        if piece == self.piece:
            return
        self.piece = piece
        self._start()

    def _start(self) -> None:
        if not self.render or not self.ok:
            return
        if self.piece is None or self.muted or self.music_volume <= 0:
            self._stop()
            return
        if self.piece == self.playing:
            return
        path = self.music_file(self.piece)
        if path is None:
            self._render_missing()
            return
        try:
            if self.playing is not None:
                pygame.mixer.music.fadeout(600)
            pygame.mixer.music.load(str(path))
            pygame.mixer.music.set_volume(self.music_volume / 100)
            pygame.mixer.music.play(loops=-1, fade_ms=1200)
            self.playing = self.piece
        except Exception:
            self.playing = None  # an unreadable file: silence rather than a crash

    def _stop(self) -> None:
        if self.playing is not None:
            with contextlib.suppress(Exception):
                pygame.mixer.music.fadeout(800)
            self.playing = None

    def _render_missing(self) -> None:
        if self.thread is not None:
            return  # once a run: a cache that cannot be written is not tried again at every screen
        folder = music_folders()[-1]
        # the piece wanted now first, then the others, so the title plays as soon as possible
        order = [self.piece] if self.piece else []
        order += [n for n in music.MUSIC if n not in order]
        missing = [n for n in order if n is not None and self.music_file(n) is None]

        def work() -> None:
            _forget_old_versions(folder)
            for name in missing:
                try:
                    music.write(folder, name, music.MUSIC[name]())
                except OSError:
                    return  # a read-only cache: the game plays on without music

        self.thread = threading.Thread(target=work, name="music-render", daemon=True)
        self.thread.start()

    def poll(self) -> None:
        """Start the wanted piece once its file has been rendered (the loop calls this at least twice a second)."""
        waiting = self.render and self.piece is not None and self.playing != self.piece
        if waiting and not self.muted and self.music_volume > 0 and self.music_file(self.piece) is not None:
            self._start()

    # -- volumes ---------------------------------------------------------------------------------

    def set(self, volume: int, muted: bool, music_volume: int | None = None) -> None:
        self.volume, self.muted = volume, muted
        if music_volume is not None:
            self.music_volume = music_volume
        if not self.ok:
            return
        if muted:
            with contextlib.suppress(Exception):  # a mixer gone away is silent already
                pygame.mixer.stop()
        if muted or self.music_volume <= 0:
            self._stop()
        else:
            with contextlib.suppress(Exception):
                pygame.mixer.music.set_volume(self.music_volume / 100)
            self._start()

    def quit(self) -> None:
        if self.ok:
            with contextlib.suppress(Exception):
                pygame.mixer.music.stop()
            with contextlib.suppress(Exception):
                pygame.mixer.quit()

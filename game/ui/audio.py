"""Sounds synthesized with numpy (Sputnik's beep, a launch rumble, the news teletype); silent when there is no audio device."""

from __future__ import annotations

import contextlib

import numpy as np
import pygame

RATE = 22050


def _tone(freq: float, secs: float, vol: float = 0.5) -> np.ndarray:
    t = np.arange(int(RATE * secs)) / RATE
    wave = np.sign(np.sin(2 * np.pi * freq * t)) * 0.35 + np.sin(2 * np.pi * freq * t) * 0.65
    env = np.minimum(1.0, np.minimum(t / 0.005, (secs - t) / 0.01))
    return wave * env * vol


def beep_beep() -> np.ndarray:
    """Sputnik's signal: short beeps and pauses of the same length, twice."""
    gap = np.zeros(int(RATE * 0.3))
    return np.concatenate([_tone(960, 0.3), gap, _tone(840, 0.3), gap, _tone(960, 0.3), gap, _tone(840, 0.3)])


def rumble() -> np.ndarray:
    rng = np.random.default_rng(1957)  # a fixed noise so the sound is the same every run
    n = int(RATE * 1.6)
    noise = rng.standard_normal(n)
    # a crude low-pass: running mean of noise
    kernel = np.ones(40) / 40
    low = np.convolve(noise, kernel, mode="same") * 3
    t = np.arange(n) / RATE
    env = np.minimum(t / 0.3, 1.0) * np.exp(-np.maximum(0, t - 0.6) * 2.5)
    return np.clip(low * env, -1, 1) * 0.6


def teletype() -> np.ndarray:
    rng = np.random.default_rng(1955)
    out = np.zeros(int(RATE * 0.7))
    for start in np.cumsum(rng.integers(700, 2200, 14)):
        if start + 300 >= len(out):
            break
        out[start : start + 300] += rng.standard_normal(300) * np.exp(-np.arange(300) / 60) * 0.5
    return np.clip(out, -1, 1)


SOUNDS = {"beep": beep_beep, "launch": rumble, "news": teletype}


class Audio:
    """Plays the game's few sounds; every method does nothing if the mixer could not start."""

    def __init__(self, volume: int = 70, muted: bool = False) -> None:
        self.volume = volume
        self.muted = muted
        self.ok = False
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        try:
            pygame.mixer.init(RATE, -16, 1, 512)
            self.ok = pygame.mixer.get_init() is not None
        except Exception:
            self.ok = False

    def _sound(self, name: str) -> pygame.mixer.Sound | None:
        if not self.ok:
            return None
        if name not in self.sounds:
            try:
                freq, _fmt, channels = pygame.mixer.get_init()
                data = SOUNDS[name]()
                if freq != RATE:
                    idx = (np.arange(int(len(data) * freq / RATE)) * RATE / freq).astype(int)
                    data = data[idx]
                pcm = (data * 32767 * 0.8).astype(np.int16)
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

    def set(self, volume: int, muted: bool) -> None:
        self.volume, self.muted = volume, muted
        if muted and self.ok:
            with contextlib.suppress(Exception):  # a mixer gone away is silent already
                pygame.mixer.stop()

    def quit(self) -> None:
        if self.ok:
            with contextlib.suppress(Exception):
                pygame.mixer.quit()

"""The instruments and notes of the game's music, synthesized with numpy (numpy only, no pygame): wave
tables read at a note's pitch under an envelope, drums from shaped noise, note and chord names to pitches.
The pieces and effects that play them are in game.ui.music."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

RATE = 22050
TABLE = 2048  # samples in one cycle of an instrument's wave table

Wave = np.ndarray


# -- instruments -----------------------------------------------------------------------------------
# Each instrument is a wave table read at the note's pitch (cheap: one lookup a sample) under an envelope.


def _table(harmonics: list[float]) -> Wave:
    x = np.arange(TABLE) / TABLE * 2 * np.pi
    out = sum(a * np.sin((k + 1) * x) for k, a in enumerate(harmonics))
    return np.asarray(out / np.max(np.abs(out)))


_BRASS = _table([1 / (k + 1) ** 0.9 for k in range(14)])
_MELLOW = _table([1.0, 0.45, 0.2, 0.08, 0.03])
_ORGAN = _table([1.0, 0.7, 0.0, 0.45, 0.0, 0.25, 0.0, 0.3])
_SAW = _table([1 / (k + 1) for k in range(18)])
_SINE = _table([1.0])


def _phase(freq: float, n: int, vibrato: float = 0.0, rate: float = 5.5, delay: float = 0.25) -> Wave:
    t = np.arange(n) / RATE
    depth = vibrato * np.clip((t - delay) / 0.3, 0.0, 1.0)
    inst = freq * (1 + depth * np.sin(2 * np.pi * rate * t))
    return np.cumsum(inst) / RATE


def _read(table: Wave, phase: Wave) -> Wave:
    return np.asarray(table[(phase * TABLE).astype(np.int64) % TABLE])


def _adsr(n: int, attack: float, decay: float, sustain: float, release: float, hold: int) -> Wave:
    """An envelope of `n` samples: attack, decay to `sustain` while the note is held (`hold` samples), release."""
    i = np.arange(n)
    a = max(1, int(attack * RATE))
    d = max(1, int(decay * RATE))
    r = max(1, int(release * RATE))
    env = np.where(i < a, i / a, sustain + (1 - sustain) * np.exp(-(i - a) / d))
    held_level = env[min(hold, n - 1)]
    return np.where(i < hold, env, held_level * np.exp(-(i - hold) / r))


def brass(freq: float, secs: float) -> Wave:
    hold = int(secs * RATE)
    n = hold + int(0.25 * RATE)
    ph = _phase(freq, n, vibrato=0.006, rate=5.0, delay=0.35)
    bright = np.clip(np.arange(n) / (0.06 * RATE), 0, 1) * (0.55 + 0.45 * np.exp(-np.arange(n) / (0.4 * RATE)))
    wave_ = _read(_BRASS, ph) * bright + _read(_MELLOW, ph) * (1 - bright)
    return wave_ * _adsr(n, 0.035, 0.3, 0.8, 0.07, hold)


def theremin(freq: float, secs: float) -> Wave:
    hold = int(secs * RATE)
    n = hold + int(0.3 * RATE)
    ph = _phase(freq, n, vibrato=0.014, rate=6.2, delay=0.12)
    return (_read(_SINE, ph) * 0.85 + _read(_MELLOW, ph) * 0.15) * _adsr(n, 0.09, 0.5, 0.9, 0.12, hold)


def organ(freq: float, secs: float) -> Wave:
    hold = int(secs * RATE)
    n = hold + int(0.12 * RATE)
    t = np.arange(n) / RATE
    tremolo = 1 + 0.12 * np.sin(2 * np.pi * 6.7 * t)  # the rotating speaker
    return _read(_ORGAN, _phase(freq, n)) * tremolo * _adsr(n, 0.02, 0.2, 0.9, 0.05, hold)


def vibes(freq: float, secs: float) -> Wave:
    n = int(max(secs, 0.5) * RATE) + int(1.2 * RATE)
    t = np.arange(n) / RATE
    ph = _phase(freq, n)
    body = _read(_SINE, ph) + 0.25 * _read(_SINE, ph * 4) * np.exp(-t / 0.08)
    tremolo = 1 + 0.25 * np.sin(2 * np.pi * 5.0 * t)  # the motor-driven vanes of the fifties' vibraphone
    return body * tremolo * np.exp(-t / 0.7) * np.clip(t / 0.003, 0, 1)


def bass(freq: float, secs: float) -> Wave:
    hold = int(secs * RATE)
    n = hold + int(0.08 * RATE)
    t = np.arange(n) / RATE
    ph = _phase(freq, n)
    pluck = _read(_SINE, ph) + 0.35 * _read(_SINE, ph * 2) * np.exp(-t / 0.15)
    return pluck * np.exp(-t / 0.9) * _adsr(n, 0.006, 1.0, 1.0, 0.04, hold)


def strings(freq: float, secs: float) -> Wave:
    hold = int(secs * RATE)
    n = hold + int(0.5 * RATE)
    voices = sum(
        _read(_SAW, _phase(freq * d, n, vibrato=0.004, rate=5.3 + k)) for k, d in enumerate((0.996, 1.0, 1.004))
    )
    soft = _lowpass(np.asarray(voices) / 3, 5)
    return soft * _adsr(n, 0.35, 0.5, 0.85, 0.3, hold)


def bell(freq: float, secs: float) -> Wave:
    n = int(1.6 * RATE)
    t = np.arange(n) / RATE
    ph = _phase(freq, n)
    partials = (
        _read(_SINE, ph)
        + 0.5 * _read(_SINE, ph * 2.76) * np.exp(-t / 0.3)
        + 0.3 * _read(_SINE, ph * 5.4) * np.exp(-t / 0.1)
    )
    return partials * np.exp(-t / 0.5) * np.clip(t / 0.002, 0, 1)


INSTRUMENTS: dict[str, Callable[[float, float], Wave]] = {
    "brass": brass,
    "theremin": theremin,
    "organ": organ,
    "vibes": vibes,
    "bass": bass,
    "strings": strings,
    "bell": bell,
}


def _lowpass(x: Wave, width: int) -> Wave:
    """A running mean: the cheapest low-pass filter, good enough to take the fizz off noise and saws."""
    if width <= 1:
        return x
    return np.convolve(x, np.ones(width) / width, mode="same")


# -- drums -----------------------------------------------------------------------------------------


def _noise(seed: int, n: int) -> Wave:
    return np.random.default_rng(seed).standard_normal(n)


def snare(vel: float = 1.0, seed: int = 0) -> Wave:
    n = int(0.22 * RATE)
    t = np.arange(n) / RATE
    rattle = (_noise(1000 + seed, n) - _lowpass(_noise(1000 + seed, n), 6)) * np.exp(-t / 0.06)
    head = np.sin(2 * np.pi * 185 * t) * np.exp(-t / 0.03)
    return (rattle * 0.55 + head * 0.5) * vel


def kick(vel: float = 1.0) -> Wave:
    n = int(0.35 * RATE)
    t = np.arange(n) / RATE
    f = 50 + 60 * np.exp(-t / 0.04)
    return np.sin(2 * np.pi * np.cumsum(f) / RATE) * np.exp(-t / 0.12) * vel


def timpani(freq: float, vel: float = 1.0) -> Wave:
    n = int(1.4 * RATE)
    t = np.arange(n) / RATE
    f = freq * (1 + 0.04 * np.exp(-t / 0.05))
    ph = np.cumsum(f) / RATE
    tone = np.sin(2 * np.pi * ph) + 0.4 * np.sin(2 * np.pi * ph * 1.5) * np.exp(-t / 0.3)
    thud = _lowpass(_noise(77, n), 20) * np.exp(-t / 0.02) * 2
    return (tone * np.exp(-t / 0.55) + thud) * vel * 0.8


def hat(vel: float = 1.0, seed: int = 0) -> Wave:
    n = int(0.08 * RATE)
    t = np.arange(n) / RATE
    x = _noise(2000 + seed, n)
    return (x - _lowpass(x, 3)) * np.exp(-t / 0.018) * vel * 0.5


def cymbal(vel: float = 1.0) -> Wave:
    n = int(2.2 * RATE)
    t = np.arange(n) / RATE
    x = _noise(3000, n)
    return (x - _lowpass(x, 4)) * np.exp(-t / 0.7) * vel * 0.45


# -- scores ----------------------------------------------------------------------------------------

_NAMES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_CHORDS = {
    "": (0, 4, 7),
    "m": (0, 3, 7),
    "7": (0, 4, 7, 10),
    "m7": (0, 3, 7, 10),
    "maj7": (0, 4, 7, 11),
    "dim": (0, 3, 6),
    "sus4": (0, 5, 7),
    "6": (0, 4, 7, 9),
}


def midi(name: str) -> int:
    """'C4' is 60, 'Bb3' 58, 'F#5' 78."""
    pitch = _NAMES[name[0]]
    rest = name[1:]
    while rest and rest[0] in "#b":
        pitch += 1 if rest[0] == "#" else -1
        rest = rest[1:]
    return pitch + 12 * (int(rest) + 1)


def hz(note: int) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)


def chord(name: str, octave: int = 3) -> list[int]:
    """The notes of a chord symbol ('Dm', 'A7', 'Bbmaj7') from its root in `octave`."""
    root = name[0] + ("b" if name[1:2] == "b" else "#" if name[1:2] == "#" else "")
    quality = name[len(root) :]
    base = midi(f"{root}{octave}")
    return [base + k for k in _CHORDS[quality]]


def tune(text: str) -> list[tuple[int | None, float]]:
    """A melody written as 'D5:1.5 A4:.5 r:1 …' (note or r for a rest, then its length in beats)."""
    out: list[tuple[int | None, float]] = []
    for token in text.split():
        name, beats = token.split(":")
        out.append((None if name == "r" else midi(name), float(beats)))
    return out

"""The game's music and sound effects, synthesized with numpy from scores written here (numpy only, no pygame).

Everything is deterministic: the same code gives the same samples, so `render` writes the same bytes every
time. Music is rendered once into WAV files (see `tools/make_audio.py` and `game.ui.audio`), effects are
made in memory when first played. The sound is that of the late fifties and sixties: brass fanfares and
snare marches of the newsreels, a theremin, a motor-driven vibraphone and an organ of the space-age lounge.
"""

from __future__ import annotations

import io
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np

from game.ui.synth import (
    INSTRUMENTS,
    RATE,
    Wave,
    _lowpass,
    _noise,
    bell,
    chord,
    cymbal,
    hat,
    hz,
    kick,
    midi,
    snare,
    timpani,
    tune,
)


class Score:
    """Notes and drum hits placed in beats at a tempo, mixed into one track with a touch of room echo."""

    def __init__(self, bpm: float, beats_per_bar: int = 4) -> None:
        self.beat = 60.0 / bpm
        self.bar = beats_per_bar
        self.parts: list[tuple[float, Wave, float]] = []  # (start in seconds, samples, gain)

    def hit(self, beat: float, samples: Wave, gain: float = 1.0) -> None:
        self.parts.append((beat * self.beat, samples, gain))

    def note(self, beat: float, note: int, beats: float, instrument: str, gain: float = 1.0) -> None:
        self.hit(beat, INSTRUMENTS[instrument](hz(note), beats * self.beat * 0.95), gain)

    def melody(
        self, beat: float, notes: list[tuple[int | None, float]], instrument: str, gain: float = 1.0, shift: int = 0
    ) -> float:
        for n, length in notes:
            if n is not None:
                self.note(beat, n + shift, length, instrument, gain)
            beat += length
        return beat

    def render(self, seconds: float, echo: float = 0.18) -> Wave:
        out = np.zeros(int(seconds * RATE) + 1)
        for start, samples, gain in self.parts:
            i = round(start * RATE)
            if i >= len(out):
                continue
            part = samples[: len(out) - i]
            out[i : i + len(part)] += part * gain
        out = _room(out, echo)
        fade = int(0.02 * RATE)  # no click where the loop joins
        out[:fade] *= np.linspace(0, 1, fade)
        out[-fade:] *= np.linspace(1, 0, fade)
        peak = float(np.max(np.abs(out))) or 1.0
        return out / peak * 0.89


def _room(x: Wave, amount: float) -> Wave:
    """A small hall: the signal convolved (by FFT) with a second of decaying noise."""
    if amount <= 0:
        return x
    n = int(1.1 * RATE)
    t = np.arange(n) / RATE
    ir = _lowpass(_noise(4242, n), 4) * np.exp(-t / 0.28) * np.clip((t - 0.015) / 0.01, 0, 1)
    ir = ir / np.sqrt(np.sum(ir**2))
    size = 1 << int(np.ceil(np.log2(len(x) + n)))
    wet = np.fft.irfft(np.fft.rfft(x, size) * np.fft.rfft(ir, size), size)[: len(x)]
    return x + wet * amount * 3


# -- the pieces ------------------------------------------------------------------------------------


def _march_bar(s: Score, bar: int, name: str, loud: float = 1.0) -> None:
    """A newsreel march: bass on one and three, brass chords on the off-beats, a snare with its rolls."""
    b = bar * s.bar
    root = chord(name, 2)
    s.note(b, root[0], 1, "bass", 0.55 * loud)
    s.note(b + 2, root[2] - 12 if root[2] - 12 >= root[0] else root[2], 1, "bass", 0.5 * loud)
    for k in (1, 3):
        for n in chord(name, 4)[:3]:
            s.note(b + k, n, 0.45, "brass", 0.07 * loud)
    for k, v in ((0, 0.5), (1, 0.8), (1.75, 0.35), (2, 0.5), (3, 0.8), (3.5, 0.35), (3.75, 0.45)):
        s.hit(b + k, snare(v, seed=bar * 8 + int(k * 4)), 0.32 * loud)
    s.hit(b, kick(), 0.45 * loud)


def title() -> Wave:
    """'Red Star, Blue Sky': a newsreel march in D minor, a theremin's trio in F, the march again and a coda."""
    s = Score(bpm=104)
    intro = ["Dm", "Dm", "A", "A7"]
    a = ["Dm", "Dm", "Gm", "Gm", "Bb", "A7", "Dm", "A7"]
    b = ["F", "F", "C", "C", "Bb", "Gm", "A", "A7"]
    coda = ["Dm", "Bb", "A7", "Dm"]
    tune_intro = tune("A4:.5 A4:.5 D5:1 F5:1 A5:1 A5:4 E5:.5 E5:.5 A5:1 G5:1 E5:1 C#5:4")
    tune_a = tune(
        "D5:1.5 A4:.5 D5:.5 E5:.5 F5:1 E5:1 D5:1 A4:2 G4:1.5 Bb4:.5 D5:1 G5:1 F5:.5 E5:.5 D5:1 Bb4:2 "
        "F5:1.5 F5:.5 G5:.5 F5:.5 D5:1 E5:1 C#5:1 A4:1 E5:1 F5:1.5 E5:.5 D5:1 A4:1 C#5:1 E5:1 A5:2"
    )
    tune_b = tune("A5:3 G5:.5 F5:.5 A5:2 C6:2 G5:3 F5:.5 E5:.5 C5:4 D5:2 F5:1 Bb5:1 A5:2 G5:2 E5:2 C#5:1 E5:1 A5:4")
    tune_coda = tune("D5:2 F5:1 A5:1 Bb5:2 F5:2 A5:2 E5:1 C#5:1 D5:4")
    bar = 0
    for k, name in enumerate(intro):  # timpani and a fanfare, the drums waiting
        s.hit(bar * 4, timpani(hz(chord(name, 2)[0])), 0.7)
        s.hit(bar * 4 + 2, timpani(hz(chord(name, 2)[0])), 0.5 + 0.1 * k)
        s.note(bar * 4, chord(name, 3)[0], 4, "strings", 0.18)
        bar += 1
    s.melody(0, tune_intro, "brass", 0.3)
    s.hit(bar * 4, cymbal(), 0.5)
    for section, melody, voice, gain in (
        (a, tune_a, "brass", 0.3),
        (b, tune_b, "theremin", 0.3),
        (a, tune_a, "brass", 0.34),
        (b, tune_b, "brass", 0.28),
    ):
        start = bar
        for name in section:
            _march_bar(s, bar, name, 0.75 if voice == "theremin" else 1.0)
            if voice == "theremin":
                for n in chord(name, 3):
                    s.note(bar * 4, n, 4, "strings", 0.06)
            bar += 1
        s.melody(start * 4, melody, voice, gain)
        if voice == "theremin":
            s.melody(start * 4, melody, "vibes", 0.08, shift=-12)
    start = bar
    for name in coda:
        _march_bar(s, bar, name)
        bar += 1
    s.melody(start * 4, tune_coda, "brass", 0.34)
    s.melody(start * 4, tune_coda, "brass", 0.16, shift=-12)
    for n in chord("Dm", 3):
        s.note(bar * 4, n, 3, "brass", 0.12)
    s.hit(bar * 4, timpani(hz(midi("D2"))), 0.9)
    s.hit(bar * 4, cymbal(), 0.6)
    return s.render((bar + 1) * 4 * s.beat + 1.0)


def planning() -> Wave:
    """'Mission Control': space-age lounge in C, vibraphone over a walking bass, brushes and an organ bed."""
    s = Score(bpm=96)
    a = ["Cmaj7", "Am7", "Dm7", "G7", "Em7", "A7", "Dm7", "G7"]
    b = ["Fmaj7", "Fm7", "Em7", "A7", "Dm7", "G7", "Cmaj7", "Cmaj7"]
    form = a + b + a + b + a + ["Fmaj7", "G7", "Cmaj7", "Cmaj7"]
    rng = np.random.default_rng(1962)  # the melody is improvised once, the same every render
    for bar, name in enumerate(form):
        b0 = bar * 4
        tones = chord(name, 2)
        nxt = chord(form[(bar + 1) % len(form)], 2)[0]
        walk = [tones[0], tones[1], tones[2], nxt + (1 if rng.random() < 0.5 else -1)]
        for k, n in enumerate(walk):
            s.note(b0 + k, n, 0.9, "bass", 0.5)
        for n in chord(name, 3)[1:]:
            s.note(b0, n, 4, "organ", 0.045)
        for k in range(4):
            s.hit(b0 + k, hat(0.5 if k % 2 == 0 else 0.8, seed=bar * 4 + k), 0.25)
            s.hit(b0 + k + 0.66, hat(0.35, seed=bar * 4 + k + 100), 0.2)
        section = (bar // 8) % 2
        if bar >= len(form) - 4 or section == 0:
            # an answer: an arpeggio of the chord, climbing then falling, with a rest to breathe
            up = chord(name, 4)
            pattern = (
                [up[0], up[1], up[2], up[-1], up[2], up[1]] if bar % 2 == 0 else [up[-1], up[2], up[1], up[0] + 12]
            )
            step = 4 / (len(pattern) + 2)
            for k, n in enumerate(pattern):
                s.note(b0 + k * step, n, step, "vibes", 0.2)
        else:
            tones5 = chord(name, 5)
            t = 0.0
            while t < 4:
                length = float(rng.choice([0.5, 1.0, 1.5, 2.0], p=[0.3, 0.35, 0.2, 0.15]))
                if rng.random() < 0.8:
                    s.note(b0 + t, int(rng.choice(tones5[:3])) - 12, min(length, 4 - t), "theremin", 0.14)
                t += length
    bar = len(form)
    for n in chord("Cmaj7", 4):
        s.note(bar * 4, n, 2, "vibes", 0.15)
    s.note(bar * 4, midi("C2"), 2, "bass", 0.5)
    return s.render((bar + 1) * 4 * s.beat)


def triumph() -> Wave:
    """'Go for Launch': a countdown over low strings and timpani, then a fanfare in B-flat with cymbals."""
    s = Score(bpm=120)
    tension = ["Gm", "Gm", "Eb", "Eb", "Cm", "Cm", "D", "D7"]
    fanfare = ["Bb", "Bb", "Eb", "Bb", "Gm", "Cm", "F", "F7", "Bb", "Bb", "Eb", "Eb", "Bb", "F7", "Bb", "Bb"]
    bridge = ["Eb", "Cm", "F", "Bb", "Gm", "Cm", "F", "F7"]
    tune_f = tune(
        "F4:.5 F4:.5 Bb4:1 D5:1 F5:1 F5:3 D5:1 Eb5:1.5 D5:.5 C5:1 Bb4:1 D5:2 F5:2 "
        "G5:1.5 F5:.5 D5:1 Bb4:1 G5:1 Eb5:1 C5:2 A4:1 C5:1 F5:2 Eb5:1 C5:1 A4:2 "
        "F4:.5 F4:.5 Bb4:1 D5:1 F5:1 Bb5:3 G5:1 G5:1.5 F5:.5 Eb5:1 G5:1 Bb5:4 "
        "F5:1.5 D5:.5 Bb4:1 D5:1 C5:2 Eb5:1 A4:1 Bb4:2 F5:2 Bb5:4"
    )
    tune_bridge = tune("G5:2 Bb5:2 G5:2 Eb5:2 F5:3 D5:1 F5:4 D5:2 Eb5:1 G5:1 Bb5:2 G5:2 A5:2 F5:1 Eb5:1 C5:4")
    bar = 0
    for k, name in enumerate(tension):  # pulses quicken, a theremin climbs
        root = chord(name, 2)[0]
        s.note(bar * 4, root, 4, "strings", 0.22)
        s.note(bar * 4, chord(name, 3)[1], 4, "strings", 0.12)
        hits = (0, 2) if k < 4 else (0, 1, 2, 3) if k < 7 else (0, 0.5, 1, 1.5, 2, 2.5, 3, 3.25, 3.5, 3.75)
        for h in hits:
            s.hit(bar * 4 + h, timpani(hz(root + 12 if root < midi("D2") else root)), 0.35 + 0.05 * k)
        s.note(bar * 4, chord(name, 4)[k % 3] + 12, 3.8, "theremin", 0.1 + 0.02 * k)
        bar += 1
    s.hit(bar * 4, cymbal(), 0.7)
    for section, melody, gain in ((fanfare, tune_f, 0.34), (bridge, tune_bridge, 0.28), (fanfare, tune_f, 0.38)):
        start = bar
        for name in section:
            b0 = bar * 4
            root = chord(name, 2)[0]
            s.note(b0, root, 2, "bass", 0.55)
            s.note(b0 + 2, root + 7, 2, "bass", 0.45)
            for n in chord(name, 3)[:3]:
                s.note(b0, n + 12, 3.8, "strings", 0.07)
            s.hit(b0, kick(), 0.45)
            s.hit(b0 + 2, kick(0.7), 0.4)
            for k in (1, 3):
                s.hit(b0 + k, snare(0.8, seed=bar * 4 + k), 0.3)
            if section is bridge:
                for k in range(4):
                    s.hit(b0 + k + 0.5, hat(0.6, seed=bar * 8 + k), 0.25)
            bar += 1
        s.melody(start * 4, melody, "brass", gain)
        s.melody(start * 4, melody, "brass", gain * 0.45, shift=-12)
        s.hit(bar * 4, cymbal(), 0.55)
    for n in [*chord("Bb", 3), midi("Bb4"), midi("D5"), midi("F5")]:
        s.note(bar * 4, n, 4, "brass", 0.11)
    s.hit(bar * 4, timpani(hz(midi("Bb1"))), 0.9)
    s.hit(bar * 4 + 0.25, timpani(hz(midi("F2"))), 0.7)
    return s.render((bar + 1) * 4 * s.beat + 1.5)


# -- effects ---------------------------------------------------------------------------------------


def _tone(freq: float, secs: float, vol: float = 0.5) -> Wave:
    t = np.arange(int(RATE * secs)) / RATE
    wave_ = np.sign(np.sin(2 * np.pi * freq * t)) * 0.35 + np.sin(2 * np.pi * freq * t) * 0.65
    env = np.minimum(1.0, np.minimum(t / 0.005, (secs - t) / 0.01))
    return wave_ * env * vol


def beep() -> Wave:
    """Sputnik's signal: short beeps and pauses of the same length, twice."""
    gap = np.zeros(int(RATE * 0.3))
    return np.concatenate([_tone(960, 0.3), gap, _tone(840, 0.3), gap, _tone(960, 0.3), gap, _tone(840, 0.3)])


def liftoff() -> Wave:
    """Ignition crackle, then the roar of the engines swelling and the stack climbing away."""
    n = int(RATE * 3.6)
    t = np.arange(n) / RATE
    roar = _lowpass(_noise(1957, n), 30) * 4 + _lowpass(_noise(1958, n), 6) * 0.5
    crackle = (_noise(1959, n) > 2.6) * _noise(1960, n) * 0.8 * np.exp(-t / 0.8)
    swell = np.clip(t / 0.9, 0, 1) * np.exp(-np.maximum(0, t - 2.0) * 1.6)
    low = np.sin(2 * np.pi * 38 * t + 3 * np.sin(2 * np.pi * 1.3 * t)) * 0.5
    return np.clip((roar + low) * swell + crackle, -1.5, 1.5) * 0.55


def staging() -> Wave:
    """A pyrotechnic bang, the thud of a stage falling away and the hiss of the next engine lighting."""
    n = int(RATE * 1.4)
    t = np.arange(n) / RATE
    bang = _noise(61, n) * np.exp(-t / 0.02)
    thud = np.sin(2 * np.pi * np.cumsum(45 + 80 * np.exp(-t / 0.06)) / RATE) * np.exp(-t / 0.25)
    x = _noise(62, n)
    hiss = (x - _lowpass(x, 5)) * np.clip((t - 0.25) / 0.2, 0, 1) * np.exp(-np.maximum(0, t - 0.5) * 3) * 0.5
    return np.clip(bang * 0.6 + thud * 0.8 + hiss, -1, 1) * 0.8


def success() -> Wave:
    """A short brass fanfare rising to a held major chord."""
    s = Score(bpm=132)
    s.melody(0, tune("Bb4:.5 Bb4:.5 D5:.5 F5:1.5 D5:.5 F5:2"), "brass", 0.5)
    for n in (midi("Bb3"), midi("D4"), midi("F4")):
        s.note(3.5, n, 2, "brass", 0.2)
    s.hit(3.5, timpani(hz(midi("Bb1"))), 0.6)
    return s.render(4.2, echo=0.12)


def failure() -> Wave:
    """A low boom and a falling minor phrase in the brass."""
    s = Score(bpm=84)
    s.hit(0, kick(), 0.9)
    s.hit(0, cymbal(0.6), 0.4)
    s.melody(0.5, tune("A4:.75 F4:.75 D4:.75 C#4:2"), "brass", 0.4)
    s.melody(0.5, tune("D3:2.25 A2:2"), "strings", 0.3)
    return s.render(4.0, echo=0.15)


def news() -> Wave:
    """A news-flash bell, then the teletype hammering out the story."""
    rng = np.random.default_rng(1955)
    out = np.zeros(int(RATE * 1.3))
    ding = bell(hz(midi("E6")), 0.5)[: int(RATE * 0.6)] * 0.5
    out[: len(ding)] += ding
    pos = int(RATE * 0.45)
    for start in np.cumsum(rng.integers(700, 2000, 18)) + pos:
        if start + 300 >= len(out):
            break
        out[start : start + 300] += rng.standard_normal(300) * np.exp(-np.arange(300) / 60) * 0.5
    return np.clip(out, -1, 1)


MUSIC: dict[str, Callable[[], Wave]] = {"title": title, "planning": planning, "launch": triumph}
EFFECTS: dict[str, Callable[[], Wave]] = {
    "beep": beep,
    "liftoff": liftoff,
    "staging": staging,
    "success": success,
    "failure": failure,
    "news": news,
}


# -- files -----------------------------------------------------------------------------------------


def wav_bytes(samples: Wave) -> bytes:
    """16-bit mono WAV at RATE: what SDL_mixer streams and what the standard library can write."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())
    return buf.getvalue()


def file_name(name: str) -> str:
    return f"{name}.wav"


def write(folder: Path, name: str, samples: Wave) -> Path:
    """Write one sound atomically: a half-written file is never taken for a finished one."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(name)
    tmp = path.with_suffix(".part")
    tmp.write_bytes(wav_bytes(samples))
    tmp.replace(path)
    return path


def render(folder: Path, names: list[str] | None = None) -> list[Path]:
    """Render the named pieces and effects (all of them by default) into `folder`."""
    table = MUSIC | EFFECTS
    return [write(folder, n, table[n]()) for n in (names or list(table))]

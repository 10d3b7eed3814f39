"""Render the game's music and effects into WAV files (deterministic: the same bytes on every run).

The game renders its music itself at the first start (see game/ui/audio.py); this script is for listening
while composing and for packagers who prefer to ship the files: `python tools/make_audio.py` writes them into
assets/audio/, where the game looks first.

    python tools/make_audio.py [FOLDER] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.resources import shipped
from game.ui import music


def main(argv: list[str] | None = None) -> int:
    names = [*music.MUSIC, *music.EFFECTS]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=shipped("assets") / "audio", help="where to write")
    parser.add_argument("--only", nargs="+", choices=names, metavar="NAME", help=f"some of: {', '.join(names)}")
    args = parser.parse_args(argv)
    try:
        written = music.render(args.folder, args.only)
    except OSError as e:
        print(f"make_audio: cannot write into {args.folder}: {e.strerror or e}", file=sys.stderr)
        return 1
    for path in written:
        print(f"{path}  {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

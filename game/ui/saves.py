"""Saving and loading from the window: game.io's envelope when it is installed, else a plain JSON log of actions.

Either way a save is the scenario, mods, who controls each side, the seed and the action log;
loading replays the log, so the UI's reports and charts are rebuilt along with the state.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.ui.session import Session, replay

FORMAT = "spacerace-ui-save"
AUTOSAVE = "autosave.json"


class SaveError(Exception):
    """A save that cannot be read or written; the message is one line for the player."""


@dataclass(frozen=True)
class SaveInfo:
    path: Path
    name: str
    scenario: str
    sides: str  # the human side(s)
    date: str
    turn: int
    saved_at: float
    over: bool = False


def _meta(session: Session) -> dict[str, Any]:
    return {
        "scenario_name": session.scenario.text(session.rules.name, "en"),
        "sides": session.humans(),
        "date": session.rules.date_label(session.turn),
        "turn": session.turn - session.rules.settings.start + 1,
        "saved_at": time.time(),
    }


def _io() -> Any:
    """game.io, the saves package, if it is installed; the plain format below is the fallback."""
    try:
        import game.io as io

        return io
    except ImportError:
        return None


def save(session: Session, path: Path) -> None:
    io = _io()
    if io is not None and session.record is not None:
        try:
            io.save_game(path, session.record)
        except io.SaveError as e:
            raise SaveError(str(e)) from None
        return
    path = Path(path)
    data = {"format": FORMAT, "version": 1, **session.plain_record(), "meta": _meta(session)}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as f:
            json.dump(data, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        raise SaveError(f"cannot write {path}: {e.strerror or e}") from None


def autosave(session: Session, folder: Path) -> Path:
    io = _io()
    if io is not None and session.record is not None:
        try:
            return Path(io.autosave(session.record, Path(folder)))
        except io.SaveError as e:
            raise SaveError(str(e)) from None
    path = Path(folder) / AUTOSAVE
    if path.exists():
        with contextlib.suppress(OSError):  # no backup is no reason to lose the new autosave
            os.replace(path, path.with_name("autosave.1.json"))
    save(session, path)
    return path


def read_info(path: Path) -> SaveInfo | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    meta = data.get("meta") or {}
    return SaveInfo(
        path=Path(path),
        name=Path(path).stem,
        scenario=str(meta.get("scenario_name", data.get("scenario", "?"))),
        sides=", ".join(str(x) for x in meta.get("sides", [])),
        date=str(meta.get("date", "?")),
        turn=int(meta.get("turn", 0) or 0),
        saved_at=float(meta.get("saved_at", 0) or Path(path).stat().st_mtime),
    )


def list_saves(folder: Path) -> list[SaveInfo]:
    """Every readable save in the folder, newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    io = _io()
    if io is not None:
        from datetime import datetime

        out = []
        for i in io.list_saves(folder).saves:
            try:
                when = datetime.fromisoformat(i.saved_at).timestamp()
            except (ValueError, TypeError):
                when = i.path.stat().st_mtime if i.path.exists() else 0.0
            out.append(SaveInfo(i.path, i.name, i.scenario, ", ".join(i.sides), i.date, i.turn, when, bool(i.over)))
        legacy = [read_info(p) for p in folder.glob("*.json")]
        out += [x for x in legacy if x is not None]
        return sorted(out, key=lambda x: x.saved_at, reverse=True)
    found = [read_info(p) for p in folder.glob("*.json")]
    return sorted((i for i in found if i is not None), key=lambda i: i.saved_at, reverse=True)


def load(path: Path) -> tuple[Session, list[str]]:
    """Rebuild the session a save describes; raises SaveError with one line on any problem."""
    from game.content.findings import ContentError
    from game.content.load import load_scenario
    from game.io.codecs import read_actions

    io = _io()
    if io is not None and read_info(Path(path)) is None:
        try:
            loaded = io.load_game(path)
        except io.SaveError as e:
            raise SaveError(str(e)) from None
        rec = loaded.record
        controllers = {s: rec.setup.controller(s) for s in rec.rules.side_ids}
        # replay through the session so the reports and charts the UI keeps are rebuilt too
        session = replay(rec.scenario, rec.scenario.id, list(rec.rules.mods), controllers, rec.seed, list(rec.actions),
                         rec.setup.play_on)
        warnings = list(loaded.warnings)
        if len(session.log) != len(rec.actions):
            warnings.append(f"the log stopped replaying after {len(session.log)} of {len(rec.actions)} orders")
        return session, warnings
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise SaveError(f"cannot read {path}: {e.strerror or e}") from None
    except ValueError:
        raise SaveError(f"{path} is not a save (not JSON)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SaveError(f"{path} is not a Space Race save")
    if int(data.get("version", 0)) > 1:
        raise SaveError(f"{path} was written by a newer version of the game")
    warnings: list[str] = []
    try:
        scenario = load_scenario(str(data["scenario"]), list(data.get("mods", [])))
        actions = read_actions(data.get("actions", []))
        controllers = {str(k): str(v) for k, v in dict(data.get("controllers", {})).items()}
        seed = int(data.get("seed", 0))
        play_on = data.get("play_on", False) is True
    except ContentError as e:
        raise SaveError(f"the save's scenario does not load: {e}") from None
    except (KeyError, TypeError, ValueError) as e:  # pydantic's ValidationError is a ValueError
        raise SaveError(f"{path} is damaged: {e}") from None
    session = replay(scenario, str(data["scenario"]), list(data.get("mods", [])), controllers, seed, actions, play_on)
    if len(session.log) != len(actions):
        warnings.append(f"the log stopped replaying after {len(session.log)} of {len(actions)} orders")
    return session, warnings

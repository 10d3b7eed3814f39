"""The generated files stay current: JSON Schemas in schemas/ and the reference in docs/modding.md."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from content_kit import ROOT, SCENARIOS, TINY

from game.cli import main
from game.content import models as m
from game.content import reference
from game.content.schema import render, schemas

SCHEMAS = ROOT / "schemas"
GUIDE = ROOT / "docs" / "modding.md"


def test_committed_schemas_are_current() -> None:
    for name, schema in schemas().items():
        committed = (SCHEMAS / name).read_text(encoding="utf-8")
        assert committed == render(schema), f"schemas/{name} is out of date: run `spacerace schema`"


def test_the_schema_command_writes_the_same_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--out", str(tmp_path)]) == 0
    for name in schemas():
        assert (tmp_path / name).read_text(encoding="utf-8") == (SCHEMAS / name).read_text(encoding="utf-8")


def test_the_reference_in_the_guide_is_current() -> None:
    doc = GUIDE.read_text(encoding="utf-8")
    assert reference.splice(doc, reference.render()) == doc, "run `python -m game.content.reference`"
    assert reference.main(["--check", "--doc", str(GUIDE)]) == 0


def test_the_reference_check_fails_on_a_stale_guide(tmp_path: Path) -> None:
    stale = tmp_path / "modding.md"
    stale.write_text("# Guide\n\n" + reference.START + "\nold\n" + reference.END + "\n", encoding="utf-8")
    assert reference.main(["--check", "--doc", str(stale)]) == 1
    assert reference.main(["--doc", str(stale)]) == 0
    assert reference.main(["--check", "--doc", str(stale)]) == 0


def test_the_reference_names_every_kind_condition_effect_and_field() -> None:
    doc = GUIDE.read_text(encoding="utf-8")
    for kind, (model, _prefix) in m.KINDS.items():
        assert f"#### {kind}" in doc
        for field in model.model_fields:
            assert f"| `{field}` |" in doc
    for model in (*m.CONDITIONS, *m.EFFECTS):
        op = model.model_fields["op"].annotation.__args__[0]  # type: ignore[union-attr]
        assert f"#### `{op}`" in doc
        assert (model.__doc__ or "").strip() in doc


def _plain(data: Any) -> Any:
    """What an editor's YAML 1.2 reader sees: dates stay text."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    if isinstance(data, datetime.date):
        return data.isoformat()
    return data


def _schema_for(path: Path) -> str:
    if path.name == "manifest.yaml":
        return "manifest.schema.json"
    return "strings.schema.json" if path.parent.name == "strings" else "content.schema.json"


def test_every_shipped_file_passes_its_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validators = {name: jsonschema.Draft202012Validator(s) for name, s in schemas().items()}
    files = sorted([*SCENARIOS.rglob("*.yaml"), *TINY.rglob("*.yaml")])
    assert len(files) > 20
    for path in files:
        data = _plain(yaml.safe_load(path.read_text(encoding="utf-8")))
        problems = [e.message for e in validators[_schema_for(path)].iter_errors(data)]
        assert not problems, f"{path}: {problems[:3]}"


def test_the_schema_accepts_patches_and_removals_and_refuses_mistakes() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    v = jsonschema.Draft202012Validator(schemas()["content.schema.json"])
    good = {
        "techs": [
            {"id": "icbm", "$op": "patch", "cost": 5, "requires": {"$append": ["satellite"]}, "available": None},
            {"id": "satellite", "$op": "remove"},
            {"id": "drill", "line": "rocket", "cost": 3, "$op": "replace"},
        ],
        "settings": {"end": "1980-Q4"},
    }
    assert not list(v.iter_errors(good))
    for bad in (
        {"techs": [{"id": "drill", "line": "rocket", "cost": 3, "colour": 1}]},
        {"techs": [{"id": "drill", "line": "rocket"}]},
        {"events": [{"id": "e", "when": {"op": "date_betwen"}}]},
        {"tech": []},
    ):
        assert list(v.iter_errors(bad)), json.dumps(bad)

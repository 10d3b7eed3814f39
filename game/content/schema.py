"""JSON Schemas for scenario files, generated from the content models so editors can complete and check them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, create_model

from game.content import models as m


def _content_file_model() -> type[BaseModel]:
    fields: dict[str, Any] = {"settings": (m.Settings | None, None)}
    for kind, (model, _prefix) in m.KINDS.items():
        fields[kind] = (list[model] | None, None)  # type: ignore[valid-type]
    return create_model("ContentFile", __config__=m.Record.model_config, **fields)


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every kind of file a scenario folder holds."""
    content = _content_file_model().model_json_schema()
    content["title"] = "Space Race scenario content file"
    manifest = m.Manifest.model_json_schema()
    manifest["title"] = "Space Race scenario or mod manifest (manifest.yaml)"
    strings = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Space Race translation file (strings/<lang>.yaml)",
        "type": "object",
        "additionalProperties": {"anyOf": [{"type": "string"}, {"$ref": "#"}]},
    }
    return {"content.schema.json": content, "manifest.schema.json": manifest, "strings.schema.json": strings}


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written

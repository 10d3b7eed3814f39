"""JSON Schemas for scenario files, generated from the content models so editors can complete and check them.

`spacerace schema` writes them into schemas/; a test keeps the committed files current. Each
record may be written whole (optionally with `$op: replace`), as a patch (`$op: patch`: every
field optional, `null` to remove, list operations on lists) or as a removal (`$op: remove`).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, create_model

from game.content import models as m
from game.content import plurals
from game.content.formats import formats
from game.content.manifest import Manifest

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _content_file_model() -> type[BaseModel]:
    fields: dict[str, Any] = {"settings": (m.Settings | None, None)}
    for kind, (model, _prefix) in formats().kinds.items():
        fields[kind] = (list[model] | None, None)  # type: ignore[valid-type]
    return create_model("ContentFile", __config__=m.Record.model_config, **fields)


def _list_ops(items: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": "list operations of a patch, applied in this order: $remove, $patch, $append",
        "properties": {
            "$remove": {"type": "array", "description": "values, or ids of records in the list, to take out"},
            "$patch": {
                "type": "array",
                "items": {"type": "object", "required": ["id"]},
                "description": "records with an id: each patches the item with that id",
            },
            "$append": {"type": "array", "items": items, "description": "items to add at the end"},
        },
        "additionalProperties": False,
        "minProperties": 1,
    }


def _is_array(schema: dict[str, Any]) -> dict[str, Any] | None:
    if schema.get("type") == "array":
        return schema
    for alt in schema.get("anyOf", []):
        if isinstance(alt, dict) and alt.get("type") == "array":
            return alt
    return None


def _patch_def(full: dict[str, Any], name: str) -> dict[str, Any]:
    patch = copy.deepcopy(full)
    patch["title"] = f"{name} patch"
    patch["description"] = (
        f"$op: patch — changes only the fields given (null removes a field). {full.get('description', '')}".strip()
    )
    props: dict[str, Any] = {}
    for key, prop in full.get("properties", {}).items():
        if key == "id":
            props[key] = prop
            continue
        alts: list[Any] = [copy.deepcopy(prop), {"type": "null"}]
        arr = _is_array(prop)
        if arr is not None:
            alts.append(_list_ops(arr.get("items", {})))
        props[key] = {"anyOf": alts, **({"description": prop["description"]} if "description" in prop else {})}
    props["$op"] = {"const": "patch"}
    patch["properties"] = props
    patch["required"] = ["id", "$op"]
    return patch


def _record_schemas(schema: dict[str, Any]) -> None:
    """Give every kind of record its whole / patch / remove forms."""
    defs = schema["$defs"]
    for kind, (model, _prefix) in formats().kinds.items():
        name = model.__name__
        full = defs[name]
        full["properties"]["$op"] = {
            "enum": ["add", "replace"],
            "description": "add (the default) or replace a record of an earlier layer",
        }
        defs[f"{name}Patch"] = _patch_def(full, name)
        schema["properties"][kind] = {
            "anyOf": [
                {
                    "type": "array",
                    "items": {
                        "anyOf": [
                            {"$ref": f"#/$defs/{name}"},
                            {"$ref": f"#/$defs/{name}Patch"},
                            {"$ref": "#/$defs/Remove"},
                        ]
                    },
                },
                {"type": "null"},
            ],
            "description": f"{kind}: {full.get('description', '')}",
        }
    defs["Remove"] = {
        "type": "object",
        "title": "Remove",
        "description": "$op: remove — deletes the record of an earlier layer with this id",
        "properties": {"id": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}, "$op": {"const": "remove"}},
        "required": ["id", "$op"],
        "additionalProperties": False,
    }
    settings = defs["Settings"]
    settings.pop("required", None)  # a mod, or one file of several, gives only some keys


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every kind of file a scenario folder holds (with the ops in use: see
    `game.content.vocab.current`)."""
    content = _content_file_model().model_json_schema()
    _record_schemas(content)
    content["title"] = "Space Race scenario content file"
    content["description"] = "A YAML file of a scenario or mod folder: settings and lists of records by kind."
    content["$schema"] = SCHEMA_DIALECT
    manifest = Manifest.model_json_schema()
    manifest["title"] = "Space Race scenario or mod manifest (manifest.yaml)"
    manifest["$schema"] = SCHEMA_DIALECT
    strings = {
        "$schema": SCHEMA_DIALECT,
        "title": "Space Race translation file (strings/<lang>.yaml)",
        "description": "Translation keys (like tech.icbm.name) to texts; nested mappings join their keys with dots. "
        "A text that counts gives its plural forms by CLDR category: {one: '{n} flight', other: '{n} flights'}; "
        "every category the language uses is required (ru: one, few, many, other).",
        "type": "object",
        "additionalProperties": {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/plural"}, {"$ref": "#"}]},
        "$defs": {
            "plural": {
                "description": "One text's plural forms, by CLDR category; the number is the placeholder {n}",
                "type": "object",
                "properties": {c: {"type": "string"} for c in plurals.CATEGORIES},
                "required": ["other"],
                "additionalProperties": False,
            }
        },
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

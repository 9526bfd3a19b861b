"""Users' own lexicons: files that extend the shipped actors, cues, event triggers, rhetoric
and relations without editing the installed package.

    claimgraph extract notes.csv --lexicon my_lexicons/      # or CLAIMGRAPH_LEXICONS=a:b

A lexicon file is YAML named after the lexicon it extends, alone or with a qualifier:
`actors.yaml`, `actors.sahel.yaml`, `event_triggers.local.yml`, ... (a folder is read
recursively, in name order). It has the shape of the shipped file of that name (see
`claimgraph/data/`) and is merged over it: lists are extended, mappings merged. Each file is
checked against its lexicon's JSON Schema before anything runs; an error names the file and
the line ("a bare `on` is read as true: quote it"). The shipped files pass the same schemas.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, get_args

import yaml
from jsonschema import Draft202012Validator

from claimgraph.data_files import SafeLoader, read_data_yaml
from claimgraph.errors import LexiconError
from claimgraph.model import ActorKind, Relation, RhetoricKind
from claimgraph.taxonomy import SUB_EVENT_TYPE_NAMES

ENVIRONMENT = "CLAIMGRAPH_LEXICONS"
SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 10 * 1024 * 1024  # a lexicon is text someone wrote; a bigger file is a mistake
STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
ACTOR_KINDS = list(get_args(ActorKind))
# The relations a verb can state (reports(source, event) edges come from events, not verbs).
RELATIONS = [relation for relation in get_args(Relation) if relation != "reports"]


def closed(properties: dict[str, Any], required: Sequence[str] = ()) -> dict[str, Any]:
    """Return an object schema that allows only these properties."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def cue_schema() -> dict[str, Any]:
    """Return the cues schema: the shipped keys, each a list of strings."""
    shipped = read_data_yaml("cues.yaml")
    return closed({key: STRINGS for key in shipped})


SCHEMAS: dict[str, Any] = {
    "actors": lambda: closed(
        {
            "groups": {
                "type": "array",
                "items": closed(
                    {
                        "name": {"type": "string", "minLength": 1},
                        "kind": {"enum": ACTOR_KINDS},
                        "country": {"type": ["string", "null"]},
                        "parent": {"type": ["string", "null"]},
                        "aliases": STRINGS,
                        "source": {"type": "string"},
                        "earlier": {
                            "type": "array",
                            "items": closed(
                                {"until": {"type": "string"}, "kind": {"enum": ACTOR_KINDS}},
                                ["until", "kind"],
                            ),
                        },
                    },
                    ["name", "kind", "aliases"],
                ),
            },
            "state_forces": {
                "type": "array",
                "items": closed(
                    {"prefix": {"type": "string"}, "words": STRINGS, "bare": STRINGS},
                    ["prefix", "words"],
                ),
            },
            "country_aliases": {"type": "object", "additionalProperties": {"type": "string"}},
            "generic": {
                "type": "array",
                "items": closed(
                    {
                        "name": {"type": "string", "minLength": 1},
                        "kind": {"enum": ACTOR_KINDS},
                        "words": STRINGS,
                    },
                    ["name", "kind", "words"],
                ),
            },
            "member_words": STRINGS,
        }
    ),
    "cues": cue_schema,
    "event_triggers": lambda: closed(
        {
            "triggers": {
                "type": "array",
                "items": closed(
                    {
                        "sub_event_type": {"enum": list(SUB_EVENT_TYPE_NAMES)},
                        "specificity": {"type": "integer", "minimum": 0},
                        "phrases": STRINGS,
                    },
                    ["sub_event_type", "specificity", "phrases"],
                ),
            }
        }
    ),
    "rhetoric": lambda: closed({kind: STRINGS for kind in get_args(RhetoricKind)}),
    "relations": lambda: closed(
        {
            relation: closed({"verbs": STRINGS, "preps": STRINGS}, ["verbs"])
            for relation in RELATIONS
        }
    ),
}


def kind_of(path: Path) -> str | None:
    """Return the lexicon a file extends, from its name ("actors.sahel.yaml" -> actors)."""
    if path.suffix.lower() not in SUFFIXES:
        return None
    stem = path.name.split(".", 1)[0]
    return stem if stem in SCHEMAS else None


def lexicon_files(paths: Iterable[str]) -> list[tuple[str, Path]]:
    """Return (lexicon, file) for every file the paths name, folders read recursively."""
    found: list[tuple[str, Path]] = []
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p))
        elif path.is_file():
            if kind_of(path) is None:
                names = ", ".join(f"{kind}.yaml" for kind in SCHEMAS)
                raise LexiconError(f"{path}: not a lexicon file name ({names}, or KIND.*.yaml)")
            files = [path]
        else:
            raise LexiconError(f"{path}: no such file or folder")
        found += [(kind_of(p) or "", p) for p in files]
    return found


def line_of(node: yaml.Node | None, path: Sequence[Any]) -> int | None:
    """Return the 1-based line of the value at a JSON path in a composed YAML tree."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == str(step)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step] if step < len(node.value) else None
        if node is None:
            return None
    return node.start_mark.line + 1 if node is not None else None


def explain(error: Any) -> str:
    """Return a validation error in words a lexicon's author can act on."""
    if error.validator == "type" and isinstance(error.instance, bool):
        return f"{str(error.instance).lower()} where text is expected (quote on/off/yes/no)"
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown key")
    return str(error.message)


def read_lexicon_file(kind: str, path: Path) -> Any:
    """Parse and check one user lexicon file; LexiconError names the file and line."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise LexiconError(f"{path}: over {MAX_BYTES // 1_000_000} MB")
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=SafeLoader)  # noqa: S506  (a safe loader)
        tree = yaml.compose(text, Loader=SafeLoader)  # noqa: S506
    except OSError as error:
        raise LexiconError(f"{path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise LexiconError(f"{path}{where}: {problem}") from None
    if data is None:
        return {}
    validator = Draft202012Validator(SCHEMAS[kind]())
    errors = sorted(validator.iter_errors(data), key=error_rank)
    if errors:
        first = errors[0]
        line = line_of(tree, error_path(first)) or 1
        raise LexiconError(f"{path}:{line}: {explain(first)}")
    return data


# Which error to show first: the one that names what the author wrote wrong.
ERROR_ORDER = {"additionalProperties": 0, "type": 1, "enum": 2}


def error_rank(error: Any) -> tuple[int, list[str]]:
    """Rank an error: unknown keys, then wrong types and values, then the rest; by place."""
    return ERROR_ORDER.get(error.validator, 3), list(map(str, error.absolute_path))


def error_path(error: Any) -> list[Any]:
    """Return where an error points: an unknown key's own line, else the value's."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        unknown = [key for key in error.instance if key not in allowed]
        if unknown:
            path.append(unknown[0])
    return path


def read_lexicons(paths: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """Return the user lexicons the paths hold, by the shipped file name they extend."""
    overlay: dict[str, list[Any]] = {}
    for kind, path in lexicon_files(paths):
        overlay.setdefault(f"{kind}.yaml", []).append(read_lexicon_file(kind, path))
    return {name: tuple(items) for name, items in overlay.items()}


def lexicon_paths(given: Sequence[str] = ()) -> tuple[str, ...]:
    """Return the lexicon paths of the command line, then those of CLAIMGRAPH_LEXICONS."""
    from_environment = [p for p in os.environ.get(ENVIRONMENT, "").split(os.pathsep) if p]
    return (*given, *from_environment)

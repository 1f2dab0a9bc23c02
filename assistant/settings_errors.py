"""Invalid settings → one line that names the ``ASSISTANT_*`` variable, its value and the values it accepts.

pydantic's ``ValidationError`` (and pydantic-settings' parse error for JSON fields) become ``SettingsError``;
``unknown_variables`` finds ``ASSISTANT_*`` names that are no setting (a typo is otherwise ignored in silence).
Both take the table of settings by flat name (``settings_env.flat_table``): an error in ``retrieval.top_k`` is
reported as ``ASSISTANT_TOP_K``.
"""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import SecretStr, ValidationError
from pydantic.fields import FieldInfo

from assistant.errors import SettingsError
from assistant.settings_env import PREFIX, Flat, env_name

WHERE = "fix it in the environment or .env"
_PARSE_FIELD = re.compile(r'field "([^"]+)"')


def _choices(annotation: Any) -> tuple[list[Any], bool]:
    """The types (or Literal values) a field takes, and whether it may be unset (None)."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = get_args(annotation)
        kinds = [a for a in args if a is not type(None)]
        return kinds, len(kinds) < len(args)
    return [annotation], False


def _range(metadata: Iterable[Any], unit: str) -> str:
    """"a whole number from 1 to 50", "a number above 0", … from the field's annotated-types bounds."""
    bounds: dict[str, Any] = {}
    for item in metadata:
        for key in ("ge", "gt", "le", "lt"):
            if hasattr(item, key):
                bounds[key] = getattr(item, key)
    low = f"from {bounds['ge']}" if "ge" in bounds else f"above {bounds['gt']}" if "gt" in bounds else ""
    high = f"at most {bounds['le']}" if "le" in bounds else f"below {bounds['lt']}" if "lt" in bounds else ""
    if low.startswith("from") and high.startswith("at most"):
        return f"{unit} {low} to {high.removeprefix('at most ')}"
    if low and high:
        return f"{unit} {low} and {high}"
    if low:
        return f"{unit} of at least {bounds['ge']}" if "ge" in bounds else f"{unit} {low}"
    return f"{unit} {high}" if high else unit


def allowed(field: FieldInfo) -> str:
    """What a field accepts, in words."""
    kinds, optional = _choices(field.annotation)
    kind = kinds[0]
    if get_origin(kind) is Literal:
        text = "one of " + ", ".join(str(v) for v in get_args(kind))
    elif kind is bool:
        text = "true or false"
    elif kind is int:
        text = _range(field.metadata, "a whole number")
    elif kind is float:
        text = _range(field.metadata, "a number")
    elif kind is Path:
        text = "a path"
    elif get_origin(kind) is list:
        text = 'a JSON list of strings, e.g. ["first", "second"]'
    else:
        lengths = [m.min_length for m in field.metadata if hasattr(m, "min_length")]
        text = f"text of at least {lengths[0]} characters" if lengths else "text"
    return f"{text}, or unset" if optional else text


def _shown(field: FieldInfo | None, value: Any) -> str:
    if field is not None and SecretStr in _choices(field.annotation)[0]:
        return "<hidden>"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:59] + "\u2026'"


def _flat_name(loc: tuple[str, ...], table: Mapping[str, Flat]) -> str | None:
    """The flat name of the field at ``loc`` (group, then field name or flat name), if it is one."""
    for name, (group, field, _) in table.items():
        if loc[:2] in ((group, field), (group, name)):
            return name
    return None


def _problem(error: Mapping[str, Any], table: Mapping[str, Flat]) -> str:
    loc = tuple(str(part) for part in error.get("loc", ()))
    msg = str(error.get("msg", "")).removeprefix("Value error, ")
    if not loc:  # a check across fields: its own message names them
        return msg
    name = _flat_name(loc, table)
    if name is None:  # not one field (a whole group, or a keyword no group has)
        return f"{'.'.join(loc)}: {msg}"
    field = table[name].info
    why = msg if error.get("type") == "value_error" else f"must be {allowed(field)}"
    return f"{env_name(name)}={_shown(field, error.get('input'))}: {why}"


def explain(exc: Exception, table: Mapping[str, Flat]) -> SettingsError:
    """One ``SettingsError`` for a pydantic ``ValidationError`` or a pydantic-settings parse error."""
    if isinstance(exc, ValidationError):
        problems = [_problem(error, table) for error in exc.errors()]
    else:  # pydantic-settings could not parse a JSON value: 'error parsing value for field "ui_examples" ...'
        match = _PARSE_FIELD.search(str(exc))
        name = match.group(1) if match else ""
        flat = table.get(name)
        problems = [f"{env_name(name)} must be {allowed(flat.info)}" if flat else " ".join(str(exc).split())]
    return SettingsError(f"{'; '.join(problems)} ({WHERE})")


def unknown_variables(names: Iterable[str], table: Mapping[str, Flat]) -> list[str]:
    """A warning for each ``ASSISTANT_*`` name that is no setting, with the nearest setting's name."""
    known = [env_name(name) for name in table]
    warnings = []
    for name in sorted({n.upper() for n in names if n.upper().startswith(PREFIX)} - set(known)):
        near = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
        hint = f" (did you mean {near[0]}?)" if near else ""
        warnings.append(f"warning: {name} is not a setting and is ignored{hint}")
    return warnings

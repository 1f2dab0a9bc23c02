"""Flat ``ASSISTANT_<NAME>`` names for grouped settings: which group field each name sets, and the env and
``.env`` sources that read them.

A group field's flat name is its ``validation_alias`` if it has one (``llm.model`` ← ``llm_model``), else its own
name (``retrieval.top_k`` ← ``top_k``). The sources are pydantic-settings' own, run over a flat mirror of the groups
(one field per flat name, so parsing, JSON lists and ``.env`` handling stay theirs); their values are then nested.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from pydantic import BaseModel, create_model
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, DotEnvSettingsSource, EnvSettingsSource
from pydantic_settings.sources import DotenvType

PREFIX = "ASSISTANT_"


class Flat(NamedTuple):
    """One setting by its flat name: the group and field it sets, and that field."""

    group: str
    field: str
    info: FieldInfo


def env_name(flat: str) -> str:
    """The environment variable of a flat setting name."""
    return f"{PREFIX}{flat.upper()}"


@cache
def flat_table(settings_cls: type[BaseSettings]) -> dict[str, Flat]:
    """Every field of every group of ``settings_cls`` by its flat name; raises ``TypeError`` on a name used twice."""
    table: dict[str, Flat] = {}
    for group, holder in settings_cls.model_fields.items():
        model = holder.annotation
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            raise TypeError(f"{settings_cls.__name__}.{group} is not a group of settings")
        for name, info in model.model_fields.items():
            flat = info.validation_alias if isinstance(info.validation_alias, str) else name
            if flat in table:
                raise TypeError(f"two settings are called {flat}")
            table[flat] = Flat(group, name, info)
    return table


def nest(values: Mapping[str, Any], table: Mapping[str, Flat]) -> dict[str, Any]:
    """``values`` with each flat name moved into its group (``top_k=3`` → ``retrieval={"top_k": 3}``).

    A model or a mapping is a group's value, even under a name that is also a flat one (``llm``: the group, or
    ``ASSISTANT_LLM``, its backend). Other keys pass unchanged; a flat value wins over the same field in a group.
    """
    flat = {k: v for k, v in values.items() if k in table and not isinstance(v, (BaseModel, Mapping))}
    out = {key: value for key, value in values.items() if key not in flat}
    for key, value in flat.items():
        group, field, _ = table[key]
        current = out.get(group, {})
        out[group] = {**(current.model_dump() if isinstance(current, BaseModel) else current), field: value}
    return out


@cache
def _mirror(settings_cls: type[BaseSettings]) -> type[BaseSettings]:
    """A settings class with one optional field per flat name, configured like ``settings_cls``."""
    fields: dict[str, Any] = {name: (flat.info.annotation, None) for name, flat in flat_table(settings_cls).items()}
    return create_model(f"Flat{settings_cls.__name__}", __base__=BaseSettings,
                        __cls_kwargs__=dict(settings_cls.model_config), **fields)


class FlatEnvSource(EnvSettingsSource):
    """``ASSISTANT_<NAME>`` environment variables, nested into the groups of ``settings_cls``."""

    def __init__(self, settings_cls: type[BaseSettings]) -> None:
        self.table = flat_table(settings_cls)
        super().__init__(_mirror(settings_cls))

    def __call__(self) -> dict[str, Any]:
        return nest({k: v for k, v in super().__call__().items() if k in self.table}, self.table)


class FlatDotEnvSource(DotEnvSettingsSource):
    """``ASSISTANT_<NAME>`` lines of the ``.env`` file(s), nested into the groups of ``settings_cls``."""

    def __init__(self, settings_cls: type[BaseSettings], env_file: DotenvType | None, encoding: str | None) -> None:
        self.table = flat_table(settings_cls)
        super().__init__(_mirror(settings_cls), env_file=env_file, env_file_encoding=encoding)

    def __call__(self) -> dict[str, Any]:
        return nest({k: v for k, v in super().__call__().items() if k in self.table}, self.table)

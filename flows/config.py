"""``newsdb.toml``: the sources a team follows and when, read by ``newsdb serve``.

One file, checked in by the team next to their data, says what to ingest on which schedule::

    db = "data/newsdb.duckdb"        # optional (this is the default)
    limit_per_source = 100           # optional: new articles per feed, sitemap or site and run
    allow_addresses = ["10.0.0.0/8"] # optional: private networks the fetcher may reach

    [[schedule]]
    name = "wires"                   # the Prefect deployment: ingest/wires
    cron = "*/15 * * * *"
    timezone = "Europe/London"       # optional, default UTC
    sources = ["feed:https://example.org/rss.xml", "site:https://example.net/"]

Each ``[[schedule]]`` becomes one deployment that ``newsdb serve`` serves. Relative paths (files,
folders, ``@lists``, the database) are relative to the file's own folder, so the schedule means
the same thing whichever directory ``newsdb serve`` is started from. ``newsdb.example.toml`` in
the repository is a commented example. No Prefect import: the file is checked before Prefect
starts.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flows.settings import DEFAULT_DB, DEFAULT_LIMIT_PER_SOURCE

_URLISH = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+:")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


class ConfigError(Exception):
    """The configuration file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Schedule:
    name: str
    cron: str
    timezone: str
    sources: tuple[str, ...]
    db_path: str
    limit_per_source: int
    allow_addresses: tuple[str, ...] = ()

    def parameters(self) -> dict[str, Any]:
        """The ingest flow's parameters for this schedule's runs."""
        params: dict[str, Any] = {
            "sources": list(self.sources),
            "db_path": self.db_path,
            "limit_per_source": self.limit_per_source,
        }
        if self.allow_addresses:
            params["allow_addresses"] = list(self.allow_addresses)
        return params


def load(path: Path) -> list[Schedule]:
    """Read and check ``path``; ``ConfigError`` says what is wrong, and where."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"no {path} here: copy newsdb.example.toml to {path.name} and name your sources, "
            'or give them on the command line (newsdb serve --cron "0 * * * *" SOURCE ...)'
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from exc

    base = path.resolve().parent
    _only(raw, {"db", "limit_per_source", "allow_addresses", "schedule"}, f"{path}")
    db = _resolve(_text(raw.get("db", DEFAULT_DB), f"{path}: db"), base)
    default_limit = _limit(raw.get("limit_per_source", DEFAULT_LIMIT_PER_SOURCE), f"{path}")
    allow = _networks(raw.get("allow_addresses", []), f"{path}")
    entries = raw.get("schedule")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path} has no [[schedule]] entry; see newsdb.example.toml")

    schedules: list[Schedule] = []
    for i, entry in enumerate(entries, start=1):
        where = f"{path}, schedule {i}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: expected a [[schedule]] table")
        _only(entry, {"name", "cron", "timezone", "sources", "limit_per_source"}, where)
        name = _text(entry.get("name"), f"{where}: name")
        if not _NAME.match(name):
            raise ConfigError(f"{where}: name {name!r} may use letters, digits, '-', '_', '.'")
        where = f"{path}, schedule {name!r}"
        cron = _text(entry.get("cron"), f"{where}: cron")
        if len(cron.split()) != 5:
            raise ConfigError(f"{where}: cron {cron!r} needs five fields, e.g. '0 * * * *'")
        sources = entry.get("sources")
        if not isinstance(sources, list) or not sources:
            raise ConfigError(f"{where}: sources must be a non-empty list of strings")
        schedules.append(
            Schedule(
                name=name,
                cron=cron,
                timezone=_text(entry.get("timezone", "UTC"), f"{where}: timezone"),
                sources=tuple(_resolve(_text(s, f"{where}: sources"), base) for s in sources),
                db_path=db,
                limit_per_source=_limit(entry.get("limit_per_source", default_limit), where),
                allow_addresses=allow,
            )
        )
    names = [s.name for s in schedules]
    if len(set(names)) != len(names):
        dupes = sorted({n for n in names if names.count(n) > 1})
        raise ConfigError(f"{path}: schedule names must differ ({', '.join(dupes)} repeated)")
    return schedules


def _resolve(entry: str, base: Path) -> str:
    """A path or ``@list`` relative to the config file made absolute; URLs are left alone."""
    if entry.startswith("@"):
        return "@" + _resolve(entry[1:].strip(), base)
    if _URLISH.match(entry) and not (base / entry).exists():
        return entry
    path = Path(entry).expanduser()
    return str(path if path.is_absolute() else base / path)


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where} must be a non-empty string")
    return value.strip()


def _limit(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: limit_per_source must be a whole number of at least 1")
    return value


def _networks(value: object, where: str) -> tuple[str, ...]:
    """``allow_addresses``: IP addresses or networks, as ``--allow-address`` takes them."""
    from connectors.addresses import parse_networks

    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: allow_addresses must be a list of strings")
    try:
        parse_networks(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: allow_addresses: {exc}") from exc
    return tuple(value)


def _only(table: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(allowed))})"
        )

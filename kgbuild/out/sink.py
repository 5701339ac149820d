"""The output file of a build, written one document at a time and put in place only when the build succeeded.

Each document arrives serialised (``serialize.document_piece``): its prefix lines and its body. The bodies go
to a temporary file as they come; ``commit`` writes the union of the prefixes and then the bodies to the
target atomically, so the file has exactly the bytes ``serialize`` gives for the same documents.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from kgbuild.out.serialize import Format, Prefixes, atomic_output, write_bytes

__all__ = ["GraphSink"]


class GraphSink:
    """Appends serialised documents to a temporary file; ``commit`` puts the file in place, ``abort`` drops it.

    ``-`` is stdout: the output is still held in a temporary file until commit, so a failed build prints nothing.
    """

    def __init__(self, path: str | Path, fmt: Format) -> None:
        self.path, self.fmt = str(path), fmt
        folder = Path(tempfile.gettempdir()) if self.path == "-" else (Path(self.path).parent or Path("."))
        folder.mkdir(parents=True, exist_ok=True)
        name = "stdout" if self.path == "-" else Path(self.path).name
        fd, self._body = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=".kgbuild-tmp", dir=folder)
        self._handle = os.fdopen(fd, "wb")
        self._prefixes = Prefixes(fmt)

    def add(self, prefixes: tuple[str, ...], data: bytes) -> None:
        """One document: its prefix lines and its body, as ``serialize.document_piece`` gives them."""
        self._prefixes.add(prefixes)
        self._handle.write(data)

    def commit(self) -> None:
        self._handle.close()
        try:
            if self.fmt is Format.jsonld:
                write_bytes(self._prefixes.jsonld(Path(self._body)), self.path)
            elif self.path == "-":
                sys.stdout.buffer.write(self._prefixes.header())
                with open(self._body, "rb") as body:
                    shutil.copyfileobj(body, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            else:
                with atomic_output(self.path) as handle, open(self._body, "rb") as body:
                    handle.write(self._prefixes.header())
                    shutil.copyfileobj(body, handle)
        finally:
            Path(self._body).unlink(missing_ok=True)

    def abort(self) -> None:
        self._handle.close()
        Path(self._body).unlink(missing_ok=True)

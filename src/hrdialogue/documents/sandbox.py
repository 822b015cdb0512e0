"""`extract_in_sandbox`: read an upload in a separate process with limits on time and memory.

The web platform never parses an uploaded file in its own process. `extract_in_sandbox`
starts `python -m hrdialogue.documents.sandbox`, sends it the bytes on stdin and reads one
JSON result on stdout. Before the child reads a single byte of the upload it limits itself
(`resource.setrlimit`): address space (`RLIMIT_AS`, 512 MB), CPU time (`RLIMIT_CPU`), no file
written (`RLIMIT_FSIZE` 0), few open files (`RLIMIT_NOFILE`), no core dump. The parent also
kills it when the wall-clock time is up, and reads at most `MAX_RESULT_BYTES` of its output,
so that nothing a file does can hang or exhaust the caller.

The limits are set by the child on itself rather than in a `preexec_fn`: Python documents
`preexec_fn` as unsafe in a process that runs threads (a threaded web server), and the
child sets them before it reads the upload, so no byte of it is parsed without them.

A `ReaderError` raised in the child (`NotText`, `NeedsOCR`, `TooManyPages`…) comes back as
the same class with the same message. A child stopped by a limit gives `ExtractionTimedOut`
("…took more than 20 s to read") or `ExtractionOutOfMemory` ("…needed more than 512 MB of
memory"); any other end without a result gives `ExtractionFailed`. Never a traceback.
"""

from __future__ import annotations

import json
import logging
import math
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, BinaryIO, Final

from hrdialogue.documents import errors
from hrdialogue.documents.errors import (
    ExtractionFailed,
    ExtractionOutOfMemory,
    ExtractionTimedOut,
    ReaderError,
)
from hrdialogue.documents.source import MAX_BYTES, MAX_PAGES, Document, read_document

__all__ = [
    "MAX_MEMORY_BYTES",
    "MAX_RESULT_BYTES",
    "MAX_SECONDS",
    "ExtractionFailed",
    "ExtractionOutOfMemory",
    "ExtractionTimedOut",
    "extract_in_sandbox",
    "main",
]

MAX_SECONDS: Final = 20.0
"""Reading one file may take this long (CPU and wall clock) before the process is stopped."""

MAX_MEMORY_BYTES: Final = 512_000_000
"""The child's address space; Python with pypdf, python-docx and lxml takes about 80 MB."""

MAX_RESULT_BYTES: Final = 64_000_000
"""The most bytes of JSON the parent reads back (a 20 MB DOCX holds far less text)."""

_STARTUP_SECONDS: Final = 3.0
"""Allowance for the interpreter to start and import the readers, on top of `max_seconds`."""

_MAX_FILES: Final = 16
_HEADER_MAX: Final = 65_536
Reader = Callable[..., Document]


def extract_in_sandbox(
    data: bytes,
    *,
    name: str | None,
    max_seconds: float = MAX_SECONDS,
    max_memory_bytes: int = MAX_MEMORY_BYTES,
    max_pages: int = MAX_PAGES,
) -> Document:
    """`read_document(data, name=name, max_pages=max_pages)`, run in a limited child process.

    Take the bytes of an upload with `source.read_limited` first (it stops at the size limit).
    Raises what `read_document` raises, or an `ExtractionFailed` (`ExtractionTimedOut`,
    `ExtractionOutOfMemory`) naming the file and the limit it broke.
    """
    if len(data) > MAX_BYTES:  # refused here: no process is started for it
        return read_document(data, name=name)
    header = {
        "name": name,
        "max_pages": max_pages,
        "max_seconds": max_seconds,
        "max_memory_bytes": max_memory_bytes,
    }
    payload = json.dumps(header).encode() + b"\n" + data
    started = time.monotonic()
    try:
        code, output, overflow, killed = _run(_command(), payload, max_seconds + _STARTUP_SECONDS)
    except OSError as error:  # out of processes, or of memory for one: the server's trouble
        msg = f"the reader could not be started ({type(error).__name__}: {error.strerror})"
        raise ExtractionFailed(msg, source=name) from None
    elapsed = time.monotonic() - started
    slow = ExtractionTimedOut(
        f"the file took more than {max_seconds:g} s to read; the reader was stopped", source=name
    )
    if overflow:
        msg = f"the text read from the file is over {MAX_RESULT_BYTES / 1_000_000:g} MB; refused"
        raise ExtractionFailed(msg, source=name)
    # SIGXCPU: the soft CPU limit; SIGKILL after the time: the hard one (else: something else)
    if killed or code == -signal.SIGXCPU or (code == -signal.SIGKILL and elapsed > max_seconds):
        raise slow
    result = _decode(output)
    if result is None:
        if code is not None and code < 0:
            what = _signal_name(-code)
            msg = f"the reader stopped unexpectedly ({what}); the file may be damaged or hostile"
        else:
            msg = f"the reader stopped without a result (exit status {code}, {elapsed:.1f} s)"
        raise ExtractionFailed(msg, source=name)
    return _document(result, name, max_memory_bytes, slow)


def _command() -> list[str]:
    """The child's command line: this module, without the current directory on its import
    path (`-P`: no file beside the server can shadow a module)."""
    return [sys.executable, "-P", "-m", "hrdialogue.documents.sandbox"]


def _run(
    command: list[str], payload: bytes, seconds: float
) -> tuple[int | None, bytes, bool, bool]:
    """Run `command` with `payload` on stdin for at most `seconds`.

    Returns the exit status (negative: the signal that ended it), at most
    `MAX_RESULT_BYTES` of its stdout, whether it wrote more, and whether it was killed at
    the deadline. Its stderr is discarded (pypdf warns about every oddity of a damaged PDF).
    """
    # `command` is `_command()`: this interpreter and this module, no word of the upload
    process = subprocess.Popen(  # noqa: S603
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        start_new_session=True,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    output = bytearray()
    overflow = False

    def feed(stream: BinaryIO) -> None:
        try:
            stream.write(payload)
            stream.close()
        except OSError:  # the child stopped reading (it died, or refused the header)
            pass

    def drain(stream: BinaryIO) -> None:
        nonlocal overflow
        while chunk := stream.read1(1 << 16):  # type: ignore[attr-defined]
            if len(output) + len(chunk) > MAX_RESULT_BYTES:
                overflow = True
                process.kill()
                return
            output.extend(chunk)

    threads = [
        threading.Thread(target=feed, args=(process.stdin,), daemon=True),
        threading.Thread(target=drain, args=(process.stdout,), daemon=True),
    ]
    for thread in threads:
        thread.start()
    killed = False
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        killed = True
        process.kill()
        process.wait()
    for thread in threads:
        thread.join(timeout=5)
    process.stdout.close()
    return process.returncode, bytes(output), overflow, killed


def _decode(output: bytes) -> dict[str, Any] | None:
    try:
        result = json.loads(output)
    except ValueError:
        return None
    return result if isinstance(result, dict) else None


def _document(
    result: dict[str, Any], name: str | None, max_memory_bytes: int, slow: ExtractionTimedOut
) -> Document:
    """The child's result as a `Document`, or the error it reported, raised here."""
    if "text" in result:
        return Document(
            text=str(result["text"]),
            format=result["format"],
            pages=result["pages"],
            name=name,
            notes=tuple(str(note) for note in result.get("notes") or ()),
        )
    error = result.get("error")
    if error == "MemoryError":
        megabytes = max_memory_bytes // 1_000_000
        msg = f"the file needed more than {megabytes} MB of memory to read; the reader was stopped"
        raise ExtractionOutOfMemory(msg, source=name)
    if error == "CPUTime":
        raise slow
    cls = getattr(errors, str(error), None) if error in errors.__all__ else None
    if isinstance(cls, type) and issubclass(cls, ReaderError):
        line = result.get("line")
        raise cls(str(result.get("message", "")), source=name, line=line)
    msg = f"the reader failed on this file ({error}); it may be damaged or hostile"
    raise ExtractionFailed(msg, source=name)


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


# --- The child ------------------------------------------------------------------------------


def _limit(max_seconds: float, max_memory_bytes: int) -> None:
    """Limit this process: memory, CPU time, no file written, few files open, no core dump."""
    cpu = math.ceil(max_seconds + _STARTUP_SECONDS)
    _lower(resource.RLIMIT_AS, max_memory_bytes, max_memory_bytes)
    _lower(resource.RLIMIT_CPU, cpu, cpu + 1)
    _lower(resource.RLIMIT_FSIZE, 0, 0)
    _lower(resource.RLIMIT_NOFILE, _MAX_FILES, _MAX_FILES)
    _lower(resource.RLIMIT_CORE, 0, 0)


def _lower(kind: int, soft: int, hard: int) -> None:
    """Set a limit, never above one the server already runs under (that would be refused)."""
    _, current = resource.getrlimit(kind)
    if current != resource.RLIM_INFINITY:
        soft, hard = min(soft, current), min(hard, current)
    resource.setrlimit(kind, (soft, hard))


def _on_cpu_limit(signum: int, frame: object) -> None:
    raise _CPUTimeUp


class _CPUTimeUp(BaseException):
    """Raised in the child by SIGXCPU (the soft CPU limit), so that it can still report."""


def main(reader: Reader = read_document) -> int:
    """The child: header line and bytes on stdin → limits → `reader` → one JSON line on stdout.

    `reader` is `read_document`; tests pass readers that hang or allocate without end.
    """
    logging.disable(logging.CRITICAL)  # pypdf logs every oddity; nobody reads it here
    result_stream = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a library prints goes to stderr, never into the result
    stdin = sys.stdin.buffer
    try:
        header = json.loads(stdin.readline(_HEADER_MAX))
        _limit(float(header["max_seconds"]), int(header["max_memory_bytes"]))
        signal.signal(signal.SIGXCPU, _on_cpu_limit)
        data = stdin.read(MAX_BYTES + 1)
        document = reader(data, name=header["name"], max_pages=int(header["max_pages"]))
        result: dict[str, Any] = {
            "text": document.text,
            "format": document.format,
            "pages": document.pages,
            "notes": list(document.notes),
        }
    except ReaderError as error:
        result = {"error": type(error).__name__, "message": error.message, "line": error.line}
    except MemoryError:
        result = {"error": "MemoryError"}
    except _CPUTimeUp:
        result = {"error": "CPUTime"}
    except Exception as error:
        result = {"error": type(error).__name__}
    try:
        encoded = json.dumps(result).encode("ascii")
    except MemoryError:
        encoded = b'{"error": "MemoryError"}'
    result_stream.write(encoded)
    result_stream.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

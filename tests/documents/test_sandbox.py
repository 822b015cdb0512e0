"""The reader's separate process: results and errors come back; hangs, runaway memory, CPU
loops, crashes and file writes are stopped by its limits, and never reach the caller.

To make the child misbehave, the tests swap its command for one that runs `sandbox.main`
with a reader that hangs, loops, allocates or crashes (`_child_running`).
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from hrdialogue.documents import sandbox
from hrdialogue.documents.errors import (
    ExtractionFailed,
    ExtractionOutOfMemory,
    ExtractionTimedOut,
    InputTooLarge,
    NotText,
    TooManyPages,
)
from hrdialogue.documents.sandbox import extract_in_sandbox
from hrdialogue.documents.source import MAX_BYTES, Document
from tests.documents import hostile

RU = "Генеральная Ассамблея,\n\n подтверждая свою приверженность,\n"  # hand-written


def _child_running(monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """Make the sandbox run `main(reader=reader)`, with `reader(data, **kw)` defined by `body`."""
    code = (
        "import os, signal, sys, time\n"
        "from hrdialogue.documents.sandbox import main\n"
        f"def reader(data, **kw):\n    {body}\n"
        "sys.exit(main(reader=reader))\n"
    )
    monkeypatch.setattr(sandbox, "_command", lambda: [sys.executable, "-P", "-c", code])


def test_text_comes_back_as_the_document_read_in_process() -> None:
    document = extract_in_sandbox(RU.encode("utf-16"), name="reply.txt")
    assert document == Document(RU, "text", None, "reply.txt")


def test_a_pdf_comes_back_with_its_pages() -> None:
    data = hostile.text_pdf(["Reply of Demo State A", "Second page"])
    document = extract_in_sandbox(data, name="reply.pdf")
    assert (document.text.split("\n"), document.pages) == (
        ["Reply of Demo State A", "Second page"],
        2,
    )


def test_a_docx_comes_back_with_its_paragraphs() -> None:
    data = hostile.plain_docx(["Reply of Demo NGO B", "Ответ демонстрационной НПО"])
    document = extract_in_sandbox(data, name="reply.docx")
    assert document.text == "Reply of Demo NGO B\nОтвет демонстрационной НПО"
    assert document.format == "docx"


def test_a_reader_error_comes_back_with_its_class_and_message() -> None:
    with pytest.raises(NotText) as error:
        extract_in_sandbox(b"\x00\x01\x02", name="reply.docx")
    assert str(error.value) == (
        "reply.docx: the file is named .docx but its bytes are not a DOCX document "
        "(a NUL byte at offset 0)"
    )
    assert error.value.source == "reply.docx"


def test_the_page_limit_reaches_the_child() -> None:
    data = hostile.pdf_pages([b"BT /F1 12 Tf (page) Tj ET"] * 4)
    with pytest.raises(TooManyPages, match=r"^four\.pdf: the PDF declares 4 pages, over the 3-"):
        extract_in_sandbox(data, name="four.pdf", max_pages=3)


def test_input_over_the_size_limit_is_refused_without_a_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sandbox, "_command", lambda: pytest.fail("no process may start"))
    with pytest.raises(InputTooLarge):
        extract_in_sandbox(b"a" * (MAX_BYTES + 1), name="big.txt")


def test_a_reader_that_hangs_is_stopped_at_the_time_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _child_running(monkeypatch, "time.sleep(600)")
    started = time.monotonic()
    with pytest.raises(ExtractionTimedOut) as error:
        extract_in_sandbox(b"x", name="slow.pdf", max_seconds=0.5)
    elapsed = time.monotonic() - started
    assert (
        str(error.value)
        == "slow.pdf: the file took more than 0.5 s to read; the reader was stopped"
    )
    assert elapsed < 0.5 + sandbox._STARTUP_SECONDS + 2


def test_a_reader_that_spins_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    _child_running(monkeypatch, "while True: pass")
    with pytest.raises(
        ExtractionTimedOut, match=r"^spin\.pdf: the file took more than 1 s to read"
    ):
        extract_in_sandbox(b"x", name="spin.pdf", max_seconds=1)


def test_a_reader_that_allocates_4_gb_is_stopped_and_the_caller_stays_small(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _child_running(monkeypatch, "return bytearray(4_000_000_000)")
    tracemalloc.start()
    try:
        with pytest.raises(ExtractionOutOfMemory) as error:
            extract_in_sandbox(b"x", name="greedy.docx", max_memory_bytes=256_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(error.value) == (
        "greedy.docx: the file needed more than 256 MB of memory to read; the reader was stopped"
    )
    assert peak < 5_000_000


def test_a_reader_that_grows_its_memory_bit_by_bit_is_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _child_running(monkeypatch, "held = []\n    while True: held.append(bytearray(1 << 20))")
    with pytest.raises(ExtractionOutOfMemory):
        extract_in_sandbox(b"x", name="leak.docx", max_memory_bytes=200_000_000)


def test_a_reader_that_crashes_gives_a_failure_naming_the_signal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _child_running(monkeypatch, "os.kill(os.getpid(), signal.SIGSEGV)")
    with pytest.raises(ExtractionFailed) as error:
        extract_in_sandbox(b"x", name="crash.pdf")
    assert type(error.value) is ExtractionFailed
    assert str(error.value) == (
        "crash.pdf: the reader stopped unexpectedly (SIGSEGV); the file may be damaged or hostile"
    )


def test_an_unexpected_exception_gives_a_failure_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _child_running(monkeypatch, "raise ZeroDivisionError('a bug')")
    with pytest.raises(ExtractionFailed) as error:
        extract_in_sandbox(b"x", name="bug.pdf")
    assert str(error.value) == (
        "bug.pdf: the reader failed on this file (ZeroDivisionError); it may be damaged or hostile"
    )


def test_the_child_cannot_write_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "dropped.bin"
    _child_running(monkeypatch, f"open({str(target)!r}, 'wb').write(b'payload' * 1000)")
    with pytest.raises(ExtractionFailed, match=r"\(OSError\)"):
        extract_in_sandbox(b"x", name="writer.pdf")
    assert not target.exists() or target.stat().st_size == 0


def test_output_past_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_RESULT_BYTES", 1000)
    with pytest.raises(ExtractionFailed) as error:
        extract_in_sandbox(("word " * 1000).encode(), name="long.txt")
    assert str(error.value) == "long.txt: the text read from the file is over 0.001 MB; refused"


def test_printing_in_the_child_does_not_spoil_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    body = (
        "print('noise on stdout'); os.write(1, b'more noise')\n"
        "    from hrdialogue.documents.source import read_document\n"
        "    return read_document(data, **kw)"
    )
    _child_running(monkeypatch, body)
    assert extract_in_sandbox(RU.encode(), name="noisy.txt").text == RU


def test_a_reader_that_cannot_start_gives_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "_command", lambda: ["/nonexistent/python"])
    with pytest.raises(ExtractionFailed) as error:
        extract_in_sandbox(b"x", name="any.pdf")
    assert str(error.value) == (
        "any.pdf: the reader could not be started (FileNotFoundError: No such file or directory)"
    )

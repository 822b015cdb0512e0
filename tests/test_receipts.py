"""A focal point downloads the receipt of an accepted reply; anyone with the public key
verifies it later, and any change to the receipt or to the reply is detected.

The replies, identifiers and times are written for these tests.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.cli.receipts import register
from hrdialogue.receipts import (
    Receipt,
    ReceiptError,
    comments_json,
    find_receipt_problem,
    generate_signing_key,
    key_id,
    load_private_key,
    load_public_key,
    read_comments_json,
    save_private_key,
    save_public_key,
    sign_receipt,
    verify_receipt,
)

CONTENT = "Ответ правительства Демо-государства A на вербальную ноту.".encode()
WHEN = dt.datetime(2009, 5, 14, 16, 30, 5, 120000, tzinfo=dt.UTC)
KEY = generate_signing_key()


def _receipt(**overrides: object) -> Receipt:
    arguments: dict[str, object] = {
        "submitted_at": WHEN,
        "reply_id": "R12",
        "stakeholder": "Demo State A",
        "key": KEY,
    }
    arguments.update(overrides)
    return sign_receipt(CONTENT, **arguments)  # type: ignore[arg-type]


def test_receipt_states_the_contents_hash_and_verifies() -> None:
    receipt = _receipt()
    assert receipt.content_sha256 == hashlib.sha256(CONTENT).hexdigest()
    assert receipt.content_length == len(CONTENT)
    assert receipt.submitted_at == WHEN
    assert receipt.key_id == key_id(KEY.public_key())
    assert verify_receipt(receipt, KEY.public_key())
    assert verify_receipt(receipt, KEY.public_key(), CONTENT)


def test_time_in_another_zone_is_kept_as_the_same_instant_in_utc() -> None:
    geneva = dt.timezone(dt.timedelta(hours=2))
    receipt = _receipt(submitted_at=WHEN.astimezone(geneva))
    assert receipt.submitted_at == WHEN
    assert receipt.submitted_at.utcoffset() == dt.timedelta(0)
    assert verify_receipt(receipt, KEY.public_key())


def test_tampered_content_is_detected() -> None:
    receipt = _receipt()
    problem = find_receipt_problem(receipt, KEY.public_key(), CONTENT + b" ")
    assert problem is not None
    assert "bytes" in problem
    same_length = bytes([CONTENT[0] ^ 1]) + CONTENT[1:]
    problem = find_receipt_problem(receipt, KEY.public_key(), same_length)
    assert problem == "the content's SHA-256 differs from the one the receipt was given for"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reply_id", "R13"),
        ("stakeholder", "Demo State B"),
        ("submitted_at", WHEN + dt.timedelta(microseconds=1)),
        ("content_sha256", hashlib.sha256(b"another reply").hexdigest()),
        ("content_length", len(CONTENT) + 1),
        ("audit_head", "ab" * 32),
    ],
)
def test_every_signed_field_changed_breaks_the_signature(field: str, value: object) -> None:
    tampered = _receipt().model_copy(update={field: value})
    assert not verify_receipt(tampered, KEY.public_key())
    assert "signature does not match" in str(find_receipt_problem(tampered, KEY.public_key()))


def test_tampered_signature_and_key_id_are_detected() -> None:
    receipt = _receipt()
    signature = bytearray(receipt.signature.encode())
    signature[5] = ord("A") if signature[5] != ord("A") else ord("B")
    assert not verify_receipt(
        receipt.model_copy(update={"signature": signature.decode()}), KEY.public_key()
    )
    assert (
        find_receipt_problem(
            receipt.model_copy(update={"signature": "not base64!"}), KEY.public_key()
        )
        == "the signature is not valid base64"
    )
    other = receipt.model_copy(update={"key_id": "0" * 16})
    assert "signed by key 0000000000000000" in str(find_receipt_problem(other, KEY.public_key()))


def test_wrong_key_fails() -> None:
    other = generate_signing_key()
    assert not verify_receipt(_receipt(), other.public_key())
    # A receipt signed by another key that claims ours is caught by the signature itself.
    forged = sign_receipt(
        CONTENT, submitted_at=WHEN, reply_id="R12", stakeholder="Demo State A", key=other
    ).model_copy(update={"key_id": key_id(KEY.public_key())})
    assert not verify_receipt(forged, KEY.public_key())


def test_audit_head_is_signed_and_shown() -> None:
    receipt = _receipt(audit_head="c0ffee" * 10 + "abcd")
    assert verify_receipt(receipt, KEY.public_key())
    assert "Audit log head:   " + "c0ffee" * 10 + "abcd" in receipt.to_text()


def test_json_round_trip_and_readable_text() -> None:
    receipt = _receipt()
    again = Receipt.from_json(receipt.to_json())
    assert again == receipt
    assert verify_receipt(again, KEY.public_key(), CONTENT)
    data = json.loads(receipt.to_json())
    assert data["submitted_at"] == "2009-05-14T16:30:05.120000Z"
    text = receipt.to_text()
    assert "Reply:            R12" in text
    assert "Stakeholder:      Demo State A" in text
    assert "Accepted at:      2009-05-14T16:30:05.120000Z" in text
    assert f"Content SHA-256:  {hashlib.sha256(CONTENT).hexdigest()}" in text


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("{", "receipt: JSON"),
        ('{"reply_id": "R1"}', "receipt: stakeholder: Field required"),
        (
            _receipt().to_json().replace("2009-05-14T16:30:05.120000Z", "2009-05-14T16:30:05"),
            "receipt: submitted_at",
        ),
        (_receipt().to_json().replace('"version": 1', '"version": 2'), "receipt: version"),
    ],
)
def test_unreadable_receipt_names_the_field(text: str, named: str) -> None:
    with pytest.raises(ReceiptError, match=named):
        Receipt.from_json(text)


def test_naive_time_and_empty_identifiers_are_refused() -> None:
    with pytest.raises(ReceiptError, match="time zone"):
        _receipt(submitted_at=dt.datetime(2009, 5, 14, 16, 30))
    with pytest.raises(ReceiptError, match="must not be empty"):
        _receipt(reply_id="")


def test_keys_saved_as_pem_load_back_and_are_never_overwritten(tmp_path: Path) -> None:
    private, public = tmp_path / "key.pem", tmp_path / "key.pub.pem"
    save_private_key(KEY, private)
    save_public_key(KEY.public_key(), public)
    assert private.stat().st_mode & 0o777 == 0o600
    assert key_id(load_private_key(private).public_key()) == key_id(KEY.public_key())
    assert verify_receipt(_receipt(), load_public_key(public))
    with pytest.raises(ReceiptError, match="never overwritten"):
        save_private_key(KEY, private)
    with pytest.raises(ReceiptError, match="not a PEM public key"):
        load_public_key(private.read_bytes())
    with pytest.raises(ReceiptError, match="cannot read the key"):
        load_public_key(tmp_path / "missing.pem")
    locked = tmp_path / "locked.pem"
    save_private_key(KEY, locked, password=b"secret")
    assert key_id(load_private_key(locked, b"secret").public_key()) == key_id(KEY.public_key())
    with pytest.raises(ReceiptError, match="not a PEM private key"):
        load_private_key(locked, b"wrong")


@settings(max_examples=60, deadline=None)
@given(
    content=st.binary(max_size=2000),
    reply_id=st.text(min_size=1, max_size=30),
    stakeholder=st.text(min_size=1, max_size=60),
    when=st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.just(dt.UTC),
    ),
    audit_head=st.none() | st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
)
def test_any_receipt_survives_json_and_verifies(
    content: bytes, reply_id: str, stakeholder: str, when: dt.datetime, audit_head: str | None
) -> None:
    receipt = sign_receipt(
        content,
        submitted_at=when,
        reply_id=reply_id,
        stakeholder=stakeholder,
        key=KEY,
        audit_head=audit_head,
    )
    again = Receipt.from_json(receipt.to_json())
    assert again == receipt
    assert verify_receipt(again, KEY.public_key(), content)
    assert not verify_receipt(again, KEY.public_key(), content + b"\x00")


# --- `hrdialogue receipt …` -------------------------------------------------------------


def _cli() -> click.Group:
    group = click.Group()
    register(group)
    return group


def test_cli_keygen_then_verify(tmp_path: Path) -> None:
    runner = CliRunner()
    private, public = tmp_path / "key.pem", tmp_path / "key.pub.pem"
    made = runner.invoke(
        _cli(), ["receipt", "keygen", "--private-key", str(private), "--public-key", str(public)]
    )
    assert made.exit_code == 0, made.output
    key = load_private_key(private)
    reply = tmp_path / "reply.docx"
    reply.write_bytes(CONTENT)
    receipt_file = tmp_path / "receipt.json"
    receipt_file.write_text(_receipt(key=key).to_json(), encoding="utf-8")
    ok = runner.invoke(
        _cli(),
        [
            "receipt",
            "verify",
            str(receipt_file),
            "--public-key",
            str(public),
            "--content",
            str(reply),
        ],
    )
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("valid: receipt and its content for reply R12 of Demo State A")

    reply.write_bytes(CONTENT + b"!")
    bad = runner.invoke(
        _cli(),
        [
            "receipt",
            "verify",
            str(receipt_file),
            "--public-key",
            str(public),
            "--content",
            str(reply),
        ],
    )
    assert bad.exit_code == 1
    assert bad.output.count("\n") == 1
    assert bad.output.startswith(f"invalid: {receipt_file}: the content is")

    again = runner.invoke(
        _cli(), ["receipt", "keygen", "--private-key", str(private), "--public-key", str(public)]
    )
    assert again.exit_code == 1
    assert "never overwritten" in again.output


def test_cli_rejects_a_tampered_or_unreadable_receipt_in_one_line(tmp_path: Path) -> None:
    public = tmp_path / "key.pub.pem"
    save_public_key(KEY.public_key(), public)
    receipt_file = tmp_path / "receipt.json"
    receipt_file.write_text(
        _receipt().model_copy(update={"stakeholder": "Demo State B"}).to_json(), encoding="utf-8"
    )
    runner = CliRunner()
    tampered = runner.invoke(
        _cli(), ["receipt", "verify", str(receipt_file), "--public-key", str(public)]
    )
    assert tampered.exit_code == 1
    assert tampered.output == (
        f"invalid: {receipt_file}: the signature does not match the receipt's fields "
        "(altered, or another key)\n"
    )
    missing = runner.invoke(
        _cli(), ["receipt", "verify", str(tmp_path / "none.json"), "--public-key", str(public)]
    )
    assert missing.exit_code == 1
    assert missing.output.startswith("invalid: ")
    assert "cannot read the receipt" in missing.output
    receipt_file.write_text("not json", encoding="utf-8")
    broken = runner.invoke(
        _cli(), ["receipt", "verify", str(receipt_file), "--public-key", str(public)]
    )
    assert broken.exit_code == 1
    assert broken.output.count("\n") == 1


COMMENTS = [
    ("OP10", "Предлагаем провести консультации до конца 2009 года."),
    ("PP2", "نرحب بالإشارة إلى الميثاق."),
    ("OP4", "建议加强对话。"),
]


def test_comments_and_visibility_are_signed_and_shown() -> None:
    receipt = _receipt(comments=COMMENTS, visibility="confidential")
    assert receipt.comments_count == 3
    assert verify_receipt(receipt, KEY.public_key(), CONTENT, COMMENTS)
    text = receipt.to_text()
    assert "Comments:         3\n" in text
    assert f"Comments SHA-256: {receipt.comments_sha256}" in text
    assert "Visibility:       confidential" in text
    for field, value in [
        ("comments_count", 2),
        ("comments_sha256", "ab" * 32),
        ("visibility", "public"),
    ]:
        tampered = receipt.model_copy(update={field: value})
        assert "signature does not match" in str(find_receipt_problem(tampered, KEY.public_key()))


def test_changed_dropped_or_reordered_comments_are_detected() -> None:
    receipt = _receipt(comments=COMMENTS)
    changed = [COMMENTS[0], ("PP2", COMMENTS[1][1] + "!"), COMMENTS[2]]
    assert find_receipt_problem(receipt, KEY.public_key(), comments=changed) == (
        "the comments' SHA-256 differs from the one the receipt was given for"
    )
    moved = [COMMENTS[0], ("PP3", COMMENTS[1][1]), COMMENTS[2]]  # same text, other paragraph
    assert "SHA-256 differs" in str(find_receipt_problem(receipt, KEY.public_key(), None, moved))
    reordered = [COMMENTS[1], COMMENTS[0], COMMENTS[2]]
    assert not verify_receipt(receipt, KEY.public_key(), comments=reordered)
    assert find_receipt_problem(receipt, KEY.public_key(), comments=COMMENTS[:2]) == (
        "2 comments; the receipt was given for 3"
    )
    # a reply without comments: an empty list is signed, and a comment added is caught
    bare = _receipt(comments=[])
    assert bare.comments_count == 0
    assert verify_receipt(bare, KEY.public_key(), comments=[])
    assert not verify_receipt(bare, KEY.public_key(), comments=COMMENTS[:1])


def test_a_receipt_made_without_comments_verifies_as_before() -> None:
    """The canonical form of a receipt without the optional fields, written by hand from the
    module's description: eight fields, keys sorted, no spaces, after the domain tag."""
    fields = {
        "version": 1,
        "reply_id": "R12",
        "stakeholder": "Demo State A",
        "submitted_at": "2009-05-14T16:30:05.120000Z",
        "content_sha256": hashlib.sha256(CONTENT).hexdigest(),
        "content_length": len(CONTENT),
        "audit_head": None,
        "key_id": key_id(KEY.public_key()),
    }
    message = b"hrdialogue-receipt-v1\n" + json.dumps(
        fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")
    signature = base64.b64encode(KEY.sign(message)).decode("ascii")
    old = Receipt.model_validate({**fields, "signature": signature})
    assert verify_receipt(old, KEY.public_key(), CONTENT)
    assert _receipt().signature == signature  # the same receipt is signed the same way today
    assert find_receipt_problem(old, KEY.public_key(), comments=[]) == (
        "the receipt does not cover comments (it was made without them)"
    )


def test_the_comments_file_round_trips_and_bad_files_are_named() -> None:
    assert read_comments_json(comments_json(COMMENTS)) == COMMENTS
    assert read_comments_json(comments_json([])) == []
    with pytest.raises(ReceiptError, match=r"^c\.json: not JSON"):
        read_comments_json(b"\xff[", source="c.json")
    with pytest.raises(ReceiptError, match="a list of comments is expected"):
        read_comments_json('{"anchor": "OP1", "text": "x"}')
    with pytest.raises(ReceiptError, match="comment 2: an object with the strings anchor and text"):
        read_comments_json('[{"anchor": "OP1", "text": "x"}, {"anchor": "OP2"}]')


def test_cli_verifies_the_comments_too(tmp_path: Path) -> None:
    public = tmp_path / "key.pub.pem"
    save_public_key(KEY.public_key(), public)
    receipt_file = tmp_path / "receipt.json"
    receipt_file.write_text(_receipt(comments=COMMENTS).to_json(), encoding="utf-8")
    comments_file = tmp_path / "comments.json"
    comments_file.write_text(comments_json(COMMENTS), encoding="utf-8")
    runner = CliRunner()
    args = ["receipt", "verify", str(receipt_file), "--public-key", str(public)]
    ok = runner.invoke(_cli(), [*args, "--comments", str(comments_file)])
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("valid: receipt and its comments for reply R12")
    comments_file.write_text(comments_json(COMMENTS[1:]), encoding="utf-8")
    bad = runner.invoke(_cli(), [*args, "--comments", str(comments_file)])
    assert bad.exit_code == 1
    assert bad.output == f"invalid: {receipt_file}: 2 comments; the receipt was given for 3\n"
    comments_file.write_text("[1]", encoding="utf-8")
    broken = runner.invoke(_cli(), [*args, "--comments", str(comments_file)])
    assert broken.exit_code == 1
    assert broken.output.count("\n") == 1
    assert "comment 1: an object" in broken.output

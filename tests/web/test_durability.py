"""A reply acknowledged with a receipt survives a crash (reliability battery, E4).

Two halves:

- the database server's durability settings. CI's PostgreSQL pass runs on a throwaway cluster
  that `.ci/with-postgres` starts with `fsync`, `synchronous_commit` and `full_page_writes`
  off, for speed, so asserting `on` on the test database would fail there by design. The
  assertion is made where production is decided instead: the deploy check
  (`config/checks.py`, `check --deploy --database default`), which must refuse exactly those
  three on that server and accept a server with PostgreSQL's defaults. `wal_level`, which CI
  leaves at its default, is asserted on the test database itself, and the five values are
  reported (`-s` prints them).
- the paths that accept a reply write it inside one transaction: an inspection of the code
  (it fails if someone removes the `transaction.atomic` and `ATOMIC_REQUESTS` is off) and
  the same seen while a reply is sent through the form and through the API.
"""

from __future__ import annotations

import ast
import io
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

import hrdialogue.web

pytestmark = pytest.mark.django_db

WEB = Path(hrdialogue.web.__file__).parent
CI_POSTGRES = Path(__file__).parents[2] / ".ci" / "with-postgres"

# PostgreSQL's documentation ("Write Ahead Log" settings): the values under which a commit
# that was acknowledged survives a crash of the machine. Written from the documentation, not
# from the check.
DURABLE = {
    "fsync": {"on"},
    "synchronous_commit": {"on", "local", "remote_write", "remote_apply"},
    "full_page_writes": {"on"},
}
ARCHIVABLE_WAL = {"replica", "logical"}
ERROR_IDS = {
    "fsync": "hrdialogue.E001",
    "synchronous_commit": "hrdialogue.E002",
    "full_page_writes": "hrdialogue.E003",
}

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL only (CI's second pass): SQLite has no fsync, WAL level or checksums "
    "settings to show",
)


# --- the deploy check, over hand-written server values ----------------------------------------

PRODUCTION = {
    "fsync": "on",
    "synchronous_commit": "on",
    "full_page_writes": "on",
    "wal_level": "replica",
    "data_checksums": "on",
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"wal_level": "logical", "synchronous_commit": "remote_apply"}, []),
        ({"synchronous_commit": "local"}, []),
        ({"fsync": "off"}, ["hrdialogue.E001"]),
        ({"synchronous_commit": "off"}, ["hrdialogue.E002"]),
        ({"full_page_writes": "off"}, ["hrdialogue.E003"]),
        ({"wal_level": "minimal"}, ["hrdialogue.W001"]),
        ({"data_checksums": "off"}, ["hrdialogue.I001"]),
        (  # what .ci/with-postgres starts, on a cluster made without checksums
            {
                "fsync": "off",
                "synchronous_commit": "off",
                "full_page_writes": "off",
                "data_checksums": "off",
            },
            ["hrdialogue.E001", "hrdialogue.E002", "hrdialogue.E003", "hrdialogue.I001"],
        ),
        ({"fsync": ""}, ["hrdialogue.E001"]),  # not read: not taken as durable
    ],
)
def test_the_deploy_check_refuses_what_can_lose_a_committed_reply(
    changes: dict[str, str], expected: list[str]
) -> None:
    from hrdialogue.web.config.checks import durability_issues

    issues = durability_issues({**PRODUCTION, **changes}, alias="default")
    assert [issue.id for issue in issues] == expected
    for issue in issues:
        assert "database 'default'" in issue.msg


def test_the_levels_decide_what_fails_a_deploy() -> None:
    """`check --deploy --fail-level WARNING` fails on the three lossy settings and on a WAL
    that cannot be archived; missing checksums are reported, never fatal."""
    from django.core.checks import ERROR, INFO, WARNING

    from hrdialogue.web.config.checks import durability_issues

    levels = {
        issue.id: issue.level
        for issue in durability_issues(
            {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}
        )
    }
    assert levels == {
        "hrdialogue.E001": ERROR,
        "hrdialogue.E002": ERROR,
        "hrdialogue.E003": ERROR,
        "hrdialogue.W001": WARNING,
        "hrdialogue.I001": INFO,
    }


def test_the_check_runs_with_deploy_and_a_named_database_only() -> None:
    from django.core.checks import registry

    from hrdialogue.web.config.checks import check_database_durability

    assert check_database_durability in registry.registry.get_checks(include_deployment_checks=True)
    assert check_database_durability not in registry.registry.get_checks()
    assert check_database_durability.tags == ("database",)
    assert check_database_durability(databases=None) == []  # a plain `check --deploy`


def test_ci_turns_off_what_the_check_refuses() -> None:
    """What CI's cluster runs with, read from its script (not changed here): if it ever stops
    turning these off, the PostgreSQL test below asserts `on` for real."""
    script = CI_POSTGRES.read_text(encoding="utf-8")
    assert {name for name in DURABLE if f"-c {name}=off" in script} == set(DURABLE)


# --- the test database (PostgreSQL) ------------------------------------------------------------


def _show() -> dict[str, str]:
    shown = {}
    with connection.cursor() as cursor:
        for name in (*DURABLE, "wal_level", "data_checksums"):
            cursor.execute(f"SHOW {name}")
            shown[name] = cursor.fetchone()[0]
    return shown


@postgresql_only
def test_the_test_database_settings_and_what_the_deploy_check_says_of_them(
    record_property: Any,
) -> None:
    from hrdialogue.web.config.checks import check_database_durability

    shown = _show()
    figure = ", ".join(f"{name}={value}" for name, value in shown.items())
    record_property("durability", figure)
    print(f"E4 test database: {figure}")  # the battery's figure, shown with -s
    assert shown["wal_level"] in ARCHIVABLE_WAL
    lossy = {name for name, good in DURABLE.items() if shown[name] not in good}
    errors = {
        issue.id
        for issue in check_database_durability(databases=["default"])
        if issue.id.startswith("hrdialogue.E")
    }
    assert errors == {ERROR_IDS[name] for name in lossy}
    if "-c fsync=off" not in CI_POSTGRES.read_text(encoding="utf-8"):
        assert lossy == set()  # CI's cluster is durable now: so must the test database be


@postgresql_only
def test_check_deploy_with_the_database_fails_on_a_lossy_server() -> None:
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    lossy = {name for name, good in DURABLE.items() if _show()[name] not in good}
    command = ["check", "--deploy", "--database", "default", "--fail-level", "ERROR"]
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    if lossy:
        with pytest.raises(SystemCheckError, match=r"hrdialogue\.E00[123]"):
            call_command(*command, **quiet)
    else:
        call_command(*command, **quiet)


# --- the reply is written in one transaction ---------------------------------------------------


def _module(relative: str) -> ast.Module:
    return ast.parse((WEB / relative).read_text(encoding="utf-8"))


def _functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def _called_names(node: ast.AST) -> set[str]:
    names = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            names.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
    return names


def _is_atomic(with_node: ast.With) -> bool:
    return any(
        isinstance(item.context_expr, ast.Call)
        and ast.unparse(item.context_expr.func) in {"transaction.atomic", "atomic"}
        for item in with_node.items
    )


def _calls_inside_atomic(function: ast.FunctionDef) -> set[str]:
    return {
        name
        for node in ast.walk(function)
        if isinstance(node, ast.With) and _is_atomic(node)
        for name in _called_names(node)
    }


ACCEPT_PATHS = {  # module → the functions of it that accept a reply
    "submissions/views.py": {"reply"},  # the focal point's form
    "api/replies.py": {"_submit"},  # POST …/replies and …/replies/file
    "submissions/management/commands/demo_replies.py": {"handle"},  # `make run`'s demo data
}


def test_every_path_that_accepts_a_reply_goes_through_submit_reply() -> None:
    """The form view, the API's two submission views (through `_submit`) and the demo command
    call the one intake service; a new caller of `submit_reply` fails this test until it is
    listed (and its transaction looked at)."""
    callers: dict[str, set[str]] = {}
    for path in sorted(WEB.rglob("*.py")):
        relative = path.relative_to(WEB).as_posix()
        if relative == "submissions/services.py":
            continue
        for name, function in _functions(ast.parse(path.read_text(encoding="utf-8"))).items():
            if "submit_reply" in _called_names(function):
                callers.setdefault(relative, set()).add(name)
    assert callers == ACCEPT_PATHS
    api = _functions(_module("api/replies.py"))
    assert "_submit" in _called_names(api["post_reply"])
    assert "_submit" in _called_names(api["post_reply_file"])


def test_submit_reply_writes_inside_transaction_atomic() -> None:
    """Without ATOMIC_REQUESTS, `submit_reply` must hold every write of a reply (`_write`: the
    reply, its version, comments, receipt and audit entry) in `transaction.atomic`, and
    nothing may call `_write` outside one."""
    from django.conf import settings

    functions = _functions(_module("submissions/services.py"))
    writes = _called_names(functions["_write"])
    assert {"create", "bulk_create", "save", "record_change", "lock_head"} <= writes
    if settings.DATABASES["default"].get("ATOMIC_REQUESTS"):
        return  # every request is one transaction already
    assert "_write" in _calls_inside_atomic(functions["submit_reply"])
    callers = {name for name, f in functions.items() if "_write" in _called_names(f)}
    assert callers == {"submit_reply"}
    body_outside = [
        node
        for node in functions["submit_reply"].body
        if not (isinstance(node, ast.Try | ast.With))
    ]
    outside = set().union(*(_called_names(node) for node in body_outside))
    assert not outside & {"create", "bulk_create", "save", "update", "delete", "record_change"}


@pytest.fixture
def write_depth(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many atomic blocks are open (beyond the test's own) when `_write` runs."""
    from hrdialogue.web.submissions import services

    real = services._write
    base = len(connection.atomic_blocks)
    depths: list[int] = []

    def spy(**kwargs: Any) -> Any:
        depths.append(len(connection.atomic_blocks) - base)
        return real(**kwargs)

    monkeypatch.setattr(services, "_write", spy)
    return depths


def test_a_reply_sent_through_the_form_is_written_in_a_transaction(
    client: Any, open_call: Any, france_focal_point: Any, write_depth: list[int]
) -> None:
    client.force_login(france_focal_point)
    url = reverse("submissions:reply", args=[open_call.pk])
    key = client.get(url).context["form"].initial["idempotency_key"]
    text = "La France se félicite de la consultation (texte écrit pour ce test)."
    response = client.post(
        url, {"idempotency_key": key, "text": text, "visibility": "public", "file": ""}
    )
    assert response.status_code == 302
    assert write_depth == [1]


def test_a_reply_sent_through_the_api_is_written_in_a_transaction(
    client: Any, open_call: Any, france_focal_point: Any, write_depth: list[int]
) -> None:
    from hrdialogue.web.api.services import issue_token

    _token, raw = issue_token(actor=None, user=france_focal_point, name="tests")
    response = client.post(
        f"/api/consultations/{open_call.pk}/replies",
        {"text": "La France soutient le dialogue (texte écrit pour ce test).", "comments": []},
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}", "Idempotency-Key": uuid.uuid4().hex},
    )
    assert response.status_code == 201, response.content
    assert write_depth == [1]

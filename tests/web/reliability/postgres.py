"""A throwaway PostgreSQL cluster for tests that crash their database: initdb with data
checksums into a fresh directory, on a free loopback port, with the durability settings of
production (fsync, synchronous_commit and full_page_writes on), never the cluster that
DATABASE_URL points at.

initdb refuses to run as root: as root the cluster belongs to the `postgres` system user
(as in `.ci/with-postgres`), in a directory under the system's temporary directory that this
user can reach (pytest's own `tmp_path` is private to root).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.web.reliability.server import free_port

__all__ = ["Cluster", "missing_postgres", "postgres_bindir", "throwaway_cluster"]


def missing_postgres() -> str | None:
    """Why no throwaway cluster can be made here (a skip reason), or None."""
    if postgres_bindir() is None:
        return "PostgreSQL's initdb is not installed (Debian package postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, and there is no `postgres` user to own a cluster"
        if shutil.which("runuser") is None:
            return "running as root, and runuser (util-linux) is missing"
    return None


def postgres_bindir() -> Path | None:
    """The directory of initdb, pg_ctl and pg_amcheck (the newest installed), if any."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=_version)
    if found:
        return found[-1].parent
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        done = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=True, timeout=10
        )
        bindir = Path(done.stdout.strip())
        if (bindir / "initdb").is_file():
            return bindir
    return None


def _version(initdb: Path) -> tuple[int, ...]:
    number = initdb.parent.parent.name
    return tuple(int(part) for part in number.split(".") if part.isdigit())


class Cluster:
    """A running cluster: its URL (user `hrdialogue`, trust on loopback) and the crashes a
    test may inflict on it."""

    def __init__(self, bindir: Path, directory: Path, port: int, owner: list[str]) -> None:
        self.bindir = bindir
        self.data = directory / "data"
        self.log = directory / "log"
        self.port = port
        self.url = f"postgres://hrdialogue@127.0.0.1:{port}/postgres"
        self._owner = owner
        self._directory = directory

    def _run(self, tool: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self._owner, str(self.bindir / tool), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )

    def start(self) -> None:
        """Start the server (after a crash: it recovers from its WAL) and wait for it."""
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port}"
            f" -c unix_socket_directories={self._directory}"
            " -c fsync=on -c synchronous_commit=on -c full_page_writes=on"
        )
        done = self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-o", options, "start"
        )
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed: {done.stderr}{self._log_tail()}")

    def crash(self) -> None:
        """`pg_ctl stop -m immediate`: every server process quits at once, without a
        checkpoint, as in a crash (the next start recovers from the WAL)."""
        done = self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl stop failed: {done.stderr}{self._log_tail()}")

    def processes(self) -> list[int]:
        """The postmaster and its children (backends and background processes)."""
        head = (self.data / "postmaster.pid").read_text().split("\n", 1)[0]
        postmaster = int(head)
        children = Path(f"/proc/{postmaster}/task/{postmaster}/children").read_text().split()
        return [postmaster, *(int(pid) for pid in children)]

    @contextlib.contextmanager
    def stalled(self) -> Iterator[None]:
        """Every server process stopped (SIGSTOP) while inside, continued (SIGCONT) on
        leaving: the database hangs without failing."""
        stopped = self.processes()
        for pid in stopped:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGSTOP)
        try:
            yield
        finally:
            for pid in stopped:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGCONT)

    def amcheck(self, database: str) -> subprocess.CompletedProcess[str] | None:
        """`pg_amcheck` over `database` (tables, B-tree indexes and that every row is in
        them; installs the extension); None when pg_amcheck is not installed."""
        if not (self.bindir / "pg_amcheck").is_file():
            return None
        return self._run(
            "pg_amcheck",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "hrdialogue",
            "--install-missing",
            "--heapallindexed",
            database,
            timeout=300,
        )

    def _log_tail(self) -> str:
        with contextlib.suppress(OSError):
            return "\n" + self.log.read_text(errors="replace")[-2000:]
        return ""


@contextlib.contextmanager
def throwaway_cluster(bindir: Path) -> Iterator[Cluster]:
    """initdb (data checksums), start, yield; on leaving, an immediate stop and the directory
    removed."""
    directory = Path(tempfile.mkdtemp(prefix="hrdialogue-chaos-pg."))
    owner: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(directory, user.pw_uid, user.pw_gid)
        owner = ["runuser", "-u", "postgres", "--"]
    cluster = Cluster(bindir, directory, free_port(), owner)
    try:
        done = cluster._run(
            "initdb",
            "-D",
            str(cluster.data),
            "-U",
            "hrdialogue",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--data-checksums",
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr}")
        cluster.start()
        yield cluster
    finally:
        with contextlib.suppress(RuntimeError, OSError, subprocess.SubprocessError):
            cluster.crash()
        deadline = time.monotonic() + 10
        while (cluster.data / "postmaster.pid").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        shutil.rmtree(directory, ignore_errors=True)

"""A throwaway PostgreSQL server for tests, benchmarks and developers (``make pg``).

    with TemporaryPostgres() as pg:          # initdb in a temporary folder, start on a free port
        url = pg.create_database()           # a new empty database owned by the ``tidings`` role
        ...                                  # the server is stopped and its folder removed at exit

It needs the server binaries (Debian: ``apt-get install postgresql``; they live in
``/usr/lib/postgresql/VERSION/bin``, or set ``$TIDINGS_PG_BIN``). The server refuses to run as
root, so as root the cluster is created and started as the ``postgres`` user (``runuser``). The
server listens on 127.0.0.1 only, with its Unix socket inside the temporary folder, and logins over
TCP need a password (scram-sha-256), so wrong credentials can be tested.

``python -m tidings.store.pgserver`` starts one, prints its URL and waits for Ctrl-C.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["PostgresUnavailable", "TemporaryPostgres", "find_binaries"]

ROLE = "tidings"
# Settings for a disposable server: nothing survives it, so durability is traded for speed.
FAST = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


class PostgresUnavailable(RuntimeError):
    """The server binaries are missing or the server cannot be started here."""


def find_binaries() -> Path | None:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres`` (newest version), or None."""
    env = os.environ.get("TIDINGS_PG_BIN")
    candidates = [env] if env else []
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0)
    candidates += list(reversed(versions))
    found = shutil.which("initdb")
    if found:
        candidates.append(str(Path(found).resolve().parent))
    for folder in candidates:
        if folder and all((Path(folder) / exe).is_file() for exe in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def _parent_folder(memory: bool) -> str | None:
    """Where the cluster goes: in memory (/dev/shm) when asked and there is room — removing a disk
    cluster that tests wrote to takes seconds — else /tmp. Not $TMPDIR: the Unix socket path must
    stay short (107 bytes), and as root the folder must be reachable by the postgres user."""
    for folder, room in ((("/dev/shm", 2 << 30),) if memory else ()) + (("/tmp", 0),):
        try:
            stat = os.statvfs(folder)
        except OSError:
            continue
        if stat.f_bavail * stat.f_frsize >= room and os.access(folder, os.W_OK):
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TemporaryPostgres:
    """A PostgreSQL cluster in a temporary folder, on a free local port, removed on ``stop()``.

    ``admin_url`` is the superuser's URL; ``create_database()`` returns the URL of a new database
    owned by the unprivileged ``tidings`` role (password login), the role the tests and the
    benchmark use. ``settings`` are extra server settings (``FAST`` by default); ``memory`` puts the
    cluster in /dev/shm when it has room (tests), else it lives on disk in /tmp (benchmarks,
    ``make pg``: a server as a user would run it).
    """

    def __init__(self, *, settings: dict[str, str] | None = None, memory: bool = True) -> None:
        self.bin = find_binaries()
        self.settings = FAST if settings is None else settings
        self.memory = memory
        self.folder: Path | None = None
        self.port = 0
        self.password = secrets.token_hex(12)
        self._n = 0
        self._version = 0

    @classmethod
    def available(cls) -> bool:
        return find_binaries() is not None

    # -- lifecycle --------------------------------------------------------------------------------
    def _as_owner(self) -> list[str]:
        if os.geteuid() != 0:
            return []
        runuser = shutil.which("runuser")
        if runuser is None:
            raise PostgresUnavailable("running as root needs runuser (util-linux) to start PostgreSQL as 'postgres'")
        return [runuser, "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._as_owner(), *args], capture_output=True, text=True, cwd="/")
        if done.returncode != 0:
            msg = (done.stderr or done.stdout).strip().splitlines()
            raise PostgresUnavailable(f"{Path(args[0]).name} failed: {msg[-1] if msg else done.returncode}")

    def start(self) -> TemporaryPostgres:
        if self.bin is None:
            raise PostgresUnavailable("PostgreSQL is not installed (Debian: apt-get install postgresql)")
        self.folder = Path(tempfile.mkdtemp(prefix="tidings-pg-", dir=_parent_folder(self.memory)))
        try:
            if os.geteuid() == 0:
                shutil.chown(self.folder, "postgres", "postgres")
            pwfile = self.folder / "pw"
            pwfile.write_text(self.password + "\n", encoding="utf-8")
            if os.geteuid() == 0:
                shutil.chown(pwfile, "postgres", "postgres")
            self._run(str(self.bin / "initdb"), "-D", str(self.folder / "data"), "-U", "postgres", "-E", "UTF8",
                      "--locale=C", "--no-sync", "--auth-local=trust", "--auth-host=scram-sha-256",
                      f"--pwfile={pwfile}")
            pwfile.unlink()
            self._start_server()
            atexit.register(self.stop)  # an interpreter that exits without stop() still removes it
            self._execute(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{self.password}'")
        except BaseException:
            self.stop()
            raise
        return self

    def _start_server(self) -> None:
        assert self.folder is not None and self.bin is not None
        opts = " ".join(f"-c {k}={v}" for k, v in {**self.settings, "listen_addresses": "127.0.0.1",
                                                   "unix_socket_directories": str(self.folder),
                                                   "max_connections": "100"}.items())
        last: Exception | None = None
        for _ in range(5):  # a free port can be taken between choosing it and binding it
            self.port = _free_port()
            try:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-l", str(self.folder / "log"),
                          "-w", "-t", "60", "-o", f"-p {self.port} {opts}", "start")
                return
            except PostgresUnavailable as exc:
                last = exc
                time.sleep(0.2)
        log = (self.folder / "log").read_text(errors="replace").strip().splitlines() if (self.folder / "log").exists() else []
        raise PostgresUnavailable(f"cannot start PostgreSQL: {log[-1] if log else last}")

    def stop(self) -> None:
        """Stop the server (immediately: nothing in it is kept) and remove its folder."""
        if self.folder is None:
            return
        atexit.unregister(self.stop)
        if self.bin is not None and (self.folder / "data" / "postmaster.pid").exists():
            with contextlib.suppress(PostgresUnavailable):
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def __enter__(self) -> TemporaryPostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- databases --------------------------------------------------------------------------------
    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres:{self.password}@127.0.0.1:{self.port}/postgres"

    def url(self, database: str, *, user: str = ROLE, password: str | None = None) -> str:
        return f"postgresql://{user}:{password or self.password}@127.0.0.1:{self.port}/{database}"

    def _execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql)
            self._version = conn.info.server_version

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database owned by the ``tidings`` role and return its URL."""
        if name is None:
            self._n += 1
            name = f"t{os.getpid()}_{self._n}"
        # FILE_COPY (PostgreSQL 15+) copies the small template faster than writing it through the WAL
        strategy = " STRATEGY FILE_COPY" if self._version >= 150000 else ""
        self._execute(f'CREATE DATABASE "{name}" OWNER {ROLE} TEMPLATE template0{strategy}')
        return self.url(name)


def main() -> int:
    """Start a server, print its URL, wait for Ctrl-C, then remove it."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # kill stops the server too
    try:
        pg = TemporaryPostgres(settings={}, memory=False).start()
    except PostgresUnavailable as exc:
        print(f"error: {exc}")
        return 2
    try:
        url = pg.create_database("tidings")
        print(f"PostgreSQL {pg.bin.parent.name if pg.bin else ''} running in {pg.folder} (removed on exit)")
        print(f"    export TIDINGS_DB='{url}'")
        print("Ctrl-C stops it.", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        pg.stop()


if __name__ == "__main__":
    raise SystemExit(main())

"""A throwaway PostgreSQL server for tests, started for real from Debian's packages.

`.ci/run` installs the `postgresql` package; developers: `apt-get install -y postgresql`.
The server runs from a temporary folder on a free loopback port and is stopped afterwards.
When run as root, the server runs as the `postgres` user (PostgreSQL refuses root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


def server_binaries() -> str:
    """Return the folder of the newest installed PostgreSQL server programs."""
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not folders:
        raise RuntimeError(
            "PostgreSQL is not installed: apt-get install -y postgresql (the tests start it)"
        )
    return folders[-1]


def free_port() -> int:
    """Return a loopback port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a PostgreSQL server with an empty database and yield its URL."""
    binaries = server_binaries()
    folder = tempfile.mkdtemp(prefix="claimgraph-pg-")
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(folder, "postgres")
    port = free_port()

    def run(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)

    data = os.path.join(folder, "data")
    run(f"{binaries}/initdb", "-D", data, "-A", "trust", "-U", "postgres")
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(f"{binaries}/pg_ctl", "-D", data, "-o", options, "-l", f"{folder}/log", "-w", "start")
    try:
        run(f"{binaries}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "cg")
        yield f"postgresql://postgres@127.0.0.1:{port}/cg"
    finally:
        subprocess.run(
            [*prefix, f"{binaries}/pg_ctl", "-D", data, "-m", "immediate", "stop"],
            capture_output=True,
            timeout=120,
        )
        shutil.rmtree(folder, ignore_errors=True)

"""The reader over SSH: a real OpenSSH server on 127.0.0.1, the ssh client in a real terminal.

The test makes host and user keys in a temporary folder, starts `sshd -D -e` on a free port with
a configuration of its own (public-key login for the current user only, nothing forwarded),
connects with `ssh -tt` inside tmux, and runs the reader remotely on a copy of an article whose
file name carries a unique marker. Once the article is on screen (its first words at the right
end of the first article row), the ssh client is killed abruptly (SIGKILL, as when a laptop
drops off the network): the remote reader must end by itself (sshd closes its terminal and it
gets SIGHUP) and no process of the session may be left. sshd is stopped whatever happens.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import signal
import socket
import stat
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from terminals import (
    Tmux,
    article_row,
    children_of,
    first_words_visual,
    processes,
    reader_command,
    reader_environment,
    require_tool,
    wait_until,
)

PRIVILEGE_SEPARATION_DIRECTORY = Path("/run/sshd")
"""Debian's sshd refuses to start as root without it."""


@dataclass
class SshServer:
    """A running test sshd: where to connect and with which key."""

    port: int
    user: str
    key: Path
    process: subprocess.Popen[bytes]
    log: Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def keygen(path: Path) -> None:
    """Make an ed25519 key pair without a passphrase at `path` and `path.pub`."""
    keygen_tool = require_tool("ssh-keygen")
    subprocess.run(
        [keygen_tool, "-q", "-t", "ed25519", "-N", "", "-C", "reader-test", "-f", str(path)],
        check=True,
        capture_output=True,
        timeout=30,
    )


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until sshd accepts connections (fails with its log if it exits instead)."""

    def listening() -> bool:
        if process.poll() is not None:
            pytest.fail(f"sshd exited with {process.returncode}:\n{log.read_text()}")
        with socket.socket() as client:
            client.settimeout(0.5)
            return client.connect_ex(("127.0.0.1", port)) == 0

    wait_until(listening, 20, f"sshd to listen on port {port}")


@pytest.fixture
def ssh_server(tmp_path: Path) -> Iterator[SshServer]:
    """A private sshd on 127.0.0.1 for the current user, stopped after the test."""
    sshd = require_tool("sshd")
    require_tool("ssh")
    folder = tmp_path / "sshd"
    folder.mkdir()
    keygen(folder / "host_key")
    keygen(folder / "user_key")
    shutil.copyfile(folder / "user_key.pub", folder / "authorized_keys")
    if os.geteuid() == 0 and not PRIVILEGE_SEPARATION_DIRECTORY.is_dir():
        PRIVILEGE_SEPARATION_DIRECTORY.mkdir(mode=0o755, parents=True, exist_ok=True)
    port = free_port()
    user = getpass.getuser()
    config = folder / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {folder / 'host_key'}",
                f"PidFile {folder / 'sshd.pid'}",
                f"AuthorizedKeysFile {folder / 'authorized_keys'}",
                f"AllowUsers {user}",
                "PermitRootLogin " + ("yes" if os.geteuid() == 0 else "no"),
                "StrictModes no",
                "UsePAM no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "AllowTcpForwarding no",
                "AllowAgentForwarding no",
                "X11Forwarding no",
                "PermitUserEnvironment no",
                "PrintMotd no",
                "PrintLastLog no",
                "UseDNS no",
                "LogLevel VERBOSE",
                "",
            ]
        )
    )
    log = folder / "sshd.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [str(Path(sshd).resolve()), "-D", "-e", "-f", str(config)],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for_port(port, process, log)
        yield SshServer(port, user, folder / "user_key", process, log)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


def processes_matching(marker: str) -> list[str]:
    """The command lines of live processes holding `marker`."""
    return [process.command for process in processes() if marker in process.command]


def session_processes(server: SshServer) -> list[str]:
    """sshd's children: one (or two, with privilege separation) per live connection."""
    return [process.command for process in children_of(server.process.pid)]


def test_reading_over_ssh_and_a_dropped_connection(
    ssh_server: SshServer, tmux: Tmux, tmp_path: Path, texts: Path
) -> None:
    """The article reads correctly through sshd's pty; after the client is SIGKILLed, the
    remote reader ends within seconds and the session leaves no process behind."""
    marker = f"reader-ssh-{uuid.uuid4().hex}"
    article = tmp_path / f"{marker}.ar.txt"
    shutil.copyfile(texts / "news-01.ar.txt", article)
    remote = tmp_path / "remote.sh"
    settings = reader_environment(tmp_path)
    remote.write_text(
        "#!/bin/sh\n"
        "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8"
        f" XDG_CONFIG_HOME={settings['XDG_CONFIG_HOME']}"
        f" XDG_STATE_HOME={settings['XDG_STATE_HOME']}"
        f" {' '.join(reader_command())} {article}\n"
    )
    remote.chmod(remote.stat().st_mode | stat.S_IXUSR)
    client = [
        require_tool("ssh"),
        "-F",
        "/dev/null",
        "-tt",
        "-i",
        str(ssh_server.key),
        "-p",
        str(ssh_server.port),
        "-l",
        ssh_server.user,
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "BatchMode=yes",
        "-o",
        "LogLevel=ERROR",
        "127.0.0.1",
        str(remote),
    ]
    tmux.start(client, reader_environment(tmp_path))
    try:
        screen = tmux.wait_for_reader(timeout=60)
    except BaseException:
        print(ssh_server.log.read_text())
        raise
    first = next(line for line in article.read_text("utf-8").splitlines() if line.strip())
    assert article_row(screen[1], tmux.cols).endswith(first_words_visual(first)), screen[1]
    assert processes_matching(marker), "the remote reader is not running"

    ssh_client = children_of(int(tmux.pane("pane_pid")))
    assert [process.command.split()[0] for process in ssh_client] == [client[0]]
    os.kill(ssh_client[0].pid, signal.SIGKILL)

    wait_until(lambda: not processes_matching(marker), 10, "the remote reader to end")
    wait_until(lambda: not session_processes(ssh_server), 10, "sshd's session to end")
    assert ssh_server.process.poll() is None  # the server itself still runs (stopped after)

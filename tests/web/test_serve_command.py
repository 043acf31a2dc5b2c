"""``briefing serve`` without a browser: the bind warning, the app command, lazy imports, and
the export dialog's browser branch (a download instead of a file on the server)."""

from __future__ import annotations

import io
import shlex
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.cli.serve import app_command, is_loopback
from briefing.tui.screens.export import deliver_download


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_hosts(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "example.org"])
def test_other_hosts(host):
    assert not is_loopback(host)


@pytest.fixture
def no_serving(monkeypatch):
    """Run the command up to the point where it would listen; record the server."""
    from briefing.web.server import BriefingServer

    made: list[BriefingServer] = []
    monkeypatch.setattr(BriefingServer, "serve", lambda self, debug=False: made.append(self))
    return made


def test_other_host_warns_in_one_line(no_serving):
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "anyone who can reach" in warnings[0]
    assert no_serving[0].host == "0.0.0.0" and no_serving[0].port == 8123


def test_default_is_loopback_without_warning(no_serving):
    result = CliRunner().invoke(app, ["serve", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    server = no_serving[0]
    assert (server.host, server.port) == ("127.0.0.1", 8000)
    assert server.url.startswith("http://127.0.0.1:8000/?token=") and len(server.token) >= 32
    assert server.command.endswith("--lang zh")


def test_an_ipv6_host_is_bracketed_in_the_url(no_serving):
    CliRunner().invoke(app, ["serve", "--host", "[::1]", "--port", "8124"])
    assert no_serving[0].host == "::1"
    assert no_serving[0].url.startswith("http://[::1]:8124/?token=")


def test_each_run_gets_a_new_token(no_serving):
    for _ in range(2):
        CliRunner().invoke(app, ["serve"])
    assert no_serving[0].token != no_serving[1].token


def test_app_command_execs_the_child_with_an_absolute_pack(tmp_path):
    words = shlex.split(app_command(Path("pack"), "en"))
    assert words[:4] == ["exec", sys.executable, "-m", "briefing.web.child"]
    assert Path(words[words.index("--content") + 1]).is_absolute()


def test_importing_the_cli_imports_no_web_server(imported_packages):
    assert imported_packages("import briefing.cli",
                             {"textual", "textual_serve", "aiohttp"}) == []


class FakeApp:
    def __init__(self, is_web: bool) -> None:
        self.is_web = is_web
        self.delivered: list[tuple[str, dict]] = []

    def deliver_text(self, file: io.StringIO, **options) -> str:
        self.delivered.append((file.getvalue(), options))
        return "key"


def test_export_in_a_browser_is_a_download():
    fake = FakeApp(is_web=True)
    assert deliver_download(fake, Path("./achievements.en.md"), "# Achievements\n")
    [(text, options)] = fake.delivered
    assert text == "# Achievements\n"
    assert options["save_filename"] == "achievements.en.md"
    assert options["mime_type"] == "text/markdown"


def test_export_in_a_terminal_writes_the_file_instead():
    fake = FakeApp(is_web=False)
    assert not deliver_download(fake, Path("x.md"), "text")
    assert fake.delivered == []


def test_a_busy_port_is_one_line_before_any_url(no_serving):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert "Serving" not in result.output and not no_serving
    assert result.stderr.strip() == f"error: cannot serve on 127.0.0.1:{port}: " \
                                    "address already in use"

"""Export never loses data: atomic temp+rename, --force, and every failure path leaves the
user's file byte-identical and no temporary file behind.

Tests run as root here, where a read-only folder does not stop writes, so permission and
full-disk failures are simulated by making the os/tempfile calls raise.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

import pytest
from _robustness import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

import briefing.export.write as export
from briefing.export import (
    ExportError,
    MarkdownDocument,
    TargetExists,
    cell,
    escape,
    write_text_atomic,
)
from briefing.pack import bundled_pack_dir, load_pack
from briefing.text.sanitize import clean

ORIGINAL = "the user's own notes — 用户自己的文件\n".encode()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def existing(tmp_path) -> Path:
    path = tmp_path / "weaknesses.md"
    path.write_bytes(ORIGINAL)
    return path


def export_cli(path: Path, *extra: str):
    return run_cli("export", "weaknesses", "-o", str(path), *extra)


def assert_one_line_error(result, fragment: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: ") and fragment in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


# -- the happy paths ------------------------------------------------------------------------

def test_new_file_is_written_whole(tmp_path):
    path = tmp_path / "out.md"
    result = export_cli(path)
    assert result.exit_code == 0 and f"wrote {path}" in result.stderr
    assert path.read_text(encoding="utf-8").startswith("# Weaknesses")
    assert leftovers(tmp_path) == []


def test_existing_file_is_refused_without_force(existing):
    result = export_cli(existing)
    assert_one_line_error(result, "already exists; use --force to overwrite it")
    assert existing.read_bytes() == ORIGINAL
    assert leftovers(existing.parent) == []


def test_force_replaces_atomically(existing, monkeypatch):
    calls = []
    real_replace = os.replace

    def spy(src, dst):
        calls.append((Path(src).parent, Path(dst)))
        return real_replace(src, dst)

    monkeypatch.setattr(export.os, "replace", spy)
    assert export_cli(existing, "--force").exit_code == 0
    assert existing.read_text(encoding="utf-8").startswith("# Weaknesses")
    mine = [call for call in calls if call[1] == existing]  # (the pack cache renames too)
    assert mine == [(existing.parent, existing)]  # temp file in the same folder, one rename
    assert leftovers(existing.parent) == []


def test_relative_path_in_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli("export", "weaknesses", "-o", "here.md").exit_code == 0
    assert (tmp_path / "here.md").is_file() and leftovers(tmp_path) == []


# -- refusals -------------------------------------------------------------------------------

@pytest.mark.parametrize("force", [False, True])
def test_directory_target_is_refused(tmp_path, force):
    target = tmp_path / "folder"
    target.mkdir()
    (target / "keep.txt").write_bytes(ORIGINAL)
    result = export_cli(target, *(["--force"] if force else []))
    assert_one_line_error(result, "is a directory; give a file name")
    assert (target / "keep.txt").read_bytes() == ORIGINAL
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]


def test_missing_folder_is_refused(tmp_path):
    result = export_cli(tmp_path / "nowhere" / "out.md")
    assert_one_line_error(result, "does not exist")
    assert not (tmp_path / "nowhere").exists()


# -- simulated failures: every path keeps the user's file and cleans up ----------------------

def _fail(error: int):
    def raiser(*args, **kwargs):
        raise OSError(error, os.strerror(error))
    return raiser


def _read_only_folder(monkeypatch):
    monkeypatch.setattr(export.tempfile, "NamedTemporaryFile", _fail(errno.EACCES))


def _disk_full_on_fsync(monkeypatch):
    monkeypatch.setattr(export.os, "fsync", _fail(errno.ENOSPC))


def _disk_full_mid_write(monkeypatch):
    real = tempfile.NamedTemporaryFile

    def half_then_full(*args, **kwargs):
        handle = real(*args, **kwargs)
        real_write = handle.write

        def write(text):
            real_write(text[: len(text) // 2])
            handle.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        handle.write = write
        return handle

    monkeypatch.setattr(export.tempfile, "NamedTemporaryFile", half_then_full)


def _rename_refused(monkeypatch):
    monkeypatch.setattr(export.os, "replace", _fail(errno.EACCES))
    monkeypatch.setattr(export.os, "link", _fail(errno.EACCES))


def _quota_on_rename(monkeypatch):
    monkeypatch.setattr(export.os, "replace", _fail(errno.EDQUOT))
    monkeypatch.setattr(export.os, "link", _fail(errno.EDQUOT))


FAILURES = {
    "read-only-folder": (_read_only_folder, "Permission denied"),
    "disk-full-on-fsync": (_disk_full_on_fsync, "No space left on device"),
    "disk-full-mid-write": (_disk_full_mid_write, "No space left on device"),
    "rename-refused": (_rename_refused, "Permission denied"),
    "quota-on-rename": (_quota_on_rename, os.strerror(errno.EDQUOT)),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_failure_with_force_keeps_the_existing_file(existing, monkeypatch, failure):
    inject, message = FAILURES[failure]
    inject(monkeypatch)
    result = export_cli(existing, "--force")
    assert_one_line_error(result, f"cannot write {existing}: {message}")
    assert existing.read_bytes() == ORIGINAL
    assert leftovers(existing.parent) == []


@pytest.mark.parametrize("failure", FAILURES)
def test_failure_without_force_leaves_nothing(tmp_path, monkeypatch, failure):
    inject, message = FAILURES[failure]
    inject(monkeypatch)
    path = tmp_path / "new.md"
    with pytest.raises(ExportError, match=message):
        write_text_atomic(path, "# text\n")
    assert not path.exists()
    assert leftovers(tmp_path) == []


def test_interrupt_mid_write_keeps_file_and_removes_temp(existing, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(export.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(existing, "# new\n", force=True)
    assert existing.read_bytes() == ORIGINAL
    assert leftovers(existing.parent) == []


def test_file_appearing_during_the_write_is_not_clobbered(tmp_path, monkeypatch):
    """Someone creates the target between the existence check and the publish."""
    path = tmp_path / "race.md"
    real_fsync = os.fsync

    def create_then_sync(fd):
        path.write_bytes(ORIGINAL)
        real_fsync(fd)

    monkeypatch.setattr(export.os, "fsync", create_then_sync)
    with pytest.raises(TargetExists):
        write_text_atomic(path, "# new\n")
    assert path.read_bytes() == ORIGINAL
    assert leftovers(tmp_path) == []


def test_no_hard_links_falls_back_to_rename(tmp_path, monkeypatch):
    """On file systems without hard links (EPERM) a new file is still written."""
    monkeypatch.setattr(export.os, "link", _fail(errno.EPERM))
    path = tmp_path / "fat32.md"
    write_text_atomic(path, "# new\n")
    assert path.read_text(encoding="utf-8") == "# new\n"
    assert leftovers(tmp_path) == []


def test_failed_cleanup_is_still_a_clean_error(existing, monkeypatch):
    _disk_full_on_fsync(monkeypatch)
    monkeypatch.setattr(export.os, "unlink", _fail(errno.EACCES))
    with pytest.raises(ExportError, match="No space left on device"):
        write_text_atomic(existing, "# new\n", force=True)
    assert existing.read_bytes() == ORIGINAL


def test_permissions_follow_umask_and_the_replaced_file(tmp_path):
    """The temp file is created 0600; the published file must not keep that."""
    old_umask = os.umask(0o022)
    try:
        new = tmp_path / "new.md"
        write_text_atomic(new, "# new\n")
        assert (new.stat().st_mode & 0o777) == 0o644
        shared = tmp_path / "shared.md"
        shared.write_bytes(ORIGINAL)
        shared.chmod(0o664)
        write_text_atomic(shared, "# new\n", force=True)
        assert (shared.stat().st_mode & 0o777) == 0o664
    finally:
        os.umask(old_umask)


# -- pack text stays inert: what GitHub's parser shows is exactly the text ----------------------

def _visible(markdown: str) -> tuple[set[str], str]:
    """The tags cmark-gfm produces for ``markdown`` and the text a reader sees."""
    from html import unescape

    import cmarkgfm
    from cmarkgfm.cmark import Options

    html = cmarkgfm.github_flavored_markdown_to_html(markdown,
                                                     options=Options.CMARK_OPT_FOOTNOTES)
    tags = set(re.findall(r"</?([a-z0-9]+)", html))
    return tags, unescape(re.sub(r"<[^>]*>", "", html))


def _squeezed(text: str) -> str:
    return "".join(text.split())


TOKENS = [*"abz R&D;#*_`[]()<>!|~$\\-+=.:/0129 \n\t", "\n\n", "www.", "https://", "x.org", "&amp;",
          "&#42;", "&#x202e;", "<b>", "</b>", "<script>", "</script>", "<!--", "\u202e",
          "\x1b[31m", "深圳", "“", "”", "[^1]", "[x](y)", "    ", "1. ", "1) ", "- ", "# ",
          "> ", "---", "===", "***", "```", "~~", "$x$", ":smile:", "\\\n", "  \n", "|---|"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join))
def test_escaped_text_renders_as_exactly_itself(text):
    """Any mix of Markdown, HTML, entities, autolinks and control characters comes out of
    cmark-gfm as a paragraph of the same visible text and nothing else."""
    tags, visible = _visible(escape(text))
    assert tags <= {"p"}, (text, tags)
    assert _squeezed(visible) == _squeezed(clean(text))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=20).map("".join))
def test_escaped_cell_stays_one_cell(text):
    row = "| " + cell(text) + " | x |"
    tags, visible = _visible("| a | b |\n| --- | --- |\n" + row + "\n")
    assert tags <= {"table", "thead", "tbody", "tr", "th", "td"}, (text, tags)
    assert _squeezed(visible) == "ab" + _squeezed(clean(text)) + "x"


@pytest.mark.parametrize("text", ["_www.abc.com", "*www.abc.com", "(www.abc.com",
                                  "~www.abc.com", "see https://evil.example/x", "HTTP://A.B",
                                  "中www.abc.com", "xhttp://a.b"])
def test_urls_are_not_linked(text):
    tags, visible = _visible(escape(text))
    assert tags == {"p"} and visible.strip() == text


def test_only_what_would_render_is_escaped():
    assert escape("R&D and S&T, 1 < 2, a > b, C# 5, -5%, 2024-07") == \
        "R&D and S&T, 1 < 2, a > b, C# 5, -5%, 2024-07"
    assert escape("<script>alert(1)</script>") == "\\<script>alert(1)\\</script>"
    assert escape("&amp; &#42;") == "\\&amp; \\&#42;"
    assert escape("- item\n1. one\n# h\n> q") == "\\- item\n1\\. one\n\\# h\n\\> q"


def test_hostile_text_exports_as_text(tmp_path):
    """Raw HTML, a script, markup, escapes and bidi overrides in the pack come out as text."""
    from briefing.model import Text

    nasty = "<script>alert(1)</script> [bold]x[/] \x1b[2J \u202eevil *a* &amp; [^1] www.x.org"
    pack = load_pack(bundled_pack_dir())
    doc = MarkdownDocument(pack, "both")
    doc.add_heading(1, doc.title(Text(zh=nasty, en=nasty)))
    doc.add_paragraphs(Text(zh=nasty, en=nasty), next(pack.figures()).source)
    tags, visible = _visible(doc.render())
    assert "script" not in tags and "em" not in tags and "a" in tags  # only the footnote link
    assert "<script>alert(1)</script>" in visible and "&amp;" in visible
    assert "\x1b" not in visible and "\u202e" not in visible and "[^1]" in visible

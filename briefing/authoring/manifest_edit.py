"""Adding a document entry to a manifest by editing its text, not by rewriting its YAML:
the author's comments, order, quoting and blank lines stay exactly as they were.

The entry goes after the last line of the block-style ``documents:`` list, with the list's own
indentation; an empty flow list (``documents: []``) becomes a block list. A manifest whose
list is written some other way is refused with what to do instead.
"""

from __future__ import annotations

import re

_KEY = re.compile(r"^documents:[ \t]*(?P<rest>[^\n]*)$", re.MULTILINE)
_ITEM = re.compile(r"^(?P<indent>[ \t]*)- ", re.MULTILINE)


class ManifestEditError(Exception):
    """Why the manifest cannot be edited safely; one line for the user."""


def add_entry(manifest: str, entry: str) -> str:
    """``manifest`` with ``entry`` (made with an indent of two spaces) at the end of its
    ``documents`` list."""
    found = _KEY.search(manifest)
    if found is None:
        raise ManifestEditError("manifest.yaml has no top-level 'documents:' list to add to")
    rest = found.group("rest").split("#")[0].strip()
    if rest == "[]":
        start, end = found.span("rest")
        comment = found.group("rest")[found.group("rest").find("#"):] if "#" in found.group(
            "rest") else ""
        head = manifest[:start].rstrip(" ") + (f"  {comment}" if comment else "")
        return head + "\n" + entry + manifest[end:].removeprefix("\n")
    if rest:
        raise ManifestEditError("manifest.yaml writes 'documents' on one line; write it as a "
                                "list ('documents:' then '  - id: ...' entries) and try again")
    lines = manifest[found.end():].split("\n")
    last = 0  # lines after 'documents:' that belong to the list
    indent = None
    for n, line in enumerate(lines[1:], 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[:1].isspace() and not line.startswith("-"):
            break  # the next top-level key
        if indent is None and (item := _ITEM.match(line)):
            indent = item.group("indent")
        last = n
    if "\t" in (indent or ""):
        raise ManifestEditError("manifest.yaml indents 'documents' with tabs; use spaces")
    body = entry if indent is None or indent == "  " else _reindent(entry, indent)
    head = "\n".join(lines[:last + 1])
    tail = "\n".join(lines[last + 1:])
    return manifest[:found.end()] + head + "\n" + body + tail


def _reindent(entry: str, indent: str) -> str:
    return "".join(indent + line[2:] if line.startswith("  ") else line
                   for line in entry.splitlines(keepends=True))

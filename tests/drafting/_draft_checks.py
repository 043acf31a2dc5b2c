"""What every draft must be, checked on the loaded pack: quotes verbatim and unique, each
figure under the part whose text holds its number, each part's text the document's own,
and no paragraph of the document lost."""

from __future__ import annotations

from briefing.model import Node, Pack


def occurrences(text: str, piece: str) -> list[int]:
    found, at = [], text.find(piece)
    while at >= 0:
        found.append(at)
        at = text.find(piece, at + 1)
    return found


def own_spans(text: str, node: Node) -> list[tuple[int, int]]:
    """Where the node's own text and its heading are in the document."""
    spans = []
    for paragraph in node.text.zh.split("\n\n"):
        spans += [(at, at + len(paragraph)) for at in occurrences(text, paragraph)]
    if node.source:
        at = text.find(node.source.quote)
        spans.append((at, at + len(node.source.quote)))
    return spans


def check_quotes(pack: Pack) -> None:
    texts = {doc.id: doc.read() for doc in pack.documents}
    for node in pack.nodes():
        sources = [(node.id, node.source)] if node.source else []
        sources += [(fig.id, fig.source) for fig in node.figures]
        for ident, source in sources:
            found = occurrences(texts[source.doc], source.quote)
            assert len(found) == 1, f"{ident}: quote occurs {len(found)} times: {source.quote}"
        for paragraph in node.text.zh.split("\n\n"):
            if paragraph != node.title.zh:
                assert any(paragraph in t for t in texts.values()), (node.id, paragraph)


def check_placement(pack: Pack) -> None:
    """Each figure's number lies in the text of the part it sits under, and in no text of
    that part's own parts."""
    texts = {doc.id: doc.read() for doc in pack.documents}
    for node in pack.nodes():
        for fig in node.figures:
            text = texts[fig.source.doc]
            at = text.find(fig.source.quote) + fig.source.quote.find(fig.display)
            assert any(a <= at < b for a, b in own_spans(text, node)), (node.id, fig.id)
            for child in node.children:
                inside = [(a, b) for a, b in own_spans(text, child) if a <= at < b]
                assert not inside, f"{fig.id} belongs under {child.id}, not {node.id}"


def check_nothing_lost(pack: Pack, text: str, front: int) -> None:
    """Every line after the first ``front`` lines is a heading some part quotes or lies in
    the parts' texts."""
    covered = [False] * len(text)
    starts = set()
    for node in pack.nodes():
        for a, b in own_spans(text, node):
            covered[a:b] = [True] * (b - a)
        if node.source:
            starts.add(text.find(node.source.quote))
    at = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        words = line.strip()
        start = at + line.index(words) if words else at
        at += len(line)
        if number < front or not words:
            continue
        assert start in starts or all(covered[start:start + len(words)]), \
            f"line {number + 1} lost: {words[:30]}"

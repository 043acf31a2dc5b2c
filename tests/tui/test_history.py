from briefing.tui.history import History


def test_back_and_forward_like_a_browser():
    h = History()
    assert h.current is None and not h.can_back and not h.can_forward
    for item in ("a", "b", "c"):
        h.visit(item)
    assert h.back() == "b"
    assert h.back() == "a"
    assert h.back() is None
    assert h.forward() == "b"
    h.visit("d")  # visiting after going back drops the forward part
    assert h.forward() is None
    assert h.back() == "b"
    assert h.current == "b" and h.can_forward


def test_revisiting_the_current_item_is_not_a_step():
    h = History()
    h.visit("a")
    h.visit("a")
    assert len(h) == 1


def test_limit_drops_the_oldest():
    h = History(limit=3)
    for item in "abcd":
        h.visit(item)
    assert len(h) == 3
    assert h.back() == "c" and h.back() == "b" and h.back() is None

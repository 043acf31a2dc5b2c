"""The model's classes answer ``repr``, ``==``, ``hash``, pickling and assignment exactly as
``@dataclass(frozen=True, slots=True)`` classes with the same fields (see briefing.model.base)."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from briefing import model
from briefing.pack import bundled_pack_dir, load_pack

CLASSES = [model.Text, model.Source, model.Unit, model.Scope, model.Hedge, model.Baseline,
           model.Document, model.Figure, model.Node, model.ComparisonEntry, model.Comparison,
           model.Pack]


def reference(cls: type) -> type:
    """``cls`` as a plain ``@dataclass(frozen=True, slots=True)``: its fields, their flags."""
    specs = [(f.name, f.type, dataclasses.field(repr=f.repr, compare=f.compare, hash=f.hash))
             for f in dataclasses.fields(cls)]
    ref = dataclasses.make_dataclass(cls.__name__, specs, frozen=True, slots=True)
    ref.__qualname__ = cls.__qualname__
    return ref


def as_reference(obj, refs: dict):
    """``obj`` rebuilt as its reference class, model objects inside it too."""
    if isinstance(obj, tuple):
        return tuple(as_reference(x, refs) for x in obj)
    if type(obj) not in refs:
        return obj
    ref = refs[type(obj)]
    made = object.__new__(ref)
    for f in dataclasses.fields(obj):
        object.__setattr__(made, f.name, as_reference(getattr(obj, f.name), refs))
    return made


def every_object(pack: model.Pack) -> list:
    found = [pack, pack.title, *pack.documents, *pack.units, *pack.comparisons, *pack.scopes,
             *pack.hedges]
    for node in pack.nodes():
        found += [node, node.title, node.text, node.source, *node.figures]
    for fig in pack.figures():
        found += [fig.label, fig.source, fig.note]
    for cmp in pack.comparisons:
        found += [*cmp.entries, cmp.baseline, cmp.note]
    return [x for x in found if x is not None]


@pytest.fixture(scope="module")
def pack() -> model.Pack:
    return load_pack(bundled_pack_dir())


def test_every_class_is_a_frozen_slots_dataclass_on_frozen():
    for cls in CLASSES:
        assert dataclasses.is_dataclass(cls) and issubclass(cls, model.Frozen)
        assert cls.__dataclass_params__.frozen
        assert cls.__slots__ == tuple(f.name for f in dataclasses.fields(cls))
        assert "__init__" in vars(cls) and "__setattr__" in vars(cls)  # dataclasses' own


def test_repr_eq_and_hash_are_the_reference_dataclasses(pack):
    refs = {cls: reference(cls) for cls in CLASSES}
    objects = every_object(pack)
    assert {type(x) for x in objects} >= set(CLASSES) - {model.Scope, model.Hedge,
                                                           model.Baseline}
    objects += [model.Scope("s", model.Text("z", "e")), model.Hedge("超", "above", "over"),
                model.Baseline(model.Text("z", "e"), "fig")]
    for obj in objects:
        ref = as_reference(obj, refs)
        assert repr(obj) == repr(ref)
        assert hash(obj) == hash(ref)
        twin = pickle.loads(pickle.dumps(obj))
        assert twin == obj and twin.__ne__(obj) is False and hash(twin) == hash(obj)
        assert repr(twin) == repr(obj)
        assert obj != ref and obj.__eq__(ref) is NotImplemented
        assert obj.__eq__("x") is NotImplemented


def test_equality_is_over_the_compared_fields_only(pack):
    a, b = model.Text("研发", "R&D"), model.Text("研发", "R&D")
    assert a == b and a is not b and hash(a) == hash(b)
    assert a != model.Text("研发", "R and D") and a != ("研发", "R&D")
    # Pack's lookup tables are neither compared nor shown
    other = dataclasses.replace(pack, digest="x")
    assert other != pack and dataclasses.replace(other, digest=pack.digest) == pack
    assert "_nodes" not in repr(pack) and "digest=" in repr(pack)
    nan = float("nan")  # compared as one tuple: the same object equals itself, as before
    one = model.Text(nan, "x")  # type: ignore[arg-type]
    assert one == dataclasses.replace(one) and one != model.Text(float("nan"), "x")


def test_still_frozen():
    text = model.Text("a", "b")
    with pytest.raises(dataclasses.FrozenInstanceError):
        text.en = "c"
    with pytest.raises(dataclasses.FrozenInstanceError):
        del text.zh
    assert dataclasses.replace(text, en="c") == model.Text("a", "c")


def test_a_cycle_reads_as_dots():
    text = model.Text("a", "b")
    object.__setattr__(text, "en", [text])  # never made by the loader: only here
    assert repr(text) == "Text(zh='a', en=[...])"

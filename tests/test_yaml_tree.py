"""The event-built YAML tree: what each node remembers, and the exact place and words of each refusal."""

from __future__ import annotations

import pytest
import yaml

from hipfit_desktop.exercises import yaml_tree
from hipfit_desktop.exercises.yaml_tree import DataError, build


def refusal(text: str) -> DataError:
    with pytest.raises(DataError) as info:
        build(text, "f.yaml")
    return info.value


def test_anchors_and_tags_are_remembered_on_every_kind_of_node():
    root = build('a: &s 5\nb: &q "x"\nc: &m {k: 1}\nd:\n  &n !t\n  - 1\ne:\n  "on the next line"\n', "f.yaml")
    assert root is not None
    nodes = root.value
    assert [(nodes[k].anchor, nodes[k].tag) for k in "abcd"] == [("s", None), ("q", None), ("m", None), ("n", "!t")]
    assert nodes["d"].line == 4 and nodes["e"].line == 7 and nodes["e"].plain is False


def test_a_control_character_is_placed_after_the_last_line_break_of_any_kind():
    """Columns count from the last break (LF, CR, NEL, LS, PS), not the first, and never from an X."""
    error = refusal("a: 1\r\nb: 2\x85cX: 3\nXd: e\x07\n")
    assert (error.line, error.field) == (4, "")
    assert error.problem.startswith("control character U+0007 at column 6 ")
    assert refusal("\n\x07").problem.startswith("control character U+0007 at column 1 ")


def test_the_value_limit_counts_a_scalar_alias_once_and_a_collection_alias_whole(monkeypatch):
    monkeypatch.setattr(yaml_tree, "MAX_VALUES", 5)
    build("a: &s 1\nb: *s\nc: *s\n", "f.yaml")  # the mapping, 1, then 1 for each alias: 4
    build("a: &l [1]\nb: *l\n", "f.yaml")  # the mapping, the list and its item, then 2 again: 5
    error = refusal("a: &l [1]\nb: *l\nc: 1\n")
    assert (error.line, error.field) == (3, "")
    assert str(error) == ("f.yaml:3: more than 5 values (aliases count each time they are used): "
                          "this is not a HipFit file")
    assert refusal("a: 1\nb: 2\nc: 3\nd: 4\ne: [5]\n").line == 5  # passed by a list's start, on its line


def test_an_alias_cannot_be_a_key():
    error = refusal("a: &k key\nb:\n  *k : 1\n")
    assert str(error) == "f.yaml:3: b: keys must be plain words"
    assert str(refusal("a: &k key\n*k : 1\n")) == "f.yaml:2: (top): keys must be plain words"


def test_a_duplicate_key_keeps_every_letter_of_its_path():
    assert refusal("Xray: 1\nXray: 2\n").field == "Xray"
    assert refusal("a:\n  Xb: 1\n  Xb: 2\n").field == "a.Xb"


def test_a_second_document_is_refused_without_a_field():
    error = refusal("a: 1\n---\nb: 2\n")
    assert (error.line, error.field) == (2, "")


def test_a_yaml_error_without_a_place_still_names_the_file(monkeypatch):
    def broken(*args, **kwargs):
        raise yaml.YAMLError("the parser gave up")
        yield  # a generator, like yaml.parse

    monkeypatch.setattr(yaml, "parse", broken)
    error = refusal("a: 1\n")
    assert (str(error), error.line, error.field) == ("f.yaml: not valid YAML: the parser gave up", None, "")


def test_a_marked_error_without_a_mark_has_no_line(monkeypatch):
    def broken(*args, **kwargs):
        raise yaml.MarkedYAMLError(problem="lost its place")
        yield  # a generator, like yaml.parse

    monkeypatch.setattr(yaml, "parse", broken)
    error = refusal("a: 1\n")
    assert (str(error), error.line) == ("f.yaml: not valid YAML: lost its place", None)

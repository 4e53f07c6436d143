"""The strict YAML reader: what a hand-typed value is read as, and the exact message for each kind of mistake.

Every expected message is written out here as the user reads it (`file:line: field: problem`).
"""

from __future__ import annotations

import re

import pytest

from hipfit_desktop.exercises.strictyaml import DataError, Fields, check_int, check_text, load_file, load_text


def _id(value) -> str:
    """A test id of letters, digits and hyphens only, so each case can be run by its id."""
    return re.sub(r"[^A-Za-z0-9]+", "-", str(value)).strip("-")[:40] or "empty"


def message(text: str, read) -> str:
    """The message `read(Fields over text)` raises for the document `text`, as the user sees it."""
    with pytest.raises(DataError) as info:
        read(Fields(load_text(text, "f.yaml"), "f.yaml", ""))
    return str(info.value)


def load_message(text: str) -> str:
    with pytest.raises(DataError) as info:
        load_text(text, "f.yaml")
    return str(info.value)


# --- what plain and quoted scalars are read as ------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("a: 0", 0), ("a: 7", 7), ("a: 120", 120), ("a: -3", -3), ("a: +4", 4),
    ("a: true", True), ("a: false", False),
    ("a:", None), ("a: ~", None), ("a: null", None),
    ("a: True", "True"), ("a: yes", "yes"), ("a: 1:30", "1:30"), ("a: 010", "010"), ("a: 1.5", "1.5"),
    ("a: Null", "Null"), ("a: 12abc", "12abc"), ("a: abc12", "abc12"),
    ('a: "5"', "5"), ("a: 'true'", "true"), ('a: ""', ""), ('a: "null"', "null"), ("a: '~'", "~"),
    ("a: |\n  5\n", "5\n"), ("a: >-\n  true\n", "true"),
], ids=_id)
def test_scalars_keep_their_typed_meaning(text, value):
    """Only decimal integers, true/false and null/~/empty are not text; quoted and block values are always text."""
    node = load_text(text, "f.yaml").value["a"]
    assert node.value == value and type(node.value) is type(value)


@pytest.mark.parametrize("text, plain", [
    ("a: 5", True), ("a: x", True), ("a:", True), ('a: "x"', False), ("a: 'x'", False), ("a: |\n  x\n", False),
    ("a: >\n  x\n", False),
], ids=_id)
def test_quoted_and_block_values_are_marked_as_not_plain(text, plain):
    """The reader remembers whether a value was quoted, which decides the message about `"true"` or `"5"`."""
    assert load_text(text, "f.yaml").value["a"].plain is plain


def test_every_value_keeps_the_line_of_its_key():
    """Lines are 1-based and a nested block takes the line of its key, not the line below."""
    root = load_text("# a comment\nfirst: 1\nblock:\n  inner: x\nlist:\n  - a\n  - b\n", "f.yaml")
    assert root.line == 2
    assert [(key, node.line) for key, node in root.value.items()] == [("first", 2), ("block", 3), ("list", 5)]
    assert root.value["block"].value["inner"].line == 4
    assert [item.line for item in root.value["list"].value] == [6, 7]


# --- mistakes in the YAML itself --------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("a: 1\na: 2\n", "f.yaml:2: a: duplicate key (first given on line 1)"),
    ("a:\n  b: 1\n\n  b: 2\n", "f.yaml:4: a.b: duplicate key (first given on line 2)"),
    ("a:\n  - x\n  - b: 1\n    b: 2\n", "f.yaml:4: a[1].b: duplicate key (first given on line 3)"),
    ("a: [1, [2, {b: 3, b: 4}]]\n", "f.yaml:1: a[1][1].b: duplicate key (first given on line 1)"),
    ("[a, b]: 1\n", "f.yaml:1: (top): keys must be plain words"),
    ("a:\n  ? [x]\n  : 1\n", "f.yaml:2: a: keys must be plain words"),
    ("- a: 1\n  a: 2\n", "f.yaml:2: [0].a: duplicate key (first given on line 1)"),
    ("", "f.yaml:1: the file is empty"),
    ("# nothing\n\n", "f.yaml:1: the file is empty"),
    ("a: 1\n  b: 2\n", "f.yaml:2: not valid YAML: mapping values are not allowed in this context"),
    ("a: b\n---\nc: d\n", "f.yaml:2: more than one YAML document (---): a HipFit file holds one"),
    ("a: [1, 2\n", "f.yaml:2: not valid YAML: did not find expected ',' or ']'"),
], ids=["duplicate-top", "duplicate-nested", "duplicate-in-list", "duplicate-flow", "list-key", "nested-list-key",
        "duplicate-in-top-list", "empty", "comment-only", "bad-indent",
        "two-documents", "unclosed-list"])
def test_yaml_mistakes_are_reported_with_line_and_field(text, expected):
    """Duplicate keys, odd keys, merge keys, empty files and broken syntax each get their own located message."""
    assert load_message(text) == expected


def test_a_control_character_is_reported_with_its_line_and_column():
    """A stray control character names the line and column where it stands, not a character position."""
    with pytest.raises(DataError) as info:
        load_text("a: 1\nb: x\x07y\n", "f.yaml")
    assert str(info.value) == ("f.yaml:2: control character U+0007 at column 5 is not allowed in YAML "
                               "(delete it or write it as an escape in double quotes)")


@pytest.mark.parametrize("text, line", [("a: b\n---\nc: d\n", 2), ("<<: {b: 1}\n", 1),
                                        ("a: &x {b: 1}\nc:\n  <<: *x\n", 3)], ids=["two", "top", "nested"])
def test_a_merge_key_is_an_error_for_that_key_only(text, line):
    """`<<` is read as a key; the reader of that mapping names it, so the rest of the file still loads."""
    if "---" in text:
        assert load_message(text) == "f.yaml:2: more than one YAML document (---): a HipFit file holds one"
        return
    root = load_text(text, "f.yaml")
    fields = Fields(root.value["c"], "f.yaml", "c") if "c" in root.value else Fields(root, "f.yaml", "")
    with pytest.raises(DataError) as info:
        fields.finish()
    assert info.value.line == line
    assert str(info.value).endswith("<<: merge keys (<<) are not supported: write the keys out")


# --- reading files ----------------------------------------------------------------------------------------

def test_a_file_is_named_by_its_display_name(tmp_path):
    """Messages about a file name it as the caller asked (e.g. `data/routines.yaml`), or else by its path."""
    path = tmp_path / "r.yaml"
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    with pytest.raises(DataError) as named:
        load_file(path, "data/r.yaml")
    assert str(named.value) == "data/r.yaml:2: a: duplicate key (first given on line 1)"
    with pytest.raises(DataError) as unnamed:
        load_file(path)
    assert str(unnamed.value) == f"{path}:2: a: duplicate key (first given on line 1)"
    path.write_text("a: 1\nb: 2\n", encoding="utf-8")
    assert load_file(path).value["b"].value == 2


def test_a_file_in_another_encoding_names_the_line_and_byte(tmp_path):
    """A Latin-1 file is refused as not UTF-8, with the line and byte offset of the first bad byte."""
    path = tmp_path / "r.yaml"
    path.write_bytes(b"a: 1\nb: 2\nc: caf\xe9\n")
    with pytest.raises(DataError) as info:
        load_file(path, "r.yaml")
    assert str(info.value) == "r.yaml:3: not UTF-8 text (invalid continuation byte at byte 16)"
    assert info.value.field == ""


def test_a_file_that_cannot_be_read_says_why(tmp_path):
    """A missing file is reported by name with the system's reason, and without a line."""
    with pytest.raises(DataError) as info:
        load_file(tmp_path / "gone.yaml", "gone.yaml")
    assert str(info.value) == "gone.yaml: cannot be read (No such file or directory)"
    assert (info.value.line, info.value.field) == (None, "")


# --- the checks on one field ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("n: 1:30", "f.yaml:1: n: YAML 1.1 reads '1:30' as 90 (base 60); write whole seconds as 90"),
    ("n: +1:30", "f.yaml:1: n: YAML 1.1 reads '+1:30' as 90 (base 60); write whole seconds as 90"),
    ("n: -1:30", "f.yaml:1: n: YAML 1.1 reads '-1:30' as -90 (base 60); write whole seconds as -90"),
    ("n: 1:02:03", "f.yaml:1: n: YAML 1.1 reads '1:02:03' as 3723 (base 60); write whole seconds as 3723"),
    ("n: 010", "f.yaml:1: n: YAML 1.1 reads '010' as the octal number 8; write it without the leading zero"),
    ("n: -017", "f.yaml:1: n: YAML 1.1 reads '-017' as the octal number -15; write it without the leading zero"),
    ("n: 09", "f.yaml:1: n: leading zeros are not allowed; write 9"),
    ("n: 0080", "f.yaml:1: n: leading zeros are not allowed; write 80"),
    ("n: 1.5", "f.yaml:1: n: '1.5' is not a whole number"),
    ("n: .5", "f.yaml:1: n: '.5' is not a whole number"),
    ("n: 5.", "f.yaml:1: n: '5.' is not a whole number"),
    ("n: -2.5e3", "f.yaml:1: n: '-2.5e3' is not a whole number"),
    ("n: 2.5E3", "f.yaml:1: n: '2.5E3' is not a whole number"),
    ("n: yes", "f.yaml:1: n: 'yes' is ambiguous in YAML; write true or false"),
    ("n: fifteen", "f.yaml:1: n: expected a whole number, got 'fifteen' (text)"),
    ("n: 1:60", "f.yaml:1: n: expected a whole number, got '1:60' (text)"),
    ("n: 1e3", "f.yaml:1: n: expected a whole number, got '1e3' (text)"),
    ("n: 0x10", "f.yaml:1: n: expected a whole number, got '0x10' (text)"),
    ("n: '010'", "f.yaml:1: n: expected a whole number, got '010' (text)"),
    ('n: "5"', "f.yaml:1: n: expected a whole number, got '5' (text)"),
    ("n: true", "f.yaml:1: n: expected a whole number, got true (a boolean)"),
    ("n: false", "f.yaml:1: n: expected a whole number, got false (a boolean)"),
    ("n: [1]", "f.yaml:1: n: expected a whole number, got a list"),
    ("n: {a: 1}", "f.yaml:1: n: expected a whole number, got a mapping"),
    ("n:", "f.yaml:1: n: missing"),
    ("n: ~", "f.yaml:1: n: missing"),
    ("n: null", "f.yaml:1: n: missing"),
    ("m: 1", "f.yaml:1: n: missing"),
    ("n: 2", "f.yaml:1: n: 2 is out of range (3 to 9)"),
    ("n: 10", "f.yaml:1: n: 10 is out of range (3 to 9)"),
], ids=_id)
def test_integer_field_messages(text, expected):
    """A whole-number field names the YAML 1.1 trap, the wrong type, a missing value or the allowed range."""
    assert message(text, lambda f: f.integer("n", 3, 9)) == expected


@pytest.mark.parametrize("text, value", [("n: 3", 3), ("n: 9", 9), ("n: 5", 5)], ids=_id)
def test_integer_field_accepts_both_ends_of_its_range(text, value):
    """The lowest and the highest allowed numbers are accepted as written."""
    assert Fields(load_text(text, "f.yaml"), "f.yaml", "").integer("n", 3, 9) == value


@pytest.mark.parametrize("text", ["m: 1", "n:", "n: ~"], ids=_id)
def test_optional_fields_left_out_give_their_default(text):
    """An optional field that is absent or empty gives the caller's default, whatever its type."""
    fields = Fields(load_text(text, "f.yaml"), "f.yaml", "")
    assert fields.integer("n", 0, 9, required=False, default=4) == 4
    assert fields.boolean("n", required=False, default=True) is True
    assert fields.text("n", required=False, default="d") == "d"
    assert fields.choice("n", ("a",), required=False, default="a") == "a"
    assert fields.items("n", required=False) == []
    assert fields.texts("n", required=False) == []
    assert fields.mapping("n", required=False) is None
    assert fields.integer("n", 0, 9, required=False) is None


@pytest.mark.parametrize("text, expected", [
    ('b: "true"', "f.yaml:1: b: write true or false without quotes"),
    ("b: 'false'", "f.yaml:1: b: write true or false without quotes"),
    ("b: no", "f.yaml:1: b: 'no' is ambiguous in YAML; write true or false"),
    ("b: Off", "f.yaml:1: b: 'Off' is ambiguous in YAML; write true or false"),
    ("b: ON", "f.yaml:1: b: 'ON' is ambiguous in YAML; write true or false"),
    ("b: y", "f.yaml:1: b: 'y' is ambiguous in YAML; write true or false"),
    ("b: N", "f.yaml:1: b: 'N' is ambiguous in YAML; write true or false"),
    ("b: True", "f.yaml:1: b: 'True' is ambiguous in YAML; write true or false"),
    ("b: FALSE", "f.yaml:1: b: 'FALSE' is ambiguous in YAML; write true or false"),
    ('b: "yes"', "f.yaml:1: b: 'yes' is ambiguous in YAML; write true or false"),
    ("b: 1", "f.yaml:1: b: expected true or false, got 1 (a number)"),
    ("b: 0", "f.yaml:1: b: expected true or false, got 0 (a number)"),
    ("b: maybe", "f.yaml:1: b: expected true or false, got 'maybe' (text)"),
    ("b: [true]", "f.yaml:1: b: expected true or false, got a list"),
    ("c: true", "f.yaml:1: b: missing"),
], ids=_id)
def test_boolean_field_messages(text, expected):
    """A true/false field says to drop quotes, names the ambiguous YAML 1.1 words, or says what it got."""
    assert message(text, lambda f: f.boolean("b")) == expected


@pytest.mark.parametrize("text, value", [("b: true", True), ("b: false", False)], ids=_id)
def test_boolean_field_reads_true_and_false(text, value):
    """`true` and `false` are read as the booleans they say."""
    assert Fields(load_text(text, "f.yaml"), "f.yaml", "").boolean("b") is value


def test_text_field_is_trimmed_and_may_be_exactly_its_maximum_length():
    """Text is stripped of surrounding spaces; a value of exactly the maximum length is accepted."""
    fields = Fields(load_text(f"t: '  {'x' * 10}  '\nu: {'y' * 10}\n", "f.yaml"), "f.yaml", "")
    assert fields.text("t", max_length=14) == "x" * 10
    assert fields.text("u", max_length=10) == "y" * 10


@pytest.mark.parametrize("text, expected", [
    ("t: abcdefghijk", "f.yaml:1: t: too long (11 characters, at most 10)"),
    ("t: '   '", "f.yaml:1: t: must not be blank"),
    ('t: ""', "f.yaml:1: t: must not be blank"),
    ("t: 5", "f.yaml:1: t: expected text, got 5 (a number)"),
    ("t: true", "f.yaml:1: t: expected text, got true (a boolean)"),
    ("t: {a: b}", "f.yaml:1: t: expected text, got a mapping"),
    ("t: [a]", "f.yaml:1: t: expected text, got a list"),
    ("u: a", "f.yaml:1: t: missing"),
], ids=_id)
def test_text_field_messages(text, expected):
    """A text field refuses numbers, blanks, lists and text longer than its limit, saying which."""
    assert message(text, lambda f: f.text("t", max_length=10)) == expected


def test_text_field_default_limit_is_2000_characters():
    """Without a stated limit, text may be 2000 characters long but not 2001."""
    fields = Fields(load_text(f"ok: {'a' * 2000}\nlong: {'b' * 2001}\n", "f.yaml"), "f.yaml", "")
    assert fields.text("ok") == "a" * 2000
    with pytest.raises(DataError) as info:
        fields.text("long")
    assert str(info.value) == "f.yaml:2: long: too long (2001 characters, at most 2000)"
    fields = Fields(load_text(f"ok: [{'a' * 2000}]\nlong: [{'b' * 2001}]\n", "f.yaml"), "f.yaml", "")
    assert fields.texts("ok") == ["a" * 2000]
    with pytest.raises(DataError) as info:
        fields.texts("long")
    assert str(info.value) == "f.yaml:2: long[0]: too long (2001 characters, at most 2000)"
    assert check_text(load_text(f"t: {'c' * 2000}", "f.yaml").value["t"], "f.yaml", "t") == "c" * 2000
    with pytest.raises(DataError) as info:
        check_text(load_text(f"t: {'d' * 2001}", "f.yaml").value["t"], "f.yaml", "t")
    assert str(info.value) == "f.yaml:1: t: too long (2001 characters, at most 2000)"


@pytest.mark.parametrize("text, expected", [
    (f"t: {'a' * 40}", f"f.yaml:1: t: expected one of x, y, got '{'a' * 40}' (text)"),
    (f"t: {'a' * 41}", f"f.yaml:1: t: expected one of x, y, got '{'a' * 37}...' (text)"),
    ("t: z", "f.yaml:1: t: expected one of x, y, got 'z' (text)"),
    ("t: 3", "f.yaml:1: t: expected one of x, y, got 3 (a number)"),
    ("t: ~", "f.yaml:1: t: missing"),
], ids=["40-chars-shown-whole", "41-chars-cut", "other-word", "number", "null"])
def test_choice_field_messages(text, expected):
    """A choice lists what is allowed and shows what was given, cutting long text to 40 characters."""
    assert message(text, lambda f: f.choice("t", ("x", "y"))) == expected


@pytest.mark.parametrize("text, expected", [
    ("l: a", "f.yaml:1: l: expected a list, got 'a' (text)"),
    ("l: {a: 1}", "f.yaml:1: l: expected a list, got a mapping"),
    ("l: [a, 5]", "f.yaml:1: l[1]: expected text, got 5 (a number)"),
    ("l: [a, b, '']", "f.yaml:1: l[2]: must not be blank"),
    ("l:\n  - a\n  - ~\n", "f.yaml:3: l[1]: expected text, got nothing"),
], ids=_id)
def test_list_of_texts_messages(text, expected):
    """A list field refuses a single value, and each item is checked and named by its index."""
    assert message(text, lambda f: f.texts("l")) == expected


def test_list_of_texts_keeps_order_and_trims():
    """The items of a text list come back in order, trimmed."""
    fields = Fields(load_text("l: [' b ', a]\n", "f.yaml"), "f.yaml", "")
    assert fields.texts("l") == ["b", "a"]


@pytest.mark.parametrize("text, expected", [
    ("m: 5", "f.yaml:1: m: expected a mapping, got 5 (a number)"),
    ("m: [a]", "f.yaml:1: m: expected a mapping, got a list"),
    ("m:", "f.yaml:1: m: missing"),
], ids=_id)
def test_mapping_field_messages(text, expected):
    """A block that should hold keys says so when it holds something else or nothing."""
    assert message(text, lambda f: f.mapping("m")) == expected


def test_the_top_of_a_file_must_be_a_mapping():
    """A file that is a list or a single word is refused at `(top)`."""
    with pytest.raises(DataError) as info:
        Fields(load_text("- a\n", "f.yaml"), "f.yaml", "")
    assert str(info.value) == "f.yaml:1: (top): expected a mapping, got a list"
    with pytest.raises(DataError) as info:
        Fields(load_text("\n\nhello\n", "f.yaml"), "f.yaml", "")
    assert str(info.value) == "f.yaml:3: (top): expected a mapping, got 'hello' (text)"


def test_nested_fields_are_named_by_their_dotted_path():
    """A problem inside a nested block names the full path, e.g. `outer.inner.n`."""
    def read(top):
        outer = top.mapping("outer")
        outer.mapping("inner").integer("n", 0, 5)

    assert message("outer:\n  inner:\n    n: 6\n", read) == "f.yaml:3: outer.inner.n: 6 is out of range (0 to 5)"
    assert message("outer:\n  other: 1\n", read) == "f.yaml:1: outer.inner: missing"


def test_unknown_key_lists_the_known_keys_in_order():
    """A key nobody asked for is refused at its line, with the keys that are read there, sorted."""
    def read(top):
        top.integer("b", 0, 9)
        top.integer("a", 0, 9)
        top.finish(allowed_extra=("c",))

    assert message("b: 1\na: 2\nzz: 3\n", read) == "f.yaml:3: zz: unknown key (known keys here: a, b, c)"
    assert message("zz: 3\nyy: 4\n", lambda top: top.finish()) == "f.yaml:1: zz: unknown key (known keys here: none)"


def test_finish_accepts_keys_that_were_read_or_allowed():
    """A mapping whose keys were all read, or allowed without being read, passes the unknown-key check."""
    fields = Fields(load_text("a: 1\nb: 2\n", "f.yaml"), "f.yaml", "")
    fields.integer("a", 0, 9)
    fields.finish(allowed_extra=("b",))


def test_a_raw_value_is_required_unless_said_otherwise():
    """Asking for a key's raw value without saying it is optional reports it missing when absent or empty."""
    fields = Fields(load_text("a: 1\nb:\n", "f.yaml"), "f.yaml", "")
    assert fields.raw("a").value == 1
    for key in ("b", "c"):
        with pytest.raises(DataError) as info:
            fields.raw(key)
        assert str(info.value) == f"f.yaml:{2 if key == 'b' else 1}: {key}: missing"
    assert fields.raw("c", required=False) is None


def test_has_says_whether_a_key_was_written():
    """`has` is true for a written key, even an empty one, and false for an absent one."""
    fields = Fields(load_text("a: 1\nb:\n", "f.yaml"), "f.yaml", "")
    assert (fields.has("a"), fields.has("b"), fields.has("c")) == (True, True, False)


def test_an_error_about_a_key_names_its_line_or_the_mappings_line():
    """A problem raised about a key points at that key's line, or at its mapping when the key is absent."""
    fields = Fields(load_text("x: 0\nm:\n  a: 1\n  b: 2\n", "f.yaml"), "f.yaml", "").mapping("m")
    assert str(fields.error("b", "too big")) == "f.yaml:4: m.b: too big"
    assert str(fields.error("c", "needed")) == "f.yaml:2: m.c: needed"


def test_check_int_and_check_text_report_the_field_they_are_given():
    """The standalone checks name the file, the value's line and the field the caller gives."""
    node = load_text("a: 1\nb: 7\n", "f.yaml").value["b"]
    assert check_int(node, "g.yaml", "x[0]", 7, 7) == 7
    with pytest.raises(DataError) as info:
        check_int(node, "g.yaml", "x[0]", 8, 9)
    assert str(info.value) == "g.yaml:2: x[0]: 7 is out of range (8 to 9)"
    with pytest.raises(DataError) as info:
        check_text(node, "g.yaml", "x[1]")
    assert str(info.value) == "g.yaml:2: x[1]: expected text, got 7 (a number)"


def test_data_error_keeps_its_parts():
    """A DataError carries the file, line, field and problem it prints, and reads well without a field or line."""
    error = DataError("f.yaml", 3, "a.b", "bad")
    assert (error.file, error.line, error.field, error.problem, str(error)) == ("f.yaml", 3, "a.b", "bad",
                                                                              "f.yaml:3: a.b: bad")
    assert str(DataError("f.yaml", None, "a", "bad")) == "f.yaml: a: bad"
    assert str(DataError("f.yaml", 0, "", "bad")) == "f.yaml:0: bad"

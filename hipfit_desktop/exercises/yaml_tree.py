"""YAML text to a tree of `Node`s, built from the parser's events with limits a hostile file cannot pass.

PyYAML's composer expands every alias in full when the tree is walked (a 610-byte "billion laughs" file
needed over 4 GB), recurses once per nesting level (`RecursionError` at a few hundred), and `int()` of a
5 000-digit number raises Python's conversion-limit ValueError. Here the tree is built in one loop over the
events (no recursion), an alias is the same `Node` object again (no copy), and the limits below are checked
as the events come, each failure a `DataError` with the line it stands on. docs/DATA_FORMAT.md, Limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

try:  # the C parser is much faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 32  # nesting levels; the shipped files use 6
MAX_VALUES = 100_000  # values in the file, an alias counting everything it stands for each time it is used
MAX_DIGITS = 18  # a whole number longer than this is text to the reader, and `check_int` says why

# Characters YAML does not allow in a file (C0 and C1 controls but tab and line breaks, DEL, non-characters).
_FORBIDDEN = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_INT = re.compile(rf"[-+]?(0|[1-9][0-9]{{0,{MAX_DIGITS - 1}}})\Z")
_NULLS = {"", "~", "null"}


class DataError(Exception):
    """One problem in a data file, located: `file:line: field: problem`."""

    def __init__(self, file: str, line: int | None, field: str, problem: str) -> None:
        self.file, self.line, self.field, self.problem = file, line, field, problem
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {field}: {problem}" if field else f"{where}: {problem}")


@dataclass(frozen=True)
class Node:
    """A value read from YAML with where it stood."""

    value: Any  # dict[str, Node] | list[Node] | int | bool | None | str
    line: int  # 1-based
    plain: bool = True  # False for quoted, block or tagged scalars: they are always strings
    tag: str | None = None  # an explicit tag (`!name`), kept so a save can write it back
    anchor: str | None = None  # the anchor's name (`&name`), kept so a save can write the alias back


def _scalar(event: yaml.ScalarEvent) -> Node:
    line = event.start_mark.line + 1
    text = event.value
    if event.style or event.tag is not None:
        return Node(text, line, plain=False, tag=event.tag, anchor=event.anchor)
    value: Any = text
    if text in _NULLS:
        value = None
    elif text in ("true", "false"):
        value = text == "true"
    elif _INT.match(text):
        value = int(text)
    return Node(value, line, anchor=event.anchor)


def line_of(text: str, position: int) -> int:
    """The 1-based line of a character position, counting line breaks as YAML does."""
    return len(_LINE_BREAK.findall(text, 0, position)) + 1


def check_characters(text: str, file: str) -> None:
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        start = max(text.rfind(c, 0, bad.start()) for c in "\n\r\x85\u2028\u2029") + 1
        raise DataError(file, line_of(text, bad.start()), "",
                        f"control character U+{ord(bad.group()):04X} at column {bad.start() - start + 1} "
                        "is not allowed in YAML (delete it or write it as an escape in double quotes)")


class _Builder:
    """Turns events into nodes. `frames` holds the open collections: [node, anchor, values before it, path]."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.frames: list[list[Any]] = []
        self.keys: list[tuple[str, int] | None] = []  # per open collection: a mapping's key awaiting its value
        self.anchors: dict[str, tuple[Node, int]] = {}  # finished anchored nodes and the values each stands for
        self.open_anchors: set[str] = set()
        self.values = 0
        self.root: Node | None = None

    def count(self, amount: int, line: int) -> None:
        self.values += amount
        if self.values > MAX_VALUES:
            raise DataError(self.file, line, "", f"more than {MAX_VALUES:,} values (aliases count each time they "
                                                 "are used): this is not a HipFit file")

    def event(self, event: yaml.Event) -> None:
        line = event.start_mark.line + 1
        if isinstance(event, yaml.ScalarEvent):
            if self.wants_key():
                self.keys[-1] = (event.value, line)  # a key is its text as typed: `1` and `true` are words here
                return
            self.count(1, line)
            node = _scalar(event)
            if event.anchor is not None:
                self.anchors[event.anchor] = (node, 1)
            self.finished(node)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if self.wants_key():
                raise DataError(self.file, line, self.frames[-1][3] or "(top)", "keys must be plain words")
            if len(self.frames) >= MAX_DEPTH:
                raise DataError(self.file, line, self.child_path(), f"nested more than {MAX_DEPTH} levels deep")
            self.count(1, line)
            mapping = isinstance(event, yaml.MappingStartEvent)
            node = Node({} if mapping else [], line, tag=event.tag, anchor=event.anchor)
            if event.anchor is not None:
                self.open_anchors.add(event.anchor)
            self.frames.append([node, event.anchor, self.values - 1, self.child_path()])
            self.keys.append(None)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            node, anchor, before, _ = self.frames.pop()
            self.keys.pop()
            if anchor is not None:
                self.open_anchors.discard(anchor)
                self.anchors[anchor] = (node, self.values - before)
            self.finished(node)
        elif isinstance(event, yaml.AliasEvent):
            if self.wants_key():
                raise DataError(self.file, line, self.frames[-1][3] or "(top)", "keys must be plain words")
            self.alias(event.anchor, line)
        elif isinstance(event, yaml.DocumentStartEvent) and self.root is not None:
            raise DataError(self.file, line, "", "more than one YAML document (---): a HipFit file holds one")

    def wants_key(self) -> bool:
        return bool(self.frames) and isinstance(self.frames[-1][0].value, dict) and self.keys[-1] is None

    def child_path(self) -> str:
        """The dotted field path of the value about to be added to the innermost open collection."""
        if not self.frames:
            return ""
        parent, path = self.frames[-1][0], self.frames[-1][3]
        if isinstance(parent.value, list):
            return f"{path}[{len(parent.value)}]"
        key = self.keys[-1]
        assert key is not None
        return f"{path}.{key[0]}" if path else key[0]

    def alias(self, name: str, line: int) -> None:
        if name in self.open_anchors:
            raise DataError(self.file, line, self.child_path(),
                            f"the alias *{name} is inside its own anchor &{name} (a loop)")
        if name not in self.anchors:
            raise DataError(self.file, line, self.child_path(), f"the alias *{name} names no anchor above it")
        node, size = self.anchors[name]
        self.count(size, line)
        self.finished(node)

    def finished(self, node: Node) -> None:
        if not self.frames:
            self.root = node
            return
        parent = self.frames[-1][0]
        if isinstance(parent.value, list):
            parent.value.append(node)
            return
        key = self.keys[-1]
        assert key is not None
        name, key_line = key
        self.keys[-1] = None
        if name in parent.value:
            raise DataError(self.file, key_line, f"{self.frames[-1][3]}.{name}".lstrip("."),
                            f"duplicate key (first given on line {parent.value[name].line})")
        # A nested block starts on the line after its key; messages about the field should name the key's line.
        parent.value[name] = node if node.line == key_line else _at_line(node, key_line)


def _at_line(node: Node, line: int) -> Node:
    # A shallow copy: an aliased collection stays one object, so a save can write it once with its alias.
    return Node(node.value, line, node.plain, node.tag, node.anchor)


def build(text: str, file: str) -> Node | None:
    """The tree of `text`, or None for an empty document. Raises DataError."""
    check_characters(text, file)
    builder = _Builder(file)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.event(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(file, line, "", f"not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise DataError(file, None, "", f"not valid YAML: {exc}") from None
    return builder.root

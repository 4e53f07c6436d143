"""A strict YAML reader that keeps line numbers and refuses YAML 1.1's surprises.

PyYAML's safe loader reads `1:30` as 90, `010` as 8 and `no` as False, and keeps the last of two duplicate
keys. Data typed by hand must not change meaning silently, so plain scalars here are only: decimal integers
without leading zeros, `true`/`false`, `null`/`~`/empty, and otherwise strings. The validating code sees the
original text of every scalar and can name the trap (see `Str.yaml11_meaning`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..system.safe_files import read_limited
from .yaml_tree import MAX_DIGITS, DataError, Node, build, line_of

__all__ = ["DataError", "Fields", "Node", "check_int", "check_text", "load_file", "load_text", "yaml11_meaning"]

_LONG_INT = re.compile(r"[-+]?[0-9]+\Z")


def load_text(text: str, file: str) -> Node:
    """Parse `text`; `file` is only used in messages. Raises DataError."""
    root = build(text, file)
    if root is None:
        raise DataError(file, 1, "", "the file is empty")
    return root


def load_file(path: Path, display_name: str | None = None) -> Node:
    """Read and parse a user's file: a regular file of at most 1 MB (`safe_files.read_limited`)."""
    name = display_name or str(path)
    try:
        data = read_limited(path)
    except OSError as exc:
        raise DataError(name, None, "", f"cannot be read ({exc.strerror or exc})") from None
    return load_text(decode(data, name), name)


def decode(data: bytes, file: str) -> str:
    try:
        return data.decode()  # UTF-8
    except UnicodeDecodeError as exc:
        text = data[: exc.start].decode()
        raise DataError(file, line_of(text, len(text)), "",
                        f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def yaml11_meaning(text: str) -> str | None:
    """What YAML 1.1 (and so most YAML readers) would have made of a plain scalar we keep as text."""
    if _LONG_INT.match(text) and len(text.lstrip("+-")) > MAX_DIGITS:  # never int() it: 4 300 digits raise
        return f"a number with {len(text.lstrip('+-'))} digits is far out of range (at most {MAX_DIGITS} digits)"
    if len(text) > 100:  # nothing below is that long, and int() of a long part would be slow or raise
        return None
    if re.fullmatch(r"[-+]?[0-9]+(:[0-5]?[0-9])+", text):
        total = 0
        for part in text.lstrip("+-").split(":"):
            total = total * 60 + int(part)
        if text.startswith("-"):
            total = -total
        return f"YAML 1.1 reads {text!r} as {total} (base 60); write whole seconds as {total}"
    if re.fullmatch(r"[-+]?0[0-7]+", text):
        return f"YAML 1.1 reads {text!r} as the octal number {int(text, 8)}; write it without the leading zero"
    if re.fullmatch(r"[-+]?0[0-9]+", text):
        return f"leading zeros are not allowed; write {int(text)}"
    if text.lower() in ("yes", "no", "on", "off", "y", "n", "true", "false"):
        return f"{text!r} is ambiguous in YAML; write true or false"
    if re.fullmatch(r"[-+]?([0-9]*\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?", text):
        return f"{text!r} is not a whole number"
    return None


MERGE_KEY_PROBLEM = "merge keys (<<) are not supported: write the keys out"


class Fields:
    """Reads the keys of one YAML mapping with checks; `finish()` rejects the keys nobody asked for.

    Each getter raises DataError naming the file, the line and the dotted field path.
    """

    def __init__(self, node: Node, file: str, path: str) -> None:
        if not isinstance(node.value, dict):
            raise DataError(file, node.line, path or "(top)", f"expected a mapping, got {_describe(node)}")
        self.node, self.file, self.path = node, file, path
        self._seen: set[str] = set()

    def field(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str, problem: str) -> DataError:
        node = self.node.value.get(key)
        return DataError(self.file, node.line if node else self.node.line, self.field(key), problem)

    def has(self, key: str) -> bool:
        return key in self.node.value

    def raw(self, key: str, required: bool = True) -> Node | None:
        self._seen.add(key)
        node = self.node.value.get(key)
        if node is None or (node.value is None and node.plain):
            if required:
                raise DataError(self.file, node.line if node else self.node.line, self.field(key), "missing")
            return None
        return node

    def integer(self, key: str, low: int, high: int, required: bool = True, default: Any = None) -> Any:
        node = self.raw(key, required)
        if node is None:
            return default
        return check_int(node, self.file, self.field(key), low, high)

    def boolean(self, key: str, required: bool = True, default: Any = None) -> Any:
        node = self.raw(key, required)
        if node is None:
            return default
        if not isinstance(node.value, bool) or not node.plain:
            quoted = not node.plain and node.value in ("true", "false")
            hint = "write true or false without quotes" if quoted else \
                yaml11_meaning(node.value) if isinstance(node.value, str) else None
            problem = hint or f"expected true or false, got {_describe(node)}"
            raise DataError(self.file, node.line, self.field(key), problem)
        return node.value

    def text(self, key: str, required: bool = True, default: Any = None, max_length: int = 2000) -> Any:
        node = self.raw(key, required)
        if node is None:
            return default
        return check_text(node, self.file, self.field(key), max_length)

    def choice(self, key: str, choices: tuple[str, ...], required: bool = True, default: Any = None) -> Any:
        node = self.raw(key, required)
        if node is None:
            return default
        if not isinstance(node.value, str) or node.value not in choices:
            raise DataError(self.file, node.line, self.field(key),
                            f"expected one of {', '.join(choices)}, got {_describe(node)}")
        return node.value

    def items(self, key: str, required: bool = True) -> list[Node]:
        node = self.raw(key, required)
        if node is None:
            return []
        if not isinstance(node.value, list):
            raise DataError(self.file, node.line, self.field(key), f"expected a list, got {_describe(node)}")
        return node.value

    def texts(self, key: str, required: bool = True, max_length: int = 2000) -> list[str]:
        return [check_text(item, self.file, f"{self.field(key)}[{i}]", max_length)
                for i, item in enumerate(self.items(key, required))]

    def mapping(self, key: str, required: bool = True) -> Fields | None:
        node = self.raw(key, required)
        if node is None:
            return None
        return Fields(node, self.file, self.field(key))

    def finish(self, allowed_extra: tuple[str, ...] = ()) -> None:
        known_keys = self._seen | set(allowed_extra)
        unknown = [k for k in self.node.value if k not in known_keys]
        if unknown:
            key = unknown[0]
            known = ", ".join(sorted(known_keys)) or "none"
            problem = MERGE_KEY_PROBLEM if key == "<<" else f"unknown key (known keys here: {known})"
            raise DataError(self.file, self.node.value[key].line, self.field(key), problem)


def check_int(node: Node, file: str, field: str, low: int, high: int) -> int:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int) or not node.plain:
        hint = yaml11_meaning(value) if isinstance(value, str) and node.plain else None
        raise DataError(file, node.line, field, hint or f"expected a whole number, got {_describe(node)}")
    if not low <= value <= high:
        raise DataError(file, node.line, field, f"{value} is out of range ({low} to {high})")
    return value


def check_text(node: Node, file: str, field: str, max_length: int = 2000) -> str:
    value = node.value
    if not isinstance(value, str):
        raise DataError(file, node.line, field, f"expected text, got {_describe(node)}")
    if not value.strip():
        raise DataError(file, node.line, field, "must not be blank")
    if len(value) > max_length:
        raise DataError(file, node.line, field, f"too long ({len(value)} characters, at most {max_length})")
    return value.strip()


def _describe(node: Node) -> str:
    value = node.value
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, int):
        return f"{value} (a number)"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"{shown!r} (text)"
    if isinstance(value, list):
        return "a list"
    return "a mapping"

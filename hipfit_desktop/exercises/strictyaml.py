"""A strict YAML reader that keeps line numbers and refuses YAML 1.1's surprises.

PyYAML's safe loader reads `1:30` as 90, `010` as 8 and `no` as False, and keeps the last of two duplicate
keys. Data typed by hand must not change meaning silently, so plain scalars here are only: decimal integers
without leading zeros, `true`/`false`, `null`/`~`/empty, and otherwise strings. The validating code sees the
original text of every scalar and can name the trap (see `Str.yaml11_meaning`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

try:  # the C parser is much faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class DataError(Exception):
    """One problem in a data file, located: `file:line: field: problem`."""

    def __init__(self, file: str, line: int | None, field: str, problem: str) -> None:
        self.file, self.line, self.field, self.problem = file, line, field, problem
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {field}: {problem}" if field else f"{where}: {problem}")


_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_NULLS = {"", "~", "null"}


@dataclass(frozen=True)
class Node:
    """A value read from YAML with where it stood."""

    value: Any  # dict[str, Node] | list[Node] | int | bool | None | str
    line: int  # 1-based
    plain: bool = True  # False for quoted or block scalars: they are always strings


def _scalar(node: yaml.ScalarNode) -> Any:
    text = node.value
    quoted = node.style is not None and node.style != ""
    if quoted:
        return text
    if text in _NULLS:
        return None
    if text in ("true", "false"):
        return text == "true"
    if _INT.match(text):
        return int(text)
    return text


def _convert(node: yaml.Node, file: str, path: str) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return Node(_scalar(node), line, plain=node.style in (None, ""))
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, file, f"{path}[{i}]") for i, item in enumerate(node.value)], line)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise DataError(file, key_line, path or "(top)", "keys must be plain words")
            key = key_node.value
            if key == "<<":
                raise DataError(file, key_line, path or "(top)", "merge keys (<<) are not supported")
            field = f"{path}.{key}" if path else key
            if key in result:
                raise DataError(file, key_line, field, f"duplicate key (first given on line {result[key].line})")
            # A nested block starts on the line after its key; messages about the field should name the key's line.
            result[key] = replace(_convert(value_node, file, field), line=key_line)
        return Node(result, line)
    raise DataError(file, line, path, "unsupported YAML node")  # pragma: no cover


def load_text(text: str, file: str) -> Node:
    """Parse `text`; `file` is only used in messages. Raises DataError."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(file, line, "", f"not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise DataError(file, None, "", f"not valid YAML: {exc}") from None
    if root is None:
        raise DataError(file, 1, "", "the file is empty")
    return _convert(root, file, "")


def load_file(path: Path, display_name: str | None = None) -> Node:
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        raise DataError(name, line, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise DataError(name, None, "", f"cannot be read ({exc.strerror})") from None
    return load_text(text, name)


def yaml11_meaning(text: str) -> str | None:
    """What YAML 1.1 (and so most YAML readers) would have made of a plain scalar we keep as text."""
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


_MISSING = object()


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
            raise DataError(self.file, self.node.value[key].line, self.field(key),
                            f"unknown key (known keys here: {known})")


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

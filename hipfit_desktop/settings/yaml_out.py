"""Writing `settings.yaml`: plain values, and the parts of the user's file kept as they were typed.

A kept part is written back with its tags and aliases: a value used twice through `&name`/`*name` is written
once with the same anchor and alias (a 300-byte file with aliases once grew to 1.5 MB when they were
expanded), `!tag value` keeps its tag, `1:30` stays `1:30`, and a merge key stays a merge key.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..exercises.strictyaml import Node

_TAG = {bool: "bool", int: "int", str: "str", type(None): "null"}
_LINE_BREAKS = "\n\r\x85\u2028\u2029"  # what YAML reads as a line break
_RESOLVER = yaml.resolver.Resolver()


def dump(document: dict[str, Any]) -> str:
    """`document` (plain values, and `Node`s kept from the user's file) as YAML text."""
    converter = _Converter()
    root = converter.node(document)

    class NamedAnchors(yaml.SafeDumper):
        """Names an anchor as the user did (`&timings`), not PyYAML's `&id001`."""

        def generate_anchor(self, node: yaml.Node) -> str:
            return converter.anchor_names.get(id(node)) or super().generate_anchor(node)

    return yaml.serialize(root, Dumper=NamedAnchors, allow_unicode=True, width=4096)


class _Converter:
    def __init__(self) -> None:
        self.shared: dict[int, yaml.Node] = {}  # id of a kept collection -> its one yaml node (aliases)
        self.anchor_names: dict[int, str] = {}  # id of a yaml node -> the anchor name the user gave it
        self.used: set[str] = set()

    def node(self, value: Any) -> yaml.Node:
        if isinstance(value, dict):
            return yaml.MappingNode("tag:yaml.org,2002:map", [(_key(k), self.node(v)) for k, v in value.items()])
        if isinstance(value, Node):
            return self.kept(value)
        return _scalar(value)

    def kept(self, value: Node) -> yaml.Node:
        """A part of the user's file: the same collection met twice becomes one node, written with an alias."""
        if isinstance(value.value, (dict, list)):
            known = self.shared.get(id(value.value))
            if known is not None:
                return known
            items = value.value
            if isinstance(items, dict):
                made: yaml.Node = yaml.MappingNode(value.tag or "tag:yaml.org,2002:map",
                                                   [(_key(k), self.node(v)) for k, v in items.items()])
            else:
                made = yaml.SequenceNode(value.tag or "tag:yaml.org,2002:seq", [self.node(item) for item in items])
            self.shared[id(value.value)] = made
            if value.anchor and value.anchor not in self.used:
                self.used.add(value.anchor)
                self.anchor_names[id(made)] = value.anchor
            return made
        if value.tag is not None:
            return yaml.ScalarNode(value.tag, value.value, style=_style(value.value))  # a plain one has no break
        if isinstance(value.value, str) and value.plain:  # `1:30` stays `1:30`, not '1:30'
            return yaml.ScalarNode(_RESOLVER.resolve(yaml.ScalarNode, value.value, (True, False)), value.value)
        return _scalar(value.value)


def _key(key: object) -> yaml.ScalarNode:
    text = str(key)
    # `<<` written plain stays a merge key for the YAML readers that merge; quoted it would be a plain word.
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) if text == "<<" else "tag:yaml.org,2002:str"
    return yaml.ScalarNode(tag, text)


def _style(text: str) -> str | None:
    # PyYAML writes a line break inside a quoted scalar as a raw break, and reading folds it into a space
    # (a routine named "0<NEL>0" came back as "0 0"): such text is written double-quoted, with escapes.
    return '"' if any(c in _LINE_BREAKS for c in text) else None


def _scalar(value: Any) -> yaml.ScalarNode:
    text = ("true" if value else "false") if isinstance(value, bool) else "null" if value is None else str(value)
    return yaml.ScalarNode(f"tag:yaml.org,2002:{_TAG[type(value)]}", text,
                           style=_style(value) if isinstance(value, str) else None)

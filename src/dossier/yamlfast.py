"""Reading YAML: the loader to use, and what to say when a file is not valid YAML.

The loader is libyaml's C loader when PyYAML was built with it, else the pure-Python one.

Both are safe loaders (no arbitrary objects); the C one reads frontmatter several times faster.
A timestamp that looks like a date but is not one (``2024-13-45``) is kept as text, so the field
that holds it can say what is wrong instead of the YAML library failing on it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# How many values aliases may add to a document: a few anchors reused are fine; nine lists of
# nine aliases each (an "alias bomb" of a few hundred bytes) stand for 387 million values.
ALIAS_EXPANSION_LIMIT = 100_000


class SafeLoader(_Base):  # type: ignore[misc, valid-type]
    """A safe loader whose impossible dates and overlong numbers stay strings, and which refuses
    a document whose aliases stand for more than :data:`ALIAS_EXPANSION_LIMIT` extra values."""

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        refuse_alias_bombs(node)
        return self.construct_document(node)


def refuse_alias_bombs(root: yaml.Node, limit: int = ALIAS_EXPANSION_LIMIT) -> None:
    """Raise a YAML error, at the anchor to blame, when expanding every alias of the document
    ``root`` would add more than ``limit`` values to the ones written out.

    Sizes are counted once per node (an alias is the same node object as its anchor), so the
    check is linear in what is written, however much the aliases stand for.
    """
    sizes = _expanded_sizes(root)
    if sizes[id(root)] - len(sizes) <= limit:
        return
    culprit = root
    while True:  # down to the smallest value that is itself too big: the anchor to blame
        larger = next((child for child in _children(culprit) if sizes[id(child)] > limit), None)
        if larger is None:
            break
        culprit = larger
    raise yaml.constructor.ConstructorError(
        None,
        None,
        f"aliases (*name) expand this document to more than {limit:,} values; write the values out "
        "or reuse fewer",
        culprit.start_mark,
    )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _expanded_sizes(root: yaml.Node) -> dict[int, int]:
    """id(node) → how many values the node stands for with its aliases expanded, for every
    distinct node under ``root``; a node that contains itself counts once there."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes.get(id(child), 1) for child in _children(node))
            continue
        if key in sizes or key in open_nodes:
            continue
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes


def _timestamp_or_text(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


def _int_or_text(loader: Any, node: yaml.ScalarNode) -> Any:
    """An integer, or the text as written when it has more digits than Python converts."""
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def _mapping_without_repeats(loader: Any, node: yaml.MappingNode) -> dict:
    """A mapping whose keys are all different: YAML would keep the last of two ``title:`` lines and
    drop the other without a word, so a repeated key is an error that names both lines."""
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            first = seen.setdefault(key, key_node.start_mark.line)
        except TypeError:  # an unhashable key: let the usual constructor say so
            continue
        if first != key_node.start_mark.line:
            raise yaml.constructor.ConstructorError(
                None, None, f"found the key {key!r} twice (first on line {first + 1})", key_node.start_mark
            )
    loader.flatten_mapping(node)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=True)


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
SafeLoader.add_constructor("tag:yaml.org,2002:map", _mapping_without_repeats)
SafeLoader.add_constructor("tag:yaml.org,2002:int", _int_or_text)


_HINTS = {
    "mapping values": " (quote values that contain ': ')",
    "end of stream": " (is a quote or bracket left open?)",
    "found character '\\t'": " (indent with spaces, not tabs)",
}


def describe_error(error: yaml.YAMLError, text: str, first_line: int = 1) -> tuple[str, int | None]:
    """(what is wrong, with a hint at the usual fix; its line) for a YAML error in ``text``.

    ``first_line`` is the line of the file ``text`` starts on. An error found at the very end
    ("unexpected end of stream") points at what was left open (the quote, the bracket) rather
    than at the end; other errors also name the line where the construct they concern began.
    """
    mark = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    if mark is not None and context is not None and mark.index >= len(text.rstrip()):
        mark = context
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    hint = next((hint for key, hint in _HINTS.items() if key in problem), "")
    if context is not None and mark is not None and context.line < mark.line:
        hint += f"; it began on line {first_line + context.line}"
    return f"{problem}{hint}", (first_line + mark.line if mark is not None else None)


_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)


def key_lines(text: str) -> dict[str, int]:
    """1-based line of each top-level ``key:`` in ``text`` (lower-cased), for messages about its value."""
    lines: dict[str, int] = {}
    for match in _TOP_LEVEL_KEY.finditer(text):
        lines.setdefault(match.group(1).lower(), text.count("\n", 0, match.start()) + 1)
    return lines


class YamlProblem(Exception):
    """Why a YAML file cannot be read, and the line to blame where there is one."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def read_yaml_file(path: Path) -> tuple[Any, str]:
    """The data of a YAML file (UTF-8, a byte-order mark allowed) and its text, for the lines of its
    keys; raise :class:`YamlProblem`."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise YamlProblem("not UTF-8 text") from None
    try:
        return yaml.load(text, Loader=SafeLoader), text
    except yaml.YAMLError as exc:
        message, line = describe_error(exc, text)
        raise YamlProblem(f"invalid YAML: {message}", line) from None
    except RecursionError:
        raise YamlProblem("nested too deeply to read") from None

"""Reading YAML: the loader to use, and what to say when a file is not valid YAML.

The loader is libyaml's C loader when PyYAML was built with it, else the pure-Python one.

Both are safe loaders (no arbitrary objects); the C one reads frontmatter several times faster.
A timestamp that looks like a date but is not one (``2024-13-45``) is kept as text, so the field
that holds it can say what is wrong instead of the YAML library failing on it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SafeLoader(_Base):  # type: ignore[misc, valid-type]
    """A safe loader whose impossible dates stay strings."""


def _timestamp_or_text(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
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

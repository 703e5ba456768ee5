"""The YAML loader to use: libyaml's C loader when PyYAML was built with it, else the pure-Python one.

Both are safe loaders (no arbitrary objects); the C one reads frontmatter several times faster.
A timestamp that looks like a date but is not one (``2024-13-45``) is kept as text, so the field
that holds it can say what is wrong instead of the YAML library failing on it.
"""

from __future__ import annotations

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


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)

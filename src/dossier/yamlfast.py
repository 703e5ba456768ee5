"""The YAML loader to use: libyaml's C loader when PyYAML was built with it, else the pure-Python one.

Both are safe loaders (no arbitrary objects); the C one reads frontmatter several times faster.
"""

from __future__ import annotations

import yaml

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

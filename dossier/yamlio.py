"""YAML reading that remembers line numbers, so messages can say `file:line`.

Only safe YAML (no Python objects). Validates nothing by itself; `texts` is the one shape check
that several files share (a text, or a list of texts).
"""

from __future__ import annotations

import datetime as dt

import yaml


class LineDict(dict):
    """A mapping from YAML that knows the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: several times faster


class _LineLoader(_Base):
    def construct_mapping(self, node, deep=False):
        mapping = LineDict(super().construct_mapping(node, deep=deep))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {
            key_node.value: key_node.start_mark.line + 1 for key_node, _ in node.value
        }
        return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)


class YamlError(ValueError):
    """Malformed YAML; `line` is 1-based or None."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


def load_yaml(text: str):
    """Parse YAML text into plain Python values, mappings as LineDict."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark  # the start of an unclosed construct, if any
        line = mark.line + 1 if mark else None
        raise YamlError(f"invalid YAML: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {exc}", None) from None


def shift_lines(value, by: int):
    """The same YAML data with every line moved down by `by`: for YAML that starts further down a file."""
    if isinstance(value, list):
        return [shift_lines(item, by) for item in value]
    if not isinstance(value, LineDict):
        return value
    shifted = LineDict({key: shift_lines(item, by) for key, item in value.items()})
    shifted.line = value.line + by
    shifted.key_lines = {key: line + by for key, line in value.key_lines.items()}
    return shifted


def texts(mapping, key: str) -> list[str] | None:
    """`key` as a list of texts (one text is a list of one); [] when absent; None when it is neither."""
    value = mapping.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return None
    return value


def line_of(mapping, key: str | None = None) -> int | None:
    """The line of `key` in `mapping` (or of the mapping itself), if YAML gave one."""
    if not isinstance(mapping, LineDict):
        return None
    if key is not None and key in mapping.key_lines:
        return mapping.key_lines[key]
    return mapping.line or None


def date_text(value) -> str | None:
    """A YAML date value (date object, int year, or string) as text; None stays None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def dump_yaml(data) -> str:
    """Readable, stable YAML: keys in the order given, Unicode as is."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(LineDict, yaml.representer.SafeRepresenter.represent_dict)

"""Stored records as compact JSON text and back, so that a cache file is data, never code.

A record (a named tuple or a dataclass) is written positionally, as a JSON array of its
fields; a frozenset as a sorted array, so that equal records give equal text; a date as its
ISO string. Reading needs the class: its type hints say what each element becomes. A
converter is built once per class, and it touches only the fields JSON cannot give as they
are (tuples, frozensets, dates, nested records, integers that stand for floats): a string,
an integer or a boolean is taken as it comes, which keeps reading close to unpickling.

This module knows nothing of the records it stores: callers name the class. An array
shorter than the class's fields leaves the rest to their defaults.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

__all__ = ["Codec", "RecordDamaged", "decode", "encode", "shape_digest"]

R = TypeVar("R")
Convert = Callable[[Any], Any]  # JSON's value for a type → a value of the type

_NONE = type(None)
_AS_IS = (str, int, bool, _NONE)  # JSON gives these as they are
_UNIONS = (typing.Union, types.UnionType)
# What a damaged text can raise on its way through json.loads, a converter and a constructor.
_DAMAGE = (ValueError, TypeError, IndexError, KeyError, AttributeError, OverflowError, RecursionError)


class RecordDamaged(ValueError):
    """Stored text that does not read back as a record of the class asked for."""


class Codec:
    """Records to JSON text and back, with the converters built once per class from its type hints."""

    __slots__ = ("_decoders", "_dumps", "_getters", "_parse")

    def __init__(self) -> None:
        self._decoders: dict[Any, Convert] = {}  # type → its converter (the identity for str, int…)
        self._getters: dict[type, Callable[[Any], Any]] = {}  # dataclass → its fields, in order
        self._dumps = json.JSONEncoder(
            ensure_ascii=False, separators=(",", ":"), check_circular=False, default=self._plain
        ).encode
        # json.loads without its checks for bytes and whitespace: several times the cost of a small record.
        self._parse = json.JSONDecoder().raw_decode

    def encode(self, record: object) -> str:
        """The record as compact JSON text (named tuples and tuples are JSON's arrays already)."""
        return self._dumps(record)

    def decode(self, cls: type[R], text: str | bytes) -> R:
        """The record of class ``cls`` written as ``text`` (by :meth:`encode`: UTF-8 if bytes, no
        whitespace around it); :class:`RecordDamaged` if it is not one."""
        convert = self._decoders.get(cls)
        if convert is None:
            convert = self.converter(cls)
        try:
            if not isinstance(text, str):
                text = text.decode("utf-8")
            found, end = self._parse(text)
            if end != len(text):
                raise ValueError(f"text after the record, at {end}")
            value = convert(found)
        except _DAMAGE as error:
            raise RecordDamaged(f"a stored {_name(cls)} cannot be read ({error})") from None
        return typing.cast(R, value)

    def converter(self, tp: Any) -> Convert:
        """The function that turns JSON's value for type ``tp`` into a value of the type.

        A ``TypeError`` says the type cannot be stored (a set, a union of two kinds, a recursive record…).
        """
        return self._converter(tp, ())

    # --- reading -------------------------------------------------------------------------------------

    def _converter(self, tp: Any, within: tuple[type, ...]) -> Convert:
        """The converter of ``tp``, a part of the records ``within`` (none of which it may be)."""
        found = self._decoders.get(tp)
        if found is not None:
            return found
        built = self._build(tp, within)
        convert = self._decoders[tp] = _as_is if built is None else built
        return convert

    def _build(self, tp: Any, within: tuple[type, ...]) -> Convert | None:
        """The converter for ``tp``, or ``None`` where JSON's value is already the value."""
        if tp in _AS_IS or tp is Any:
            return None
        if tp is float:
            return _to_float
        if tp is date:
            return _to_date
        if _is_record(tp):
            return self._record(tp, within)
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in _UNIONS:
            return self._union(tp, args, within)
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return _tuple_of(self._item(args[0], within))
            return _fixed_tuple(tuple(self._item(a, within) for a in args))
        if origin is frozenset and len(args) == 1:
            return _frozenset_of(self._item(args[0], within))
        if origin is list and len(args) == 1:
            return _list_of(self._item(args[0], within))
        if origin is dict and len(args) == 2 and args[0] is str:
            return _dict_of(self._item(args[1], within))
        raise TypeError(f"{tp!r} cannot be stored")

    def _item(self, tp: Any, within: tuple[type, ...]) -> Convert | None:
        """The converter of a part (an element, a field); ``None`` to take JSON's value as it is."""
        convert = self._converter(tp, within)
        return None if convert is _as_is else convert

    def _union(self, tp: Any, args: tuple[Any, ...], within: tuple[type, ...]) -> Convert | None:
        kinds = [a for a in args if a is not _NONE]
        if len(kinds) == 1:  # X | None
            inner = self._item(kinds[0], within)
            return None if inner is None else _optional(inner)
        if all(self._item(a, within) is None for a in kinds):  # int | str: JSON tells them apart
            return None
        raise TypeError(f"{tp!r} cannot be stored: JSON cannot tell its kinds apart")

    def _record(self, cls: type, within: tuple[type, ...]) -> Convert:
        """A converter that checks the array, converts the fields that need it and calls the class."""
        if cls in within:
            raise TypeError(f"{_name(cls)} cannot be stored: it contains itself")
        inside = (*within, cls)
        hints = _field_hints(cls)
        converters = [self._item(tp, inside) for tp in hints.values()]
        steps = tuple((i, convert) for i, convert in enumerate(converters) if convert is not None)
        size = len(hints)

        if not steps:

            def plain(v: Any) -> Any:
                if type(v) is not list:
                    raise TypeError(f"{_name(cls)}: expected an array of {size} fields, got {_kind(v)}")
                return cls(*v)

            return plain

        last = steps[-1][0]

        def converted(v: Any) -> Any:
            if type(v) is not list:
                raise TypeError(f"{_name(cls)}: expected an array of {size} fields, got {_kind(v)}")
            if len(v) > last:  # every field to convert is there (the usual case)
                for i, step in steps:
                    v[i] = step(v[i])
            else:  # the rest is left to the defaults
                n = len(v)
                for i, step in steps:
                    if i >= n:
                        break
                    v[i] = step(v[i])
            return cls(*v)

        return converted

    # --- writing -------------------------------------------------------------------------------------

    def _plain(self, value: Any) -> Any:
        """What JSON cannot write by itself: a dataclass as its fields, a frozenset sorted, a date."""
        cls = type(value)
        fields = self._getters.get(cls)
        if fields is not None:
            return fields(value)
        if isinstance(value, frozenset):
            return sorted(value)
        if cls is date:
            return value.isoformat()
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = [f.name for f in _init_fields(cls)]
            fields = self._getters[cls] = _getter(names)
            return fields(value)
        raise TypeError(f"a {cls.__name__} cannot be stored")


# --- converters -------------------------------------------------------------------------------------


def _as_is(value: Any) -> Any:
    return value


def _to_float(value: Any) -> float:
    """A float, from JSON's float or integer (``3`` for ``3.0``), so that equality and repr hold."""
    if type(value) is float:
        return value
    if type(value) is int:
        return float(value)
    raise TypeError(f"expected a number, got {_kind(value)}")


def _to_date(value: Any) -> date:
    if type(value) is not str:
        raise TypeError(f"expected an ISO date, got {_kind(value)}")
    return date.fromisoformat(value)


def _optional(inner: Convert) -> Convert:
    def convert(value: Any) -> Any:
        return None if value is None else inner(value)

    return convert


def _tuple_of(item: Convert | None) -> Convert:
    if item is None:

        def plain(value: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise TypeError(f"expected an array, got {_kind(value)}")
            return tuple(value)

        return plain

    def convert(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise TypeError(f"expected an array, got {_kind(value)}")
        return tuple(map(item, value))

    return convert


def _fixed_tuple(items: tuple[Convert | None, ...]) -> Convert:
    size = len(items)

    def convert(value: Any) -> tuple[Any, ...]:
        if type(value) is not list or len(value) != size:
            raise TypeError(f"expected an array of {size}, got {_kind(value)}")
        return tuple([v if c is None else c(v) for c, v in zip(items, value, strict=True)])

    return convert


def _frozenset_of(item: Convert | None) -> Convert:
    def convert(value: Any) -> frozenset[Any]:
        if type(value) is not list:
            raise TypeError(f"expected an array, got {_kind(value)}")
        return frozenset(value if item is None else map(item, value))

    return convert


def _list_of(item: Convert | None) -> Convert:
    def convert(value: Any) -> list[Any]:
        if type(value) is not list:
            raise TypeError(f"expected an array, got {_kind(value)}")
        return value if item is None else list(map(item, value))

    return convert


def _dict_of(item: Convert | None) -> Convert:
    def convert(value: Any) -> dict[str, Any]:
        if type(value) is not dict:
            raise TypeError(f"expected an object, got {_kind(value)}")
        return value if item is None else {k: item(v) for k, v in value.items()}

    return convert


def _getter(names: list[str]) -> Callable[[Any], Any]:
    """A dataclass's fields in order, as something JSON writes as an array."""
    if len(names) == 1:
        name = names[0]
        return lambda record: (getattr(record, name),)
    if not names:
        return lambda record: ()
    return operator.attrgetter(*names)  # a tuple of them


# --- classes ---------------------------------------------------------------------------------------


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and (
        (issubclass(tp, tuple) and hasattr(tp, "_fields")) or dataclasses.is_dataclass(tp)
    )


def _init_fields(cls: type) -> list[dataclasses.Field[Any]]:
    """A dataclass's fields, which must all be positional arguments of its constructor."""
    fields = list(dataclasses.fields(cls))
    if any(not f.init or f.kw_only for f in fields):
        raise TypeError(f"{_name(cls)} cannot be stored: its fields are not all positional")
    return fields


def _field_hints(cls: type) -> dict[str, Any]:
    """A record's fields in order, with their type hints."""
    hints = typing.get_type_hints(cls)
    if dataclasses.is_dataclass(cls):
        return {f.name: hints[f.name] for f in _init_fields(cls)}
    return {name: hints.get(name, Any) for name in typing.cast(Any, cls)._fields}


def _name(tp: Any) -> str:
    return tp.__qualname__ if isinstance(tp, type) else repr(tp)


def _kind(value: Any) -> str:
    """A JSON value's kind, for messages."""
    if type(value) is list:
        return f"an array of {len(value)}"
    return type(value).__name__


# --- shapes ----------------------------------------------------------------------------------------


def shape_digest(*classes: type) -> str:
    """A short digest of the classes' fields and type hints, nested records included.

    Stored text is positional: a record that gains, loses or retypes a field reads old text wrong.
    A cache keyed by this digest is discarded whenever a stored shape changes, with no version to bump.
    """
    text = ";".join(_shape(cls, ()) for cls in classes)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _shape(tp: Any, within: tuple[type, ...]) -> str:
    """A type written out: records as their name and fields, recursively."""
    if _is_record(tp):
        if tp in within:
            raise TypeError(f"{_name(tp)} cannot be stored: it contains itself")
        inside = (*within, tp)
        fields = ",".join(f"{name}:{_shape(hint, inside)}" for name, hint in _field_hints(tp).items())
        return f"{_name(tp)}({fields})"
    origin = typing.get_origin(tp)
    if origin is not None:
        name = "Union" if origin in _UNIONS else _name(origin)
        args = ",".join("..." if a is Ellipsis else _shape(a, within) for a in typing.get_args(tp))
        return f"{name}[{args}]"
    if tp is _NONE:
        return "None"
    return _name(tp)


_CODEC = Codec()  # the converters of every record class read so far: the module's only state
encode = _CODEC.encode
decode = _CODEC.decode

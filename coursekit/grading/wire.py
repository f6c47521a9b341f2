"""The wire between the grader and the runner in the sandbox: framed messages of JSON and arrays.

A message is
    4 bytes   big-endian length L of the header (at most MAX_HEADER_BYTES)
    L bytes   the header: a JSON object; its "arrays" entry lists [dtype, shape] per array
    ...       the arrays' raw bytes, one after the other, C order, exactly as the header declares
No pickle, no compression: the reader knows every size from the header and checks it against its
limits *before* it reads a byte of the arrays, so a message can never make the reader allocate
more than it agreed to. Only plain numeric dtypes travel.

This module runs on both sides (the runner imports it by path inside the sandbox), so it uses only
the standard library and NumPy, and nothing of coursekit.
"""

from __future__ import annotations

import json
import struct

import numpy as np

MAX_HEADER_BYTES = 1 << 20  # a header is small: names, statuses, shapes, short messages
MAX_ARRAYS = 64  # arrays in one message
MAX_DIMS = 8  # dimensions of one array
# dtypes that may travel: little-endian numbers and booleans (no objects, strings, structures)
DTYPES = ("<f8", "<f4", "<f2", "<i8", "<i4", "<i2", "|i1", "<u8", "<u4", "<u2", "|u1", "|b1")


class WireError(ValueError):
    """A message that breaks the format or its limits; the message says which rule."""


def _spec(array: np.ndarray) -> list:
    dtype = array.dtype.newbyteorder("<") if array.dtype.byteorder == ">" else array.dtype
    if dtype.str not in DTYPES:
        raise WireError(f"arrays of dtype {array.dtype} cannot be sent; only numbers and booleans")
    return [dtype.str, list(array.shape)]


def encode(header: dict, arrays=()) -> bytes:
    """One message: header (a JSON-able dict) and numeric arrays, as bytes."""
    arrays = [np.asarray(a, order="C") for a in arrays]  # (ascontiguousarray would make 0-d arrays 1-d)
    if len(arrays) > MAX_ARRAYS:
        raise WireError(f"{len(arrays)} arrays in one message; at most {MAX_ARRAYS}")
    specs = [_spec(a) for a in arrays]
    text = json.dumps({**header, "arrays": specs}, allow_nan=False).encode()
    if len(text) > MAX_HEADER_BYTES:
        raise WireError(f"a header of {len(text)} bytes; at most {MAX_HEADER_BYTES}")
    body = b"".join(a.astype(spec[0], copy=False).tobytes() for a, spec in zip(arrays, specs))
    return struct.pack(">I", len(text)) + text + body


def parse_header(
    raw: bytes, max_array_bytes: int
) -> tuple[dict, list[tuple[np.dtype, tuple[int, ...], int]]]:
    """The header and [(dtype, shape, bytes)] of the arrays that follow; WireError on anything odd."""
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise WireError("the header is not JSON") from None
    if not isinstance(header, dict) or not isinstance(header.get("arrays"), list):
        raise WireError("the header is not an object with an 'arrays' list")
    if len(header["arrays"]) > MAX_ARRAYS:
        raise WireError(f"{len(header['arrays'])} arrays declared; at most {MAX_ARRAYS}")
    layout, total = [], 0
    for spec in header["arrays"]:
        if (
            not isinstance(spec, list)
            or len(spec) != 2
            or spec[0] not in DTYPES
            or not isinstance(spec[1], list)
            or len(spec[1]) > MAX_DIMS
            or not all(type(n) is int and 0 <= n <= max_array_bytes for n in spec[1])
        ):
            raise WireError(f"an array is declared as {str(spec)[:80]}; expected [dtype, [sizes]]")
        dtype, shape = np.dtype(spec[0]), tuple(spec[1])
        nbytes = dtype.itemsize
        for n in shape:
            nbytes *= n
            if nbytes > max_array_bytes:
                break
        total += nbytes
        if total > max_array_bytes:
            raise WireError(f"the arrays of one message exceed {max_array_bytes} bytes")
        layout.append((dtype, shape, nbytes))
    return header, layout


def decode_arrays(body: bytes, layout) -> list[np.ndarray]:
    """The arrays of a message from its body, read-only copies owned by the reader."""
    arrays, offset = [], 0
    for dtype, shape, nbytes in layout:
        arrays.append(
            np.frombuffer(body, dtype=dtype, count=nbytes // dtype.itemsize, offset=offset).reshape(shape)
        )
        offset += nbytes
    return arrays


def read_message(read_exact, max_array_bytes: int) -> tuple[dict, list[np.ndarray]]:
    """Read one message with read_exact(n) -> bytes (which raises on end of stream or time out)."""
    (length,) = struct.unpack(">I", read_exact(4))
    if length > MAX_HEADER_BYTES:
        raise WireError(f"a header of {length} bytes announced; at most {MAX_HEADER_BYTES}")
    header, layout = parse_header(read_exact(length), max_array_bytes)
    body = read_exact(sum(n for _, _, n in layout))
    return header, decode_arrays(body, layout)


# ---- plain values (quiz answers): JSON with tuples marked, bounded in size -------------------------
MAX_VALUE_ITEMS = 64
MAX_TEXT = 1000


def to_plain(value, depth: int = 0):
    """A quiz answer as JSON-able data: None, bool, int, float, str, and lists or tuples of them.

    Anything else (or too large) becomes {"unsupported": type name}, which the grader explains.
    """
    if value is None or isinstance(value, (bool, str)):
        return value[:MAX_TEXT] if isinstance(value, str) else value
    if value is Ellipsis:
        return {"ellipsis": True}
    if isinstance(value, np.generic) and value.shape == ():
        value = value.item()
    if isinstance(value, int):
        return value if abs(value) < 2**63 else float(value)
    if isinstance(value, float):
        return value if np.isfinite(value) else {"float": repr(value)}
    if isinstance(value, np.ndarray) and value.ndim <= 1 and value.size <= MAX_VALUE_ITEMS:
        value = value.tolist()
    if isinstance(value, (list, tuple, set, frozenset)) and depth < 2 and len(value) <= MAX_VALUE_ITEMS:
        items = [
            to_plain(v, depth + 1)
            for v in (sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value)
        ]
        return {"tuple": items} if isinstance(value, tuple) else items
    return {"unsupported": type(value).__name__[:40]}


def from_plain(data, depth: int = 0):
    """The Python value back from to_plain's form (tuples as tuples); WireError when malformed."""
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list) and depth < 3 and len(data) <= MAX_VALUE_ITEMS:
        return [from_plain(v, depth + 1) for v in data]
    if isinstance(data, dict) and len(data) == 1:
        ((key, value),) = data.items()
        if key == "tuple" and isinstance(value, list) and depth < 3 and len(value) <= MAX_VALUE_ITEMS:
            return tuple(from_plain(v, depth + 1) for v in value)
        if key == "float" and value in ("nan", "inf", "-inf"):
            return float(value)
        if key == "ellipsis":
            return Ellipsis
        if key == "unsupported" and isinstance(value, str):
            return Unsupported(value[:40])
    raise WireError("a quiz answer in an unknown form")


class Unsupported(str):
    """The type name of an answer that could not travel (an object, a dict, ...)."""

"""A small reader of the Arrow IPC stream format, for machines without pyarrow.

Debian 12 packages pandas but not pyarrow, and a notebook there may have no way to install it. This reads the
columns the API's exports write (UTF-8 text, integers, doubles, booleans, dates in days, dictionary-encoded text)
into a pandas DataFrame, dictionaries as categoricals. With pyarrow installed, use pyarrow instead:
``pyarrow.ipc.open_stream(data).read_pandas()``.

The format (https://arrow.apache.org/docs/format/Columnar.html#ipc-streaming-format) is a sequence of messages,
each a FlatBuffer (Message.fbs) followed by a body of buffers: the schema, dictionary batches, record batches.
"""

import struct

import numpy as np
import pandas as pd

# Message.header_type values (MessageHeader union) and Type union values (Schema.fbs)
SCHEMA, DICTIONARY_BATCH, RECORD_BATCH = 1, 2, 3
INT, FLOATING_POINT, UTF8, BOOL, DATE = 2, 3, 5, 6, 8


class Table:
    """A FlatBuffers table at `pos` in `buf`: fields by index, as the schema files number them."""

    def __init__(self, buf, pos):
        self.buf, self.pos = buf, pos
        self.vtable = pos - struct.unpack_from("<i", buf, pos)[0]
        self.vtable_size = struct.unpack_from("<H", buf, self.vtable)[0]

    def _offset(self, field):
        entry = 4 + 2 * field
        return struct.unpack_from("<H", self.buf, self.vtable + entry)[0] if entry < self.vtable_size else 0

    def scalar(self, field, fmt, default=0):
        offset = self._offset(field)
        return struct.unpack_from("<" + fmt, self.buf, self.pos + offset)[0] if offset else default

    def _indirect(self, field):
        offset = self._offset(field)
        if not offset:
            return None
        at = self.pos + offset
        return at + struct.unpack_from("<I", self.buf, at)[0]

    def table(self, field):
        at = self._indirect(field)
        return Table(self.buf, at) if at is not None else None

    def string(self, field):
        at = self._indirect(field)
        if at is None:
            return None
        length = struct.unpack_from("<I", self.buf, at)[0]
        return bytes(self.buf[at + 4 : at + 4 + length]).decode("utf-8")

    def tables(self, field):
        at = self._indirect(field)
        if at is None:
            return []
        count = struct.unpack_from("<I", self.buf, at)[0]
        slots = (at + 4 + 4 * i for i in range(count))
        return [Table(self.buf, slot + struct.unpack_from("<I", self.buf, slot)[0]) for slot in slots]

    def structs(self, field, fmt):
        """A vector of fixed-size structs (FieldNode, Buffer: two int64 each)."""
        at = self._indirect(field)
        if at is None:
            return []
        count = struct.unpack_from("<I", self.buf, at)[0]
        size = struct.calcsize("<" + fmt)
        return [struct.unpack_from("<" + fmt, self.buf, at + 4 + size * i) for i in range(count)]


def _messages(data):
    """(Message table, body bytes) for each message of the stream."""
    view, pos = memoryview(data), 0
    while pos + 8 <= len(data):
        length = struct.unpack_from("<i", data, pos)[0]
        if length == -1:  # continuation marker, then the real length
            length = struct.unpack_from("<i", data, pos + 4)[0]
            pos += 8
        else:
            pos += 4
        if length == 0:
            return
        message = Table(view, pos + struct.unpack_from("<I", data, pos)[0])
        pos += length
        body_length = message.scalar(3, "q")
        yield message, view[pos : pos + body_length]
        pos += body_length


def _field(field):
    """A schema Field: name, type id, the type table, and the dictionary id when dictionary-encoded."""
    dictionary = field.table(4)
    return {
        "name": field.string(0),
        "type": field.scalar(2, "B"),
        "spec": field.table(3),
        "dictionary": dictionary.scalar(0, "q") if dictionary else None,
        "index_width": dictionary.table(1).scalar(0, "i") if dictionary else None,
    }


def _valid(body, buffer, length):
    offset, size = buffer
    if size == 0:
        return np.ones(length, dtype=bool)
    bits = np.frombuffer(body, dtype=np.uint8, count=size, offset=offset)
    return np.unpackbits(bits, bitorder="little")[:length].astype(bool)


def _column(field, body, nodes, buffers, length):
    """One column's values (a list or an array) from its field node and buffers, in the body."""
    null_count = nodes.pop(0)[1]
    validity = buffers.pop(0)
    valid = _valid(body, validity, length) if null_count else np.ones(length, dtype=bool)
    kind, spec = field["type"], field["spec"]
    if field["dictionary"] is not None:
        offset, _ = buffers.pop(0)
        codes = np.frombuffer(body, dtype=f"<i{field['index_width'] // 8}", count=length, offset=offset)
        return np.where(valid, codes, -1)
    if kind == UTF8:
        (offsets_at, _), (data_at, data_size) = buffers.pop(0), buffers.pop(0)
        offsets = np.frombuffer(body, dtype="<i4", count=length + 1, offset=offsets_at)
        text = bytes(body[data_at : data_at + data_size])
        return [text[offsets[i] : offsets[i + 1]].decode("utf-8") if valid[i] else None for i in range(length)]
    offset, size = buffers.pop(0)
    if kind == BOOL:
        bits = np.unpackbits(np.frombuffer(body, dtype=np.uint8, count=size, offset=offset), bitorder="little")
        return pd.arrays.BooleanArray(bits[:length].astype(bool), ~valid)
    if kind == INT:
        width, signed = spec.scalar(0, "i"), spec.scalar(1, "?")
        values = np.frombuffer(body, dtype=f"<{'i' if signed else 'u'}{width // 8}", count=length, offset=offset)
        return pd.arrays.IntegerArray(values.astype("int64"), ~valid)
    if kind == FLOATING_POINT and spec.scalar(0, "h") == 2:
        values = np.frombuffer(body, dtype="<f8", count=length, offset=offset).copy()
        values[~valid] = np.nan
        return values
    if kind == DATE and spec.scalar(0, "h", 1) == 0:
        days = np.frombuffer(body, dtype="<i4", count=length, offset=offset)
        dates = pd.to_datetime(days, unit="D")
        return dates.where(valid)
    raise ValueError(f"column {field['name']}: Arrow type {kind} is not read here; use pyarrow")


def read_arrow_stream(data):
    """An Arrow IPC stream (bytes) as a pandas DataFrame."""
    fields, dictionaries, batches = [], {}, []
    for message, body in _messages(data):
        kind, header = message.scalar(1, "B"), message.table(2)
        if kind == SCHEMA:
            fields = [_field(field) for field in header.tables(1)]
        elif kind in (DICTIONARY_BATCH, RECORD_BATCH):
            batch = header.table(1) if kind == DICTIONARY_BATCH else header
            length = batch.scalar(0, "q")
            nodes, buffers = batch.structs(1, "qq"), batch.structs(2, "qq")
            if kind == DICTIONARY_BATCH:
                text_field = {"name": "dictionary", "type": UTF8, "spec": None, "dictionary": None}
                dictionaries[header.scalar(0, "q")] = _column(text_field, body, nodes, buffers, length)
            else:
                batches.append({f["name"]: _column(f, body, nodes, buffers, length) for f in fields})
    columns = {}
    for field in fields:
        parts = [batch[field["name"]] for batch in batches]
        if field["dictionary"] is not None:
            codes = np.concatenate(parts) if parts else np.array([], dtype=int)
            columns[field["name"]] = pd.Categorical.from_codes(codes, categories=dictionaries[field["dictionary"]])
        else:
            columns[field["name"]] = pd.concat([pd.Series(part) for part in parts], ignore_index=True) if parts else []
    return pd.DataFrame(columns)

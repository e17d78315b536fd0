/**
 * PostgreSQL's binary COPY format: the server reads each value as it stores it, with no text to parse (in the seed's
 * records: uuids, timestamps, numerics and enum labels), which halved the server's COPY time of the emission records.
 */

/** A column as PostgreSQL defines it: its type's name, kind (`e` enum), modifier and, for an array, its element's. */
export interface ColumnType {
  name: string;
  type: string;
  typeKind: string;
  typeModifier: number;
  element?: { oid: number; type: string; typeKind: string };
}

/** Writes COPY's binary format into chunks of about `chunkBytes`, each handed out whole. */
export class BinaryCopyWriter {
  private buffer: Buffer;
  private position = 0;
  readonly chunks: Buffer[] = [];

  constructor(private readonly chunkBytes: number) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  get size(): number {
    return this.position;
  }

  /** Room for `bytes` more in the current chunk, or a new chunk (the full one goes to `chunks`). */
  reserve(bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return;
    this.flush();
    this.buffer = Buffer.allocUnsafe(Math.max(this.chunkBytes, bytes));
  }

  flush(): void {
    if (this.position) this.chunks.push(this.buffer.subarray(0, this.position));
    this.buffer = Buffer.allocUnsafe(this.chunkBytes);
    this.position = 0;
  }

  int16(value: number): void {
    this.reserve(2);
    this.position = this.buffer.writeInt16BE(value, this.position);
  }

  int32(value: number): void {
    this.reserve(4);
    this.position = this.buffer.writeInt32BE(value, this.position);
  }

  /**
   * Starts a field of at most `bytes` bytes: returns the buffer and where its value goes; `end` closes the field where
   * the value ended. (No callback per value: the records write tens of millions of fields.)
   */
  begin(bytes: number): Buffer {
    this.reserve(4 + bytes);
    this.position += 4;
    return this.buffer;
  }

  get at(): number {
    return this.position;
  }

  end(end: number, start: number): void {
    this.buffer.writeInt32BE(end - start, start - 4);
    this.position = end;
  }

  text(value: string): void {
    const buffer = this.begin(3 * value.length);
    const start = this.position;
    this.end(start + buffer.write(value, start, 'utf8'), start);
  }

  /** A field of the given bytes (kept by the caller for values that repeat). */
  bytes(value: Buffer): void {
    const buffer = this.begin(value.length);
    const start = this.position;
    this.end(start + value.copy(buffer, start), start);
  }

  null(): void {
    this.int32(-1);
  }
}

export const BINARY_HEADER = Buffer.from('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0', 'latin1');
export const BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/** Writes one non-null value of a column. */
export type BinaryEncoder = (writer: BinaryCopyWriter, value: unknown) => void;

/**
 * Values that repeat (enum labels, the inventory of a run of records, a seed's timestamps): each distinct one is
 * encoded once, and its bytes copied.
 */
function repeated(encode: (value: unknown) => Buffer, limit = 10_000): BinaryEncoder {
  const known = new Map<unknown, Buffer>();
  let lastValue: unknown;
  let lastBytes: Buffer | undefined;
  return (writer, value) => {
    if (value !== lastValue || !lastBytes) {
      lastBytes = known.get(value);
      if (!lastBytes) {
        lastBytes = encode(value);
        if (known.size < limit) known.set(value, lastBytes);
      }
      lastValue = value;
    }
    writer.bytes(lastBytes);
  };
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}

function uuidBytes(value: unknown, buffer: Buffer, at: number): void {
  const text = String(value);
  let bad = text.length !== 36;
  for (let i = 0, end = at; i < 36 && !bad; i += 2) {
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      bad = text.charCodeAt(i) !== 45;
      i++;
    }
    const high = HEX[text.charCodeAt(i)] ?? -1;
    const low = HEX[text.charCodeAt(i + 1)] ?? -1;
    bad ||= high < 0 || low < 0;
    buffer[end++] = (high << 4) | low;
  }
  if (bad) throw new Error(`copyRows: ${text} is no uuid`);
}

function uuid(writer: BinaryCopyWriter, value: unknown): void {
  const buffer = writer.begin(16);
  const start = writer.at;
  uuidBytes(value, buffer, start);
  writer.end(start + 16, start);
}

/** Microseconds from 1970 to PostgreSQL's epoch, 2000-01-01. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);

function timestampBytes(value: unknown): Buffer {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error(`copyRows: ${String(value)} is no timestamp`);
  const bytes = Buffer.alloc(8);
  bytes.writeBigInt64BE(BigInt(date.getTime() - POSTGRES_EPOCH_MS) * 1000n);
  return bytes;
}

const DAY_MS = 86_400_000;

function dateBytes(value: unknown): Buffer {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  if (!match) throw new Error(`copyRows: ${String(value)} is no date (YYYY-MM-DD)`);
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE((Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - POSTGRES_EPOCH_MS) / DAY_MS);
  return bytes;
}

/**
 * The value of decimal text ("-12.045", "1e-7") in units of 10^-scale, rounded half away from zero as PostgreSQL
 * rounds text to a numeric's scale.
 */
export function scaledDecimal(text: string, scale: number): bigint {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match || (match[2] === '' && !match[3])) throw new Error(`copyRows: ${text} is no number`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const shift = Number(exponent) + scale - fraction.length;
  const digits = BigInt(whole + fraction || '0');
  let scaled: bigint;
  if (shift >= 0) scaled = digits * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    scaled = digits / divisor + (2n * (digits % divisor) >= divisor ? 1n : 0n);
  }
  return sign === '-' ? -scaled : scaled;
}

const GROUP_POWERS = Array.from({ length: 5 }, (_, i) => 10_000 ** i);
/** The base-10,000 digits of one numeric, reused: a value has at most 4 whole and a few fraction digits. */
const groups = new Int32Array(64);

/** Writes `count` base-10,000 digits of a whole number below 2^53 into `groups` from `at`, most significant first. */
function putGroups(whole: number, count: number, at: number): number {
  for (let i = count - 1; i >= 0; i--) groups[at++] = Math.floor(whole / GROUP_POWERS[i]) % 10_000;
  return at;
}

/**
 * `units` × 10^-scale as a binary numeric: base-10,000 digits with their weight, sign and display scale. Whole
 * numbers of units below 2^52 (every seeded value) are split with arithmetic, larger ones through their digits.
 */
function writeNumeric(writer: BinaryCopyWriter, units: number | bigint, scale: number): void {
  const negative = units < 0;
  let length = 0;
  let wholeGroups: number;
  if (typeof units === 'number') {
    const magnitude = Math.abs(units);
    const unit = 10 ** scale;
    const whole = Math.floor(magnitude / unit);
    const fractionGroups = Math.ceil(scale / 4);
    wholeGroups = 1;
    while (wholeGroups < 4 && GROUP_POWERS[wholeGroups] <= whole) wholeGroups++;
    length = putGroups(whole, wholeGroups, 0);
    length = putGroups((magnitude - whole * unit) * 10 ** (4 * fractionGroups - scale), fractionGroups, length);
  } else {
    const decimal = (negative ? -units : units).toString().padStart(scale + 1, '0');
    const whole = decimal.slice(0, decimal.length - scale);
    const fraction = decimal.slice(decimal.length - scale);
    const wholeDigits = whole.padStart(Math.ceil(whole.length / 4) * 4, '0');
    const fractionDigits = fraction.padEnd(Math.ceil(fraction.length / 4) * 4, '0');
    const digits = wholeDigits + fractionDigits;
    if (digits.length / 4 > groups.length) throw new Error(`copyRows: ${decimal} has too many digits`);
    for (let i = 0; i < digits.length; i += 4) groups[length++] = Number(digits.slice(i, i + 4));
    wholeGroups = wholeDigits.length / 4;
  }
  let first = 0;
  while (first < length && groups[first] === 0) first++;
  let last = length;
  while (last > first && groups[last - 1] === 0) last--;
  const count = last - first;
  const buffer = writer.begin(8 + 2 * count);
  const start = writer.at;
  let end = buffer.writeInt16BE(count, start);
  end = buffer.writeInt16BE(count ? wholeGroups - 1 - first : 0, end);
  end = buffer.writeUInt16BE(negative && count ? 0x4000 : 0, end);
  end = buffer.writeInt16BE(scale, end);
  for (let i = first; i < last; i++) end = buffer.writeInt16BE(groups[i], end);
  writer.end(end, start);
}

/**
 * A numeric column's values, numbers or decimal text. A number that is a whole count of the column's units (the
 * seed's thousandths) is scaled directly; any other goes through its decimal text, as the text format sent it.
 */
function numeric(typeModifier: number): BinaryEncoder {
  const scale = typeModifier < 4 ? null : (typeModifier - 4) & 0xffff;
  const factor = 10 ** (scale ?? 0);
  return (writer, value) => {
    if (typeof value === 'number' && scale !== null && Number.isFinite(value)) {
      const scaled = value * factor;
      const units = Math.round(scaled);
      if (Math.abs(scaled - units) <= 1e-9 && Math.abs(units) < 2 ** 52) return writeNumeric(writer, units, scale);
    }
    const text = String(value);
    const textScale = scale ?? /(?:\.(\d*))?(?:e[+-]?\d+)?$/i.exec(text)?.[1]?.length ?? 0;
    writeNumeric(writer, scaledDecimal(text, textScale), textScale);
  };
}

function integer(value: unknown): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new Error(`copyRows: ${String(value)} is no integer`);
  return number;
}

function text(writer: BinaryCopyWriter, value: unknown): void {
  writer.text(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

function jsonb(writer: BinaryCopyWriter, value: unknown): void {
  const json = typeof value === 'string' ? value : JSON.stringify(value);
  const buffer = writer.begin(1 + 3 * json.length);
  const start = writer.at;
  buffer[start] = 1;
  writer.end(start + 1 + buffer.write(json, start + 1, 'utf8'), start);
}

function fixed(bytes: number, write: (buffer: Buffer, value: unknown, at: number) => number): BinaryEncoder {
  return (writer, value) => {
    const buffer = writer.begin(bytes);
    const start = writer.at;
    writer.end(write(buffer, value, start), start);
  };
}

const TEXT_TYPES = new Set(['text', 'varchar', 'bpchar', 'name', 'json']);

function scalarEncoder(type: string, typeKind: string, typeModifier: number): BinaryEncoder {
  if (typeKind === 'e') return repeated((value) => Buffer.from(String(value), 'utf8'));
  if (TEXT_TYPES.has(type)) return text;
  switch (type) {
    case 'uuid':
      return uuid;
    case 'bool':
      return fixed(1, (buffer, value, at) => {
        if (typeof value !== 'boolean') throw new Error(`copyRows: ${String(value)} is no boolean`);
        return buffer.writeUInt8(value ? 1 : 0, at);
      });
    case 'int2':
      return fixed(2, (buffer, value, at) => buffer.writeInt16BE(integer(value), at));
    case 'int4':
      return fixed(4, (buffer, value, at) => buffer.writeInt32BE(integer(value), at));
    case 'int8':
      return fixed(8, (buffer, value, at) => buffer.writeBigInt64BE(BigInt(integer(value)), at));
    case 'float4':
      return fixed(4, (buffer, value, at) => buffer.writeFloatBE(Number(value), at));
    case 'float8':
      return fixed(8, (buffer, value, at) => buffer.writeDoubleBE(Number(value), at));
    case 'numeric':
      return numeric(typeModifier);
    case 'timestamptz':
      return repeated(timestampBytes, 1);
    case 'date':
      return repeated(dateBytes);
    case 'jsonb':
      return jsonb;
    default:
      throw new Error(`copyRows cannot write values of type ${type}`);
  }
}

/** One-dimensional arrays (NULL elements included) of the element type's values. */
function arrayEncoder(element: NonNullable<ColumnType['element']>, typeModifier: number): BinaryEncoder {
  const write = scalarEncoder(element.type, element.typeKind, typeModifier);
  return (writer, value) => {
    if (!Array.isArray(value)) throw new Error(`copyRows: ${String(value)} is no array`);
    const items = new BinaryCopyWriter(1024);
    for (const item of value) {
      if (item === null || item === undefined) items.null();
      else write(items, item);
    }
    items.flush();
    const body = Buffer.concat(items.chunks);
    const buffer = writer.begin(20 + body.length);
    const start = writer.at;
    let end = buffer.writeInt32BE(value.length ? 1 : 0, start);
    end = buffer.writeInt32BE(value.some((item) => item === null || item === undefined) ? 1 : 0, end);
    end = buffer.writeUInt32BE(element.oid, end);
    if (value.length) {
      end = buffer.writeInt32BE(value.length, end);
      end = buffer.writeInt32BE(1, end);
    }
    writer.end(end + body.copy(buffer, end), start);
  };
}

/** How one column's non-null values are written in the binary format. */
export function binaryEncoder(column: ColumnType): BinaryEncoder {
  return column.element
    ? arrayEncoder(column.element, column.typeModifier)
    : scalarEncoder(column.type, column.typeKind, column.typeModifier);
}

import type { BinaryCopyWriter, BinaryEncoder } from './copy-binary-writer';

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
export function numericEncoder(typeModifier: number): BinaryEncoder {
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

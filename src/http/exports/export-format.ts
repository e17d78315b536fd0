import { ApiError, UserInputError } from '../../common/errors';
import { CONTENT_TYPES, EXPORT_FORMATS, type ExportFormat } from './row-formats';

/** Media types a client may name in Accept for each format, besides the one the answer carries. */
const ACCEPTED_TYPES: [string, ExportFormat][] = [
  ...EXPORT_FORMATS.map((format): [string, ExportFormat] => [CONTENT_TYPES[format].split(';')[0], format]),
  ['application/vnd.apache.arrow.file', 'arrow'],
  ['application/x-parquet', 'parquet'],
  ['application/json', 'ndjson'],
  ['text/*', 'csv'],
  ['*/*', 'csv'],
];

/** Accept's media types, most preferred first (q=0 means "not this one"). */
function acceptedTypes(accept: string): string[] {
  return accept
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const q = params.find((param) => param.startsWith('q='));
      return { type, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.type && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.type);
}

/**
 * The format of an export, in this order: the path's extension (`emissions.parquet`), the `format` query parameter,
 * the Accept header; CSV when none says. An extension and a `format` that disagree are refused, and so is an Accept
 * header naming no format the exports write (406).
 */
export function chooseFormat(
  extension: ExportFormat | undefined,
  formatParameter: unknown,
  accept: string | undefined,
): ExportFormat {
  if (formatParameter !== undefined) {
    const format = String(formatParameter);
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UserInputError('format', `"${format}" is not one of ${EXPORT_FORMATS.join(', ')}`);
    }
    if (extension && extension !== format) {
      throw new UserInputError('format', `"${format}" contradicts the path's .${extension}; give one of them`);
    }
    return format as ExportFormat;
  }
  if (extension) return extension;
  if (!accept) return 'csv';
  for (const type of acceptedTypes(accept)) {
    const known = ACCEPTED_TYPES.find(([accepted]) => accepted === type);
    if (known) return known[1];
  }
  throw new ApiError(
    'BAD_USER_INPUT',
    `accept: none of "${accept}" is written; use ${ACCEPTED_TYPES.map(([type]) => type).join(', ')} or ?format=`,
    { field: 'accept', http: { status: 406 } },
  );
}

import { tableFromIPC } from 'apache-arrow';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import type { TestApp } from '../support/test-app';

/** GET an export through the server, as a client would; the body stays bytes. */
export function getExport(api: TestApp, url: string, key?: string, headers: Record<string, string> = {}) {
  return api.app.inject({
    method: 'GET',
    url,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
  });
}

/** An Arrow IPC stream's rows as plain objects (dates as `YYYY-MM-DD`), and its schema's types by column. */
export function arrowRows(bytes: Buffer) {
  const table = tableFromIPC(bytes);
  const types = Object.fromEntries(table.schema.fields.map((field) => [field.name, String(field.type)]));
  const dateColumns = table.schema.fields.filter((field) => String(field.type) === 'Date32<DAY>').map((f) => f.name);
  const rows = table.toArray().map((row) => {
    const plain: Record<string, unknown> = { ...row.toJSON() };
    for (const name of dateColumns) {
      if (plain[name] !== null) plain[name] = new Date(plain[name] as number).toISOString().slice(0, 10);
    }
    return plain;
  });
  return { rows, types, batches: table.batches.length };
}

/** A Parquet file's rows as plain objects (dates as `YYYY-MM-DD`), and its metadata. */
export async function parquetRows(bytes: Buffer) {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file })).map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([name, value]) => [
        name,
        value instanceof Date ? value.toISOString().slice(0, 10) : value,
      ]),
    ),
  );
  return { rows, metadata: parquetMetadata(file) };
}

/** RFC 4180 rows of a CSV body with a header line (empty fields as ''). */
export function csvRows(body: string): Record<string, string>[] {
  const fields = (line: string) => {
    const values: string[] = [];
    for (const match of line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)) {
      values.push(match[1].startsWith('"') ? match[1].slice(1, -1).replace(/""/g, '"') : match[1]);
      if (match[2] === '') break;
    }
    return values;
  };
  const [header, ...lines] = body.trimEnd().split('\n');
  const columns = fields(header);
  return lines.map((line) => Object.fromEntries(fields(line).map((value, i) => [columns[i], value])));
}

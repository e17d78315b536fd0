import { IncomingMessage, OutgoingMessage, ServerResponse, validateHeaderName, validateHeaderValue } from 'node:http';
import { Socket } from 'node:net';

type HeaderTable = Record<string, [string, string]>;

/** Node's own table of a response's headers (lower-case name → [name, value]), which setHeader fills. */
const OUT_HEADERS = Object.getOwnPropertySymbols(new OutgoingMessage()).find(
  (symbol) => symbol.description === 'kOutHeaders',
);

/** Sets the fixed headers, and one more of the request's own, on a response. */
type Preset = (response: ServerResponse, extra: [string, string]) => void;

function viaSetHeader(headers: [string, string][]): Preset {
  return (response, [name, value]) => {
    for (const [fixedName, fixedValue] of headers) response.setHeader(fixedName, fixedValue);
    response.setHeader(name, value);
  };
}

/** Whether a response given this table answers with these headers, as it would had setHeader set them. */
function worksOnThisNode(preset: Preset, headers: [string, string][]): boolean {
  const probe = new ServerResponse(new IncomingMessage(new Socket()));
  preset(probe, ['x-probe', 'yes']);
  probe.writeHead(200, { 'content-length': '0' });
  const written = (probe as unknown as { _header: string })._header;
  return [...headers, ['x-probe', 'yes']].every(
    ([name, value]) => probe.getHeader(name) === value && written.includes(`\r\n${name}: ${value}\r\n`),
  );
}

/**
 * The cheapest way to put the same headers on every answer, plus one of the request's own (its id). Node validates
 * every header set through setHeader (two regular expressions per header, on every answer): these are checked once
 * here, then written into a response's header table directly, as setHeader would have left it. Should the table be
 * taken already, or Node keep its headers differently (checked here on a probe response), they go through setHeader.
 * `extra`'s value must be a valid header value (a request id is: see ./request-id.ts).
 */
export function presetHeaders(headers: [string, string][]): Preset {
  for (const [name, value] of headers) {
    validateHeaderName(name);
    validateHeaderValue(name, value);
  }
  const slow = viaSetHeader(headers);
  if (!OUT_HEADERS || headers.some(([name]) => name !== name.toLowerCase())) return slow;
  const symbol = OUT_HEADERS;
  const fast: Preset = (response, extra) => {
    const target = response as unknown as Record<symbol, HeaderTable | null | undefined>;
    if (target[symbol] !== null) return slow(response, extra);
    const table: HeaderTable = Object.create(null) as HeaderTable;
    for (const [name, value] of headers) table[name] = [name, value];
    table[extra[0]] = extra;
    target[symbol] = table;
  };
  return worksOnThisNode(fast, headers) ? fast : slow;
}

import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { presetHeaders } from '../../src/http/preset-headers';

const FIXED: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'SAMEORIGIN'],
];

function response(): ServerResponse {
  return new ServerResponse(new IncomingMessage(new Socket()));
}

/** The header block the response writes. */
function written(res: ServerResponse): string {
  return (res as unknown as { _header: string })._header;
}

describe('presetHeaders', () => {
  it('puts the fixed headers and the extra one on an answer, as setHeader would', () => {
    const res = response();
    presetHeaders(FIXED)(res, ['x-request-id', 'abc-1']);
    expect(res.getHeaders()).toEqual({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'x-request-id': 'abc-1',
    });
    res.writeHead(200, { 'content-type': 'text/plain' });
    expect(written(res)).toContain('\r\nx-content-type-options: nosniff\r\n');
    expect(written(res)).toContain('\r\nx-frame-options: SAMEORIGIN\r\n');
    expect(written(res)).toContain('\r\nx-request-id: abc-1\r\n');
    expect(written(res)).toContain('\r\ncontent-type: text/plain\r\n');
  });

  it('keeps a header set before, and lets later ones replace or remove a preset one', () => {
    const res = response();
    res.setHeader('Connection', 'close');
    const preset = presetHeaders(FIXED);
    preset(res, ['x-request-id', 'abc-2']);
    res.setHeader('x-frame-options', 'DENY');
    res.removeHeader('x-content-type-options');
    res.writeHead(200);
    expect(written(res)).toMatch(/\r\nConnection: close\r\n/);
    expect(written(res)).toContain('\r\nx-frame-options: DENY\r\n');
    expect(written(res)).not.toContain('x-content-type-options');
    expect(written(res)).toContain('\r\nx-request-id: abc-2\r\n');
  });

  it('gives every answer a table of its own', () => {
    const preset = presetHeaders(FIXED);
    const first = response();
    const second = response();
    preset(first, ['x-request-id', 'one']);
    preset(second, ['x-request-id', 'two']);
    first.setHeader('x-frame-options', 'DENY');
    expect(second.getHeader('x-frame-options')).toBe('SAMEORIGIN');
    expect(second.getHeader('x-request-id')).toBe('two');
  });

  it('refuses at start a header Node would refuse', () => {
    expect(() => presetHeaders([['x-bad', 'a\r\nb']])).toThrow();
    expect(() => presetHeaders([['bad name', 'a']])).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { graphqlUrl } from '../../src/http/graphql-url';

const bound = (port: number) => ({ address: '0.0.0.0', family: 'IPv4', port });

describe('graphqlUrl', () => {
  it.each([
    ['0.0.0.0', 4000, 'http://localhost:4000/graphql'],
    ['::', 4000, 'http://localhost:4000/graphql'],
    ['127.0.0.1', 4100, 'http://127.0.0.1:4100/graphql'],
    ['api.example.org', 80, 'http://api.example.org:80/graphql'],
    ['::1', 4000, 'http://[::1]:4000/graphql'],
  ])('prints a server on %s, port %i, as %s', (host, port, expected) => {
    expect(graphqlUrl(host, bound(port))).toBe(expected);
  });
});

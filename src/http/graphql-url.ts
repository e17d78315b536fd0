import type { AddressInfo } from 'node:net';

/**
 * The address to open for the GraphQL endpoint of a server listening on `host`: a server on every interface
 * (0.0.0.0, ::) is reached on this machine as localhost, and the port is the one bound (PORT=0 picks one).
 */
export function graphqlUrl(host: string, address: AddressInfo | string | null): string {
  const port = typeof address === 'object' && address ? address.port : undefined;
  const everywhere = host === '0.0.0.0' || host === '::' || host === '';
  const name = everywhere ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}${port === undefined ? '' : `:${port}`}/graphql`;
}

import { expect } from 'vitest';
import type { TestApp } from './test-app';

export interface ConnectionPage<Node> {
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Follows a connection's cursors from the first page to the last, `first` at a time, asserting that no page has
 * errors, and returns every node in the order the pages gave them.
 */
export async function allPages<Node>(
  api: TestApp,
  query: string,
  connection: (data: Record<string, any>) => ConnectionPage<Node>,
  variables: Record<string, unknown>,
  { first, key }: { first: number; key?: string },
): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await api.graphql(query, { ...variables, first, after }, { key });
    expect(response.errors).toBeUndefined();
    const page = connection(response.data!);
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

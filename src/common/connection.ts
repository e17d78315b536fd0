import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from './pagination';

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a list stands (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether this page was requested after a cursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item of this page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last item: pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

/** A Relay connection type for `nodeType`, with `edges`, `nodes`, `pageInfo` and `totalCount`. */
export function ConnectionType<TNode extends object>(nodeType: ClassType<TNode>, nodeName: string) {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} of a page, with the cursor that points at it.` })
  class Edge {
    @Field(() => nodeType, { description: `The ${nodeName}.` })
    node!: TNode;

    @Field({ description: 'Pass as `after` to continue after this item.' })
    cursor!: string;
  }

  // decorated so subclasses inherit its fields; never emitted itself, as no field returns it
  @ObjectType()
  abstract class Connection {
    constructor(private readonly page: Page<TNode>) {}

    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges(): Edge[] {
      return this.page.nodes.map((node) => ({ node, cursor: this.page.cursor(node) }));
    }

    @Field(() => [nodeType], { description: 'The items of this page (the `node` of each edge).' })
    nodes(): TNode[] {
      return this.page.nodes;
    }

    @Field(() => PageInfo, { description: 'Where this page stands in the whole list.' })
    pageInfo(): PageInfo {
      const { nodes } = this.page;
      return {
        hasNextPage: this.page.hasNextPage,
        hasPreviousPage: this.page.hasPreviousPage,
        startCursor: nodes.length ? this.page.cursor(nodes[0]) : null,
        endCursor: nodes.length ? this.page.cursor(nodes[nodes.length - 1]) : null,
      };
    }

    @Field(() => Int, { description: 'How many items the whole list holds with these filters, over all pages.' })
    totalCount(): number | Promise<number> {
      return this.page.totalCount();
    }
  }
  return Connection;
}

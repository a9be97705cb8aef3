import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Page } from '@app/platform';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the Relay edge and connection types for one node type, under the contract's names. */
export function Connection<T>(node: Type<T>, edgeName: string): Type<ConnectionShape<T>> {
  @ObjectType(edgeName)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}

/** Maps a domain page onto the Relay shape, mapping each node on the way. */
export function toConnection<T, N>(page: Page<T>, map: (node: T) => N): ConnectionShape<N> {
  const edges = page.items.map(({ cursor, node }) => ({ cursor, node: map(node) }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}

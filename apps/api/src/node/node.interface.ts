import { Field, ID, InterfaceType } from '@nestjs/graphql';

/** Which object type a value `node(id)` found is; set by the node resolver, read by GraphQL. */
export const NODE_TYPE = Symbol('node type');

export interface TypedNode {
  readonly [NODE_TYPE]: Function;
}

/**
 * The Relay `Node` interface: anything with an id no other object shares, so normalised client
 * caches can key by id and refetch any record with `node(id)`.
 */
@InterfaceType('Node', {
  description: 'A record with a globally unique id; refetch any of them with `node(id)`',
  resolveType: (node: TypedNode) => node[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID, { description: 'A UUID, unique across every record type' })
  id!: string;
}

import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { hasAnyRole, type Principal } from '../auth/principal.js';
import { isRecordId } from '#events';
import { NODE_TYPE, Node, type TypedNode } from './node.interface.js';
import type { NodeFinder, NodeSource } from './node-source.js';

/** The node sources with their finders, as Nest made them. */
export const NODE_LOOKUPS = Symbol('NODE_LOOKUPS');

export interface NodeLookup {
  readonly source: NodeSource;
  readonly finder: NodeFinder;
}

@Resolver(() => Node)
export class NodeResolver {
  constructor(@Inject(NODE_LOOKUPS) private readonly lookups: readonly NodeLookup[]) {}

  /**
   * Null rather than NOT_FOUND, as Relay expects: an unknown id, a malformed one, another
   * tenant's record and one the caller may not see all look alike.
   */
  @Query(() => Node, {
    nullable: true,
    description: 'Any record of your tenant you may see, by its id; null when there is none',
  })
  async node(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The id of a record of any type' }) id: string,
  ): Promise<(Node & TypedNode) | null> {
    if (!isRecordId(id)) return null;
    for (const { source, finder } of this.lookups) {
      if (!hasAnyRole(principal, source.readers)) continue;
      const found = await finder.find(principal, id);
      if (found) return { ...found, [NODE_TYPE]: source.type };
    }
    return null;
  }
}

import { Module } from '@nestjs/common';
import type { NodeFinder } from './node-source.js';
import { NODE_SOURCES } from './node-sources.js';
import { NODE_LOOKUPS, NodeResolver, type NodeLookup } from './node.resolver.js';

/** `node(id)`: looks an id up in every record type of NODE_SOURCES, through their own modules. */
@Module({
  imports: NODE_SOURCES.map((source) => source.module),
  providers: [
    NodeResolver,
    {
      provide: NODE_LOOKUPS,
      inject: NODE_SOURCES.map((source) => source.finder),
      useFactory: (...finders: NodeFinder[]): NodeLookup[] =>
        NODE_SOURCES.map((source, index) => ({ source, finder: finders[index]! })),
    },
  ],
})
export class NodeModule {}

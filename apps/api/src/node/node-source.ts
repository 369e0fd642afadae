import type { Type } from '@nestjs/common';
import type { Principal, Role } from '../auth/principal.js';
import type { Node } from './node.interface.js';

/** Looks records of one type up by id, as a principal may see them. */
export interface NodeFinder {
  /** The record, or null when it does not exist, is in another tenant or is not theirs to see. */
  find(principal: Principal, id: string): Promise<Node | null>;
}

/** One record type `node(id)` looks ids up in. */
export interface NodeSource {
  /** The record's object type, the one `... on Type` selects. */
  readonly type: Function;
  /** The roles that may read the type at all, as its own query (`incident(id)`...) demands. */
  readonly readers: readonly Role[];
  /** The module whose provider `finder` is. */
  readonly module: Type<unknown>;
  readonly finder: Type<NodeFinder>;
}

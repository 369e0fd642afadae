import type { Type } from '@nestjs/common';
import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../graphql/page-info.type.js';
import type { RecordNames } from './record-names.js';

export interface Edge<Model> {
  cursor: string;
  node: Model;
}

export interface Connection<Model> {
  edges: Edge<Model>[];
  pageInfo: PageInfo;
}

/** A Relay connection of a record type, `<Type>Connection` with its `<Type>Edge`. */
export function Connection<Model>(model: Type<Model>, names: RecordNames): Type<Connection<Model>> {
  @ObjectType(`${names.type}Edge`, { description: `One ${names.singular} of a list, with the cursor to continue after it` })
  class RecordEdge implements Edge<Model> {
    @Field({ description: `Opaque; pass as \`after\` to continue after this ${names.singular}` }) cursor!: string;
    @Field(() => model, { description: `The ${names.singular}` }) node!: Model;
  }

  @ObjectType(`${names.type}Connection`, {
    description: `A page of ${names.plural} in ${names.listOrder}: ${names.listOrderMeans}`,
  })
  class RecordConnection implements Connection<Model> {
    @Field(() => [RecordEdge], { description: `The ${names.plural} of this page, in ${names.listOrder}` }) edges!: RecordEdge[];
    @Field(() => PageInfo, { description: 'Whether there is a next page, and the cursor to ask for it' }) pageInfo!: PageInfo;
  }

  return RecordConnection;
}

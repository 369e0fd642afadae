import type { Type } from '@nestjs/common';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { RecordNames } from './record-names.js';

/**
 * What every mutation of a record type returns. Once the command appended, `<record>Id`,
 * `version` and `position` are always there; only the record, read from the read model, may be
 * late (null, with a CONSISTENCY_TIMEOUT error at its path), so a client never loses what it wrote.
 */
export type MutationPayload<Model, Singular extends string> = {
  [K in Singular]?: Model;
} & {
  /** In the schema as `<record>Id`. */
  recordId: string;
  version: string;
  position: string;
  /** Not in the schema: whose record the payload is about. */
  tenant: string;
};

/** `<Type>Payload`: the record's id as `<record>Id`, the record itself under `<record>`. */
export function MutationPayload<Model, Singular extends string>(
  model: Type<Model>,
  names: RecordNames<Singular>,
): Type<MutationPayload<Model, Singular>> {
  @ObjectType(`${names.type}Payload`, {
    description: `What ${names.withArticle} mutation returns: the record id, its new version, where to read it, and the record`,
  })
  class RecordPayload {
    @Field(() => ID, {
      name: `${names.singular}Id`,
      description: `The ${names.singular} the mutation wrote to (for open${names.type}, the new one)`,
    })
    recordId!: string;
    @Field({ description: 'The record version after the mutation; send it back as expectedVersion' }) version!: string;
    @Field({ description: 'Pass as consistentWith to read your own write' }) position!: string;
    tenant!: string;
  }
  // Named after the record, so declared by name rather than as a class property.
  Field(() => model, {
    nullable: true,
    description: 'The record, read from the read model at `position` or later; null with CONSISTENCY_TIMEOUT if that is late',
  })(RecordPayload.prototype, names.singular);
  return RecordPayload as Type<MutationPayload<Model, Singular>>;
}

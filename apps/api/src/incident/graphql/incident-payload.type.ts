import { Field, ID, ObjectType } from '@nestjs/graphql';
import { IncidentModel } from './incident.type.js';

/**
 * What every incident mutation returns. Once the command appended, `incidentId`, `version` and
 * `position` are always there; only `incident`, read from the read model, may be late (null,
 * with a CONSISTENCY_TIMEOUT error at its path), so a client never loses what it wrote.
 */
@ObjectType({ description: 'What an incident mutation returns: the record id, its new version, where to read it, and the record' })
export class IncidentPayload {
  /** Named for the record kind in the schema, `recordId` for the one command path. */
  @Field(() => ID, { name: 'incidentId', description: 'The incident the mutation wrote to (for openIncident, the new one)' })
  recordId!: string;
  @Field(() => IncidentModel, {
    nullable: true,
    description: 'The record, read from the read model at `position` or later; null with CONSISTENCY_TIMEOUT if that is late',
  })
  incident?: IncidentModel;
  @Field({ description: 'The record version after the mutation; send it back as expectedVersion' })
  version!: string;
  @Field({ description: 'Pass as consistentWith to read your own write' })
  position!: string;
  /** Not in the schema: whose record the payload is about. */
  tenant!: string;
}

import { Field, ObjectType } from '@nestjs/graphql';
import { IncidentModel } from './incident.type.js';

/** What every incident mutation returns; `incident` is read once projections have caught up. */
@ObjectType({ description: 'What an incident mutation returns: the record, its new version and where to read it' })
export class IncidentPayload {
  @Field(() => IncidentModel, { description: 'The record, read from the read model at `position` or later' })
  incident?: IncidentModel;
  @Field({ description: 'The record version after the mutation; send it back as expectedVersion' })
  version!: string;
  @Field({ description: 'Pass as consistentWith to read your own write' })
  position!: string;
  /** Not in the schema: which record the payload is about. */
  id!: string;
  tenant!: string;
}

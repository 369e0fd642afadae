import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../graphql/page-info.type.js';
import { IncidentModel } from './incident.type.js';

@ObjectType()
export class IncidentEdge {
  @Field({ description: 'Opaque; pass as `after` to continue after this incident' }) cursor!: string;
  @Field(() => IncidentModel) node!: IncidentModel;
}

@ObjectType({ description: 'A page of incidents in queue order: priority, then oldest first' })
export class IncidentConnection {
  @Field(() => [IncidentEdge]) edges!: IncidentEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

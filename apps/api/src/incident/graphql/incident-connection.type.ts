import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../graphql/page-info.type.js';
import { IncidentModel } from './incident.type.js';

@ObjectType({ description: 'One incident of a list, with the cursor to continue after it' })
export class IncidentEdge {
  @Field({ description: 'Opaque; pass as `after` to continue after this incident' }) cursor!: string;
  @Field(() => IncidentModel, { description: 'The incident' }) node!: IncidentModel;
}

@ObjectType({ description: 'A page of incidents in queue order: priority, then oldest first' })
export class IncidentConnection {
  @Field(() => [IncidentEdge], { description: 'The incidents of this page, in queue order' }) edges!: IncidentEdge[];
  @Field(() => PageInfo, { description: 'Whether there is a next page, and the cursor to ask for it' }) pageInfo!: PageInfo;
}

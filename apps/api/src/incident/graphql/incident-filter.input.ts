import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import type { IncidentStatus } from '#domain';
import type { Priority } from '#events';
import { IncidentStateEnum } from './incident-enums.js';
import { PriorityEnum } from '../../graphql/priority.enum.js';

@InputType({
  description:
    'Which incidents: criteria combine with AND, the values of a list with OR; an absent or empty one restricts nothing',
})
export class IncidentFilter {
  // GraphQL itself refuses values outside these enums.
  @Field(() => [IncidentStateEnum], { nullable: true, description: 'Incidents in any of these states' })
  @IsOptional()
  state?: IncidentStatus[] | null;

  @Field(() => [PriorityEnum], { nullable: true, description: 'Incidents of any of these priorities' })
  @IsOptional()
  priority?: Priority[] | null;

  @Field(() => String, { nullable: true, description: 'Incidents assigned to this team (exact match)' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  assignmentGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'Incidents assigned to this subject id (exact match)' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  assignee?: string | null;

  @Field(() => String, { nullable: true, description: 'Incidents affecting this service or configuration item (exact match)' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  serviceId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Incidents flagged for follow-up by a change that closed UNSUCCESSFUL (true), or not flagged (false)',
  })
  @IsOptional()
  @IsBoolean()
  followUp?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Whole words of number, title or description; "quoted phrase", or, -excluded',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  text?: string | null;
}

import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import type { IncidentStatus } from '#domain';
import { RecordFilterInput } from '../../records/record-filter.input.js';
import { IncidentStateEnum } from './incident-enums.js';

@InputType({
  description:
    'Which incidents: criteria combine with AND, the values of a list with OR; an absent or empty one restricts nothing',
})
export class IncidentFilter extends RecordFilterInput('Incidents', 'number, title or description') {
  // GraphQL itself refuses values outside these enums.
  @Field(() => [IncidentStateEnum], { nullable: true, description: 'Incidents in any of these states' })
  @IsOptional()
  state?: IncidentStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Incidents flagged for follow-up by a change that closed UNSUCCESSFUL (true), or not flagged (false)',
  })
  @IsOptional()
  @IsBoolean()
  followUp?: boolean | null;
}

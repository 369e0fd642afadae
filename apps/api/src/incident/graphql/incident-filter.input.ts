import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import type { IncidentStatus } from '#domain';
import type { IncidentPriority } from '#events';
import { IncidentPriorityEnum, IncidentStateEnum } from './incident-enums.js';

/** Criteria combine with AND; the values of a list with OR; an absent or empty one restricts nothing. */
@InputType()
export class IncidentFilter {
  // GraphQL itself refuses values outside these enums.
  @Field(() => [IncidentStateEnum], { nullable: true }) @IsOptional() state?: IncidentStatus[] | null;

  @Field(() => [IncidentPriorityEnum], { nullable: true }) @IsOptional() priority?: IncidentPriority[] | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 128) assignmentGroup?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 128) assignee?: string | null;

  @Field(() => String, { nullable: true, description: 'Affected service or configuration item' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  serviceId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Whole words of number, title or description; "quoted phrase", or, -excluded',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  text?: string | null;
}

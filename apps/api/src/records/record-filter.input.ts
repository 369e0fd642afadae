import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import type { Priority } from '#events';
import { PriorityEnum } from '../graphql/priority.enum.js';

/**
 * The criteria every ITSM record list shares (SPEC: "filterable by state, priority, assignment
 * group, assignee, service, text"), described for one record type: `plural` is `Incidents`...
 * and `textFields` the words `text` searches. Each record adds its state and its own criteria.
 */
export function RecordFilterInput(plural: string, textFields: string) {
  @InputType({ isAbstract: true })
  abstract class RecordFilter {
    // GraphQL itself refuses values outside the enum.
    @Field(() => [PriorityEnum], { nullable: true, description: `${plural} of any of these priorities` })
    @IsOptional()
    priority?: Priority[] | null;

    @Field(() => String, { nullable: true, description: `${plural} assigned to this team (exact match)` })
    @IsOptional()
    @IsString()
    @Length(1, 128)
    assignmentGroup?: string | null;

    @Field(() => String, { nullable: true, description: `${plural} assigned to this subject id (exact match)` })
    @IsOptional()
    @IsString()
    @Length(1, 128)
    assignee?: string | null;

    @Field(() => String, { nullable: true, description: `${plural} affecting this service or configuration item (exact match)` })
    @IsOptional()
    @IsString()
    @Length(1, 128)
    serviceId?: string | null;

    @Field(() => String, {
      nullable: true,
      description: `Whole words of ${textFields}; "quoted phrase", or, -excluded`,
    })
    @IsOptional()
    @IsString()
    @Length(1, 200)
    text?: string | null;
  }
  return RecordFilter;
}

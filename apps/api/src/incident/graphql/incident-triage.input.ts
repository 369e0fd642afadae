import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { IncidentCommandInput } from './incident-command.input.js';
import { NOTES_MAX, REASON_MAX } from '../../records/input-limits.js';

/** Inputs that decide who works an incident, how urgent it is and what it is about. */

@InputType({
  description:
    'Give at least one field. Absent fields keep their value, null clears; a new group without an assignee clears the assignee',
})
export class AssignIncidentInput extends IncidentCommandInput {
  @Field(() => String, { nullable: true, description: 'The responsible team, at most 128 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  assignmentGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'Subject id of the person to work it, at most 128 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  assignee?: string | null;
}

@InputType({ description: 'A new impact and urgency, hence priority and SLA targets' })
export class ReprioritizeIncidentInput extends IncidentCommandInput {
  @Field(() => Int, { description: 'How widely it affects the business: 1 high .. 3 low' })
  @IsInt()
  @Min(1)
  @Max(3)
  impact!: number;

  @Field(() => Int, { description: 'How soon the business needs it solved: 1 high .. 3 low' })
  @IsInt()
  @Min(1)
  @Max(3)
  urgency!: number;

  @Field({ description: 'Why: not blank, at most 2,000 characters; recorded with the change' })
  @IsString()
  @Length(1, REASON_MAX)
  reason!: string;
}

@InputType({
  description: 'Give at least one field. Absent or null fields are left alone, except serviceId: null clears it',
})
export class UpdateIncidentDetailsInput extends IncidentCommandInput {
  @Field(() => String, { nullable: true, description: 'A new one-line summary: not blank, at most 200 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'A new full account, at most 20,000 characters; may be empty' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTES_MAX)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'A new classification: not blank, at most 64 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  category?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The affected service or configuration item, at most 128 characters; null clears it',
  })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  serviceId?: string | null;
}

@InputType({ description: 'Flag an incident as major' })
export class DeclareMajorIncidentInput extends IncidentCommandInput {
  @Field({ description: 'Why it is major: not blank, at most 2,000 characters' })
  @IsString()
  @Length(1, REASON_MAX)
  reason!: string;
}

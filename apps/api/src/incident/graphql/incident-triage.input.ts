import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { IncidentCommandInput } from './incident-command.input.js';
import { NOTES_MAX, REASON_MAX } from './incident-input-limits.js';

/** Inputs that decide who works an incident, how urgent it is and what it is about. */

@InputType({ description: 'Absent fields keep their value, null clears; a new group without an assignee clears the assignee' })
export class AssignIncidentInput extends IncidentCommandInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 128) assignmentGroup?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 128) assignee?: string | null;
}

@InputType()
export class ReprioritizeIncidentInput extends IncidentCommandInput {
  @Field(() => Int, { description: '1 high .. 3 low' }) @IsInt() @Min(1) @Max(3) impact!: number;

  @Field(() => Int, { description: '1 high .. 3 low' }) @IsInt() @Min(1) @Max(3) urgency!: number;

  @Field() @IsString() @Length(1, REASON_MAX) reason!: string;
}

@InputType({ description: 'Absent or null fields are left alone, except serviceId: null clears it' })
export class UpdateIncidentDetailsInput extends IncidentCommandInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 200) title?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(NOTES_MAX) description?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 64) category?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 128) serviceId?: string | null;
}

@InputType()
export class DeclareMajorIncidentInput extends IncidentCommandInput {
  @Field() @IsString() @Length(1, REASON_MAX) reason!: string;
}

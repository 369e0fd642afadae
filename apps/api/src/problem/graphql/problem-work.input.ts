import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { RECORD_ID_PATTERN } from '#events';
import { NOTES_MAX } from '../../records/input-limits.js';
import { ProblemCommandInput } from './problem-command.input.js';

/** Inputs of the work on a problem besides its transitions: assignment, workaround, known error, fixing change. */

@InputType({ description: 'Who works the problem; absent fields keep their value, null clears; a new group without an assignee clears the assignee' })
export class AssignProblemInput extends ProblemCommandInput {
  @Field(() => String, { nullable: true, description: 'The team, at most 128 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  assignmentGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'Subject id of the person, at most 128 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  assignee?: string | null;
}

@InputType({ description: 'How people get service back until the cause is removed; replaces any earlier workaround' })
export class DocumentProblemWorkaroundInput extends ProblemCommandInput {
  @Field({ description: 'The workaround: not blank, at most 20,000 characters' }) @IsString() @Length(1, NOTES_MAX) workaround!: string;
}

@InputType({ description: 'Publish the problem as a known error, from ASSESSED on; it needs a workaround' })
export class MarkKnownErrorInput extends ProblemCommandInput {
  @Field(() => String, { nullable: true, description: 'A workaround to document first, at most 20,000 characters; else the one documented' })
  @IsOptional()
  @IsString()
  @Length(1, NOTES_MAX)
  workaround?: string | null;
}

@InputType({ description: 'The change that fixes the problem, during root cause analysis or the fix' })
export class RecordProblemFixingChangeInput extends ProblemCommandInput {
  @Field(() => ID, { description: 'The id (UUID) of the change' })
  @Matches(RECORD_ID_PATTERN, { message: 'changeId must be a change id' })
  changeId!: string;
}

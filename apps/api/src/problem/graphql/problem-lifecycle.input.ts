import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { RECORD_ID_PATTERN, type ProblemResolveCode } from '#events';
import { CommandOptionsInput } from '../../records/command-options.input.js';
import { NOTES_MAX, REASON_MAX } from '../../records/input-limits.js';
import { ProblemCommandInput } from './problem-command.input.js';
import { ProblemResolveCodeEnum } from './problem-enums.js';

/** Inputs of the state transitions: NEW -> ASSESSED -> ROOT_CAUSE_ANALYSIS -> FIX_IN_PROGRESS -> RESOLVED -> CLOSED. */

@InputType({ description: 'A new problem; its priority follows from impact and urgency' })
export class LogProblemInput extends CommandOptionsInput {
  @Field({ description: 'The problem statement: not blank, at most 200 characters' }) @IsString() @Length(1, 200) statement!: string;

  @Field({ defaultValue: '', description: 'The full account, at most 20,000 characters' })
  @IsString()
  @MaxLength(NOTES_MAX)
  description!: string;

  @Field(() => String, { nullable: true, description: 'The affected service or configuration item, at most 128 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  serviceId?: string | null;

  @Field(() => Int, { description: 'How widely it affects the business: 1 high .. 3 low' }) @IsInt() @Min(1) @Max(3) impact!: number;
  @Field(() => Int, { description: 'How soon the business needs it solved: 1 high .. 3 low' }) @IsInt() @Min(1) @Max(3) urgency!: number;

  @Field(() => String, { nullable: true, description: 'The team to work it, at most 128 characters' })
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

@InputType({ description: 'Confirm a NEW problem, with impact and urgency as assessed' })
export class AssessProblemInput extends ProblemCommandInput {
  @Field(() => Int, { description: '1 high .. 3 low' }) @IsInt() @Min(1) @Max(3) impact!: number;
  @Field(() => Int, { description: '1 high .. 3 low' }) @IsInt() @Min(1) @Max(3) urgency!: number;
}

@InputType({ description: 'Start looking for the cause of an ASSESSED problem' })
export class StartRootCauseAnalysisInput extends ProblemCommandInput {}

@InputType({ description: 'The cause found by the analysis; the problem moves to FIX_IN_PROGRESS' })
export class RecordRootCauseInput extends ProblemCommandInput {
  @Field({ description: 'The root cause: not blank, at most 20,000 characters' }) @IsString() @Length(1, NOTES_MAX) rootCause!: string;
}

@InputType({ description: 'Resolve a problem; which codes fit which state is on ProblemResolveCode' })
export class ResolveProblemInput extends ProblemCommandInput {
  @Field(() => ProblemResolveCodeEnum, { description: 'How it is resolved' })
  @IsEnum(ProblemResolveCodeEnum)
  resolutionCode!: ProblemResolveCode;

  @Field(() => ID, { nullable: true, description: 'The problem this one duplicates: required for DUPLICATE, refused otherwise' })
  @IsOptional()
  @Matches(RECORD_ID_PATTERN, { message: 'duplicateOf must be a problem id' })
  duplicateOf?: string | null;

  @Field({ defaultValue: '', description: 'What was done, at most 20,000 characters' })
  @IsString()
  @MaxLength(NOTES_MAX)
  resolutionNotes!: string;
}

@InputType({ description: 'Send a RESOLVED problem back to root cause analysis: the fix did not hold' })
export class ReanalyzeProblemInput extends ProblemCommandInput {
  @Field({ description: 'Why: not blank, at most 2,000 characters' }) @IsString() @Length(1, REASON_MAX) reason!: string;
}

@InputType({ description: 'Close a RESOLVED problem' })
export class CloseProblemInput extends ProblemCommandInput {}

@InputType({ description: 'Withdraw a problem that is not closed; it is CLOSED with the code CANCELED' })
export class CancelProblemInput extends ProblemCommandInput {
  @Field({ description: 'Why: not blank, at most 2,000 characters' }) @IsString() @Length(1, REASON_MAX) reason!: string;
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, Length, Matches } from 'class-validator';
import type { ChangeCloseCode } from '#events';
import { RECORD_ID_PATTERN } from '#events';
import { DateTimeScalar } from '../../graphql/date-time.scalar.js';
import { NOTES_MAX, REASON_MAX } from '../../records/input-limits.js';
import { ChangeCommandInput } from './change-command.input.js';
import { ChangeCloseCodeEnum } from './change-enums.js';

@InputType({ description: 'Set the planned window; conflicts are listed on the change (a STANDARD change with any is refused: SCHEDULE_CONFLICT)' })
export class ScheduleChangeInput extends ChangeCommandInput {
  @Field(() => DateTimeScalar, { description: 'Planned start' }) plannedStart!: string;
  @Field(() => DateTimeScalar, { description: 'Planned end, after the start' }) plannedEnd!: string;
}

@InputType({ description: 'Start implementing a SCHEDULED change' })
export class StartChangeImplementationInput extends ChangeCommandInput {}

@InputType({ description: 'Finish implementing a change: it goes to REVIEW' })
export class CompleteChangeImplementationInput extends ChangeCommandInput {
  @Field(() => ChangeCloseCodeEnum, { description: 'How it went' }) @IsEnum(ChangeCloseCodeEnum) closeCode!: ChangeCloseCode;
  @Field({ description: 'What happened: not blank, at most 20,000 characters' }) @IsString() @Length(1, NOTES_MAX) closeNotes!: string;
}

@InputType({ description: 'Record the post-implementation review of a change in REVIEW: it closes' })
export class CompleteChangeReviewInput extends ChangeCommandInput {
  @Field({ description: 'What was learnt: not blank, at most 20,000 characters' }) @IsString() @Length(1, NOTES_MAX) reviewNotes!: string;
}

@InputType({ description: 'Withdraw a change before its review' })
export class CancelChangeInput extends ChangeCommandInput {
  @Field({ description: 'Why: not blank, at most 2,000 characters' }) @IsString() @Length(1, REASON_MAX) reason!: string;
}

@InputType({ description: 'Link an incident of your tenant to a change that is not final' })
export class LinkChangeToIncidentInput extends ChangeCommandInput {
  @Field(() => ID, { description: 'The incident' }) @Matches(RECORD_ID_PATTERN, { message: 'incidentId must be an incident id' }) incidentId!: string;
}

@InputType({ description: 'Link a problem of your tenant to a change that is not final' })
export class LinkChangeToProblemInput extends ChangeCommandInput {
  @Field(() => ID, { description: 'The problem' }) @Matches(RECORD_ID_PATTERN, { message: 'problemId must be a problem id' }) problemId!: string;
}

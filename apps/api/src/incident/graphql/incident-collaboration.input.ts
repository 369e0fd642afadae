import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';
import { RECORD_ID_PATTERN } from '#events';
import { IncidentCommandInput } from './incident-command.input.js';
import { NOTES_MAX } from '../../records/input-limits.js';

/** Inputs of notes, comments and links to other records. */

@InputType({ description: 'An internal note for the people working the incident' })
export class AddIncidentWorkNoteInput extends IncidentCommandInput {
  @Field({ description: 'The note: not blank, at most 20,000 characters; requesters never see it' })
  @IsString()
  @Length(1, NOTES_MAX)
  text!: string;
}

@InputType({ description: 'A comment the caller sees' })
export class AddIncidentCommentInput extends IncidentCommandInput {
  @Field({ description: 'The comment: not blank, at most 20,000 characters' }) @IsString() @Length(1, NOTES_MAX) text!: string;
}

@InputType({ description: 'A problem this incident is a symptom of' })
export class LinkIncidentToProblemInput extends IncidentCommandInput {
  @Field(() => ID, { description: 'The id (UUID) of the problem' })
  @Matches(RECORD_ID_PATTERN, { message: 'problemId must be a problem id' })
  problemId!: string;
}

@InputType({ description: 'Remove the link to the problem the incident names' })
export class UnlinkIncidentFromProblemInput extends IncidentCommandInput {
  @Field(() => ID, { description: 'The id (UUID) of the problem it is linked to now; refused if it names another' })
  @Matches(RECORD_ID_PATTERN, { message: 'problemId must be a problem id' })
  problemId!: string;
}

@InputType({ description: 'A change that caused or will fix this incident' })
export class LinkIncidentToChangeInput extends IncidentCommandInput {
  @Field(() => ID, { description: 'The id (UUID) of the change' })
  @Matches(RECORD_ID_PATTERN, { message: 'changeId must be a change id' })
  changeId!: string;
}

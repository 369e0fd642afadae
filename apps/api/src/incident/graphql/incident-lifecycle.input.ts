import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, Length } from 'class-validator';
import type { IncidentHoldReason, IncidentResolutionCode } from '#events';
import { IncidentHoldReasonEnum, IncidentResolutionCodeEnum } from './incident-enums.js';
import { IncidentCommandInput } from './incident-command.input.js';
import { NOTES_MAX, REASON_MAX } from '../../records/input-limits.js';

/** Inputs of the state transitions: NEW -> IN_PROGRESS <-> ON_HOLD -> RESOLVED -> CLOSED, cancel. */

@InputType({ description: 'Start work on a NEW incident' })
export class StartIncidentWorkInput extends IncidentCommandInput {}

@InputType({ description: 'Pause an incident IN_PROGRESS while it waits for someone' })
export class PutIncidentOnHoldInput extends IncidentCommandInput {
  @Field(() => IncidentHoldReasonEnum, { description: 'Whom it waits for' })
  @IsEnum(IncidentHoldReasonEnum)
  holdReason!: IncidentHoldReason;
}

@InputType({ description: 'Take an incident ON_HOLD back into work' })
export class ResumeIncidentInput extends IncidentCommandInput {}

@InputType({ description: 'Resolve an incident not yet resolved' })
export class ResolveIncidentInput extends IncidentCommandInput {
  @Field(() => IncidentResolutionCodeEnum, { description: 'How it was resolved' })
  @IsEnum(IncidentResolutionCodeEnum)
  resolutionCode!: IncidentResolutionCode;

  @Field({ description: 'What was done: not blank, at most 20,000 characters; the caller sees it' })
  @IsString()
  @Length(1, NOTES_MAX)
  resolutionNotes!: string;
}

@InputType({ description: 'Close a RESOLVED incident' })
export class CloseIncidentInput extends IncidentCommandInput {}

@InputType({ description: 'Reopen a RESOLVED incident whose resolution did not hold' })
export class ReopenIncidentInput extends IncidentCommandInput {
  @Field({ description: 'Why: not blank, at most 2,000 characters' }) @IsString() @Length(1, REASON_MAX) reason!: string;
}

@InputType({ description: 'Withdraw an incident that is not resolved' })
export class CancelIncidentInput extends IncidentCommandInput {
  @Field({ description: 'Why: not blank, at most 2,000 characters' }) @IsString() @Length(1, REASON_MAX) reason!: string;
}

import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, Length } from 'class-validator';
import type { IncidentHoldReason, IncidentResolutionCode } from '#events';
import { IncidentHoldReasonEnum, IncidentResolutionCodeEnum } from './incident-enums.js';
import { IncidentCommandInput } from './incident-command.input.js';
import { NOTES_MAX, REASON_MAX } from './incident-input-limits.js';

/** Inputs of the state transitions: NEW -> IN_PROGRESS <-> ON_HOLD -> RESOLVED -> CLOSED, cancel. */

@InputType()
export class StartIncidentWorkInput extends IncidentCommandInput {}

@InputType()
export class PutIncidentOnHoldInput extends IncidentCommandInput {
  @Field(() => IncidentHoldReasonEnum) @IsEnum(IncidentHoldReasonEnum) holdReason!: IncidentHoldReason;
}

@InputType()
export class ResumeIncidentInput extends IncidentCommandInput {}

@InputType()
export class ResolveIncidentInput extends IncidentCommandInput {
  @Field(() => IncidentResolutionCodeEnum) @IsEnum(IncidentResolutionCodeEnum) resolutionCode!: IncidentResolutionCode;

  @Field() @IsString() @Length(1, NOTES_MAX) resolutionNotes!: string;
}

@InputType()
export class CloseIncidentInput extends IncidentCommandInput {}

@InputType()
export class ReopenIncidentInput extends IncidentCommandInput {
  @Field() @IsString() @Length(1, REASON_MAX) reason!: string;
}

@InputType()
export class CancelIncidentInput extends IncidentCommandInput {
  @Field() @IsString() @Length(1, REASON_MAX) reason!: string;
}

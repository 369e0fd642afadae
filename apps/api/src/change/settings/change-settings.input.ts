import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsString, Length, Matches } from 'class-validator';
import { RECORD_ID_PATTERN } from '#events';
import { DateTimeScalar } from '../../graphql/date-time.scalar.js';
import { CommandOptionsInput } from '../../records/command-options.input.js';

@InputType({ description: 'Who authorises changes; rounds already started keep their approvers' })
export class ConfigureChangeAuthorityInput extends CommandOptionsInput {
  @Field(() => [String], { description: 'Subject ids of the CAB members, at most 50' })
  @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 128, { each: true }) cabMembers!: string[];
  @Field(() => [String], { description: 'Subject ids of the emergency approvers, at most 50' })
  @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 128, { each: true }) emergencyApprovers!: string[];
}

@InputType({ description: 'A new blackout (freeze) window' })
export class AddBlackoutWindowInput extends CommandOptionsInput {
  @Field({ description: 'What it is for: not blank, at most 200 characters' }) @IsString() @Length(1, 200) name!: string;
  @Field(() => DateTimeScalar, { description: 'When it starts' }) start!: string;
  @Field(() => DateTimeScalar, { description: 'When it ends, after the start' }) end!: string;
}

@InputType({ description: 'Lift a blackout window' })
export class RemoveBlackoutWindowInput extends CommandOptionsInput {
  @Field(() => ID, { description: 'The window; NOT_FOUND unless your tenant has it' })
  @Matches(RECORD_ID_PATTERN, { message: 'windowId must be a blackout window id' })
  windowId!: string;
}

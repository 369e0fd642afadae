import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/date-time.scalar.js';

@ObjectType({ description: 'A freeze: changes planned into it conflict (a warning, or a refusal for STANDARD changes)' })
export class BlackoutWindow {
  @Field(() => ID, { description: 'Pass to removeBlackoutWindow' }) windowId!: string;
  @Field({ description: 'What it is for, e.g. "Quarter-end close"' }) name!: string;
  @Field(() => DateTimeScalar, { description: 'When it starts' }) start!: string;
  @Field(() => DateTimeScalar, { description: 'When it ends' }) end!: string;
}

@ObjectType({ description: "Your tenant's change authority and blackout windows" })
export class ChangeSettings {
  @Field(() => [String], { description: 'Subject ids of the CAB members, asked in every NORMAL change round' }) cabMembers!: string[];
  @Field(() => [String], { description: 'Subject ids of the emergency approvers, asked in every EMERGENCY change round' })
  emergencyApprovers!: string[];
  @Field(() => [BlackoutWindow], { description: 'Every blackout window, by start' }) blackoutWindows!: BlackoutWindow[];
}

@ObjectType({ description: 'The change settings after a mutation' })
export class ChangeSettingsPayload {
  @Field(() => ChangeSettings, { description: 'The settings now' }) changeSettings!: ChangeSettings;
  @Field({ description: 'Version of the settings stream; pass as expectedVersion' }) version!: string;
}

import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { CommandOptionsInput } from '../../records/command-options.input.js';
import { IncidentSlaPolicyInput } from './incident-sla-policy.input.js';

@InputType({ description: 'The SLA policy that replaces the current one' })
export class ConfigureIncidentSlaPolicyInput extends CommandOptionsInput {
  @Field(() => IncidentSlaPolicyInput, { description: 'Targets for every priority' })
  @ValidateNested()
  @Type(() => IncidentSlaPolicyInput)
  policy!: IncidentSlaPolicyInput;
}

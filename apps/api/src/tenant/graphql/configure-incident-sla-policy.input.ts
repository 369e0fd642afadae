import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { CommandOptionsInput } from '../../incident/graphql/command-options.input.js';
import { IncidentSlaPolicyInput } from './incident-sla-policy.input.js';

@InputType()
export class ConfigureIncidentSlaPolicyInput extends CommandOptionsInput {
  @Field(() => IncidentSlaPolicyInput) @ValidateNested() @Type(() => IncidentSlaPolicyInput)
  policy!: IncidentSlaPolicyInput;
}

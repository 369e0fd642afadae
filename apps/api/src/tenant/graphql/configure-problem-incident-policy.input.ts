import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { CommandOptionsInput } from '../../records/command-options.input.js';

@InputType({ description: 'Whether fixing a problem resolves its open incidents' })
export class ConfigureProblemIncidentPolicyInput extends CommandOptionsInput {
  @Field({
    description:
      'True (the default): when a problem is resolved with FIX_APPLIED, its linked incidents that are still open are resolved too; false: they are left to their agents',
  })
  @IsBoolean()
  resolveLinkedIncidentsOnFix!: boolean;
}

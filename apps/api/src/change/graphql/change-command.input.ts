import { Field, ID, InputType } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { RECORD_ID_PATTERN } from '#events';
import { CommandOptionsInput } from '../../records/command-options.input.js';

/** Every command on an existing change names it, besides the common command options. */
@InputType({ isAbstract: true })
export abstract class ChangeCommandInput extends CommandOptionsInput {
  @Field(() => ID, { description: 'The change; NOT_FOUND unless it is in your tenant' })
  @Matches(RECORD_ID_PATTERN, { message: 'id must be a change id' })
  id!: string;
}

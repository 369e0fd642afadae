import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import type { ProblemStatus } from '#domain';
import { RecordFilterInput } from '../../records/record-filter.input.js';
import { ProblemStateEnum } from './problem-enums.js';

@InputType({
  description:
    'Which problems: criteria combine with AND, the values of a list with OR; an absent or empty one restricts nothing',
})
export class ProblemFilter extends RecordFilterInput('Problems', 'number, statement, description, root cause or workaround') {
  @Field(() => [ProblemStateEnum], { nullable: true, description: 'Problems in any of these states' })
  @IsOptional()
  state?: ProblemStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only published known errors (search their workarounds with text); false: only problems that are not',
  })
  @IsOptional()
  @IsBoolean()
  knownError?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Problems flagged for follow-up by a change that closed UNSUCCESSFUL (true), or not flagged (false)',
  })
  @IsOptional()
  @IsBoolean()
  followUp?: boolean | null;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/date-time.scalar.js';

@ObjectType({ description: 'A linked change that closed UNSUCCESSFUL: the record needs a look again' })
export class ChangeFollowUp {
  @Field(() => ID, { description: 'The change' }) changeId!: string;
  @Field({ description: 'Its number, e.g. CHG0001001' }) changeNumber!: string;
  @Field(() => DateTimeScalar, { description: 'When the record was flagged' }) at!: string;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ProblemStatus } from '#domain';
import { ProblemStateEnum } from './problem-enums.js';

@ObjectType({ description: 'The problem behind an incident, as agents working the incident need it' })
export class IncidentProblem {
  @Field(() => ID, { description: 'The problem; problem(id) has the rest' }) id!: string;
  @Field({ description: 'Human-readable: PRB0001001' }) number!: string;
  @Field(() => ProblemStateEnum, { description: 'Where the problem is in its life cycle' }) state!: ProblemStatus;
  @Field({ description: 'True once the problem is published as a known error' }) knownError!: boolean;
  @Field(() => String, { nullable: true, description: 'The workaround to apply, once the problem is a known error; null before' })
  workaround!: string | null;
}

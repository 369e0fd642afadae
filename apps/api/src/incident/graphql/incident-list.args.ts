import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IncidentFilter } from './incident-filter.input.js';

@ArgsType()
export class IncidentListArgs {
  @Field(() => IncidentFilter, { nullable: true, description: 'Which incidents; all you may see when absent' })
  @IsOptional()
  @ValidateNested()
  @Type(() => IncidentFilter)
  filter?: IncidentFilter | null;

  @Field(() => Int, { defaultValue: 20, description: 'Page size: 1 .. 100' }) @IsInt() @Min(1) @Max(100) first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page; absent for the first page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A position a mutation returned: wait (up to 5 s) until read models include it',
  })
  @IsOptional()
  @IsString()
  consistentWith?: string | null;
}

import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type as TransformTo } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { RecordNames } from './record-names.js';

export interface RecordListArgs<FilterInput> {
  filter?: FilterInput | null;
  first: number;
  after?: string | null;
  consistentWith?: string | null;
}

/** The arguments of a record type's list query: its filter, then Relay forward paging. */
export function RecordListArgs<FilterInput>(filter: Type<FilterInput>, names: RecordNames): Type<RecordListArgs<FilterInput>> {
  @ArgsType()
  class ListArgs implements RecordListArgs<FilterInput> {
    @Field(() => filter, { nullable: true, description: `Which ${names.plural}; all you may see when absent` })
    @IsOptional()
    @ValidateNested()
    @TransformTo(() => filter)
    filter?: FilterInput | null;

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
  return ListArgs;
}

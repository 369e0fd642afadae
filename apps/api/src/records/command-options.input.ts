import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { RECORD_VERSION_PATTERN } from '#events';

/** The fields every mutation input shares: idempotency key and optimistic concurrency. */
@InputType({ isAbstract: true })
export abstract class CommandOptionsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Idempotency key of yours, 1 to 128 characters: a retry with the same input returns the first result and appends nothing; reused for a different command: IDEMPOTENCY_KEY_REUSED',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  commandId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The version you last read; refused with CONCURRENCY_CONFLICT if the record has moved on since',
  })
  @IsOptional()
  @Matches(RECORD_VERSION_PATTERN, { message: 'expectedVersion must be a version this API returned' })
  expectedVersion?: string | null;
}

import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { CommandOptionsInput } from './command-options.input.js';

@InputType()
export class OpenIncidentInput extends CommandOptionsInput {
  @Field() @IsString() @Length(1, 200) title!: string;

  @Field({ defaultValue: '' }) @IsString() @MaxLength(20_000) description!: string;

  @Field(() => String, { nullable: true, description: 'Who reports it; defaults to the caller' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  callerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Affected service or configuration item' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  serviceId?: string | null;

  @Field({ defaultValue: 'general' }) @IsString() @Length(1, 64) category!: string;

  @Field(() => Int, { description: '1 high .. 3 low' }) @IsInt() @Min(1) @Max(3) impact!: number;

  @Field(() => Int, { description: '1 high .. 3 low' }) @IsInt() @Min(1) @Max(3) urgency!: number;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 128) assignmentGroup?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 128) assignee?: string | null;
}

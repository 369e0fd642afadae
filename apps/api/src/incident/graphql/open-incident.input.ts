import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { CommandOptionsInput } from '../../records/command-options.input.js';

@InputType({ description: 'A new incident; its priority and SLA targets follow from impact and urgency' })
export class OpenIncidentInput extends CommandOptionsInput {
  @Field({ description: 'A one-line summary: not blank, at most 200 characters' }) @IsString() @Length(1, 200) title!: string;

  @Field({ defaultValue: '', description: 'The full account of what happens, at most 20,000 characters' })
  @IsString()
  @MaxLength(20_000)
  description!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Subject id of who reports it, at most 128 characters; defaults to you, and requesters always report for themselves',
  })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  callerId?: string | null;

  @Field(() => String, { nullable: true, description: 'The affected service or configuration item, at most 128 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  serviceId?: string | null;

  @Field({ defaultValue: 'general', description: 'Free classification: not blank, at most 64 characters' })
  @IsString()
  @Length(1, 64)
  category!: string;

  @Field(() => Int, {
    description: 'How widely it affects the business: 1 high .. 3 low',
  })
  @IsInt() @Min(1) @Max(3) impact!: number;

  @Field(() => Int, { description: 'How soon the business needs it solved: 1 high .. 3 low' })
  @IsInt()
  @Min(1)
  @Max(3)
  urgency!: number;

  @Field(() => String, { nullable: true, description: 'The responsible team, if already known; at most 128 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  assignmentGroup?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Subject id of the person to work it, if already known; at most 128 characters',
  })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  assignee?: string | null;
}

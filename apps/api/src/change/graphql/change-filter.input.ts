import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import type { ChangeStatus } from '#domain';
import type { ChangeRisk, ChangeType } from '#events';
import { ChangeRiskEnum, ChangeStateEnum, ChangeTypeEnum } from './change-enums.js';

@InputType({ description: 'Which changes: criteria combine with AND, the values of a list with OR; an absent or empty one restricts nothing' })
export class ChangeFilter {
  @Field(() => [ChangeStateEnum], { nullable: true, description: 'Changes in any of these states' })
  @IsOptional()
  state?: ChangeStatus[] | null;

  @Field(() => [ChangeTypeEnum], { nullable: true, description: 'Changes of any of these types' })
  @IsOptional()
  type?: ChangeType[] | null;

  @Field(() => [ChangeRiskEnum], { nullable: true, description: 'Changes of any of these risks' })
  @IsOptional()
  risk?: ChangeRisk[] | null;

  @Field(() => String, { nullable: true, description: 'Changes affecting this service, among others (exact match)' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  serviceId?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes requested by this subject id' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  requestedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'Whole words of number, title or description; "quoted phrase", or, -excluded' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  text?: string | null;
}

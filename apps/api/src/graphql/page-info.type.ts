import { Field, ObjectType } from '@nestjs/graphql';

/** Relay connection paging state, shared by every list. */
@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field({ description: 'Lists page forward only; true when the page started after a cursor' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' })
  endCursor!: string | null;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
}

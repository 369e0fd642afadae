import { Field, ObjectType } from '@nestjs/graphql';

/** Relay connection paging state, shared by every list. */
@ObjectType({ description: 'Where a page of a list stands (Relay connections); lists page forward only' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page; ask with `after: endCursor`' }) hasNextPage!: boolean;
  @Field({ description: 'Lists page forward only; true when the page started after a cursor' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on an empty page' })
  endCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'The cursor of the first item of the page; null on an empty page' })
  startCursor!: string | null;
}

/**
 * An event as the domain sees it: a past-tense type name and a payload of primitives only, so
 * that stored history stays readable no matter how the code around it changes.
 */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

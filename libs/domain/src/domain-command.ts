/** What the caller supplies besides the intent: the clock, so deciders never read the time. */
export interface CommandMetadata {
  /** ISO-8601 instant at which the command is decided. */
  readonly now: string;
}

/** An intent in the imperative (`OpenIncident`), with its data as plain values. */
export interface DomainCommand<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

/** A GraphQL enum object from a vocabulary list: each value stands for itself, as stored. */
export function enumOf<const T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

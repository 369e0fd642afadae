const INVALID_VARIABLE = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s;
const MISSING_FIELD = /^Field "([^"]+)" of required type "[^"]+" was not provided\./;
const UNKNOWN_FIELD = /^Field "([^"]+)" is not defined by type/;

/**
 * The field a variable-coercion error is about, named as validation names fields (`title`,
 * `policy.P4`): GraphQL reports it only inside the message, while clients want
 * `extensions.field` on every BAD_USER_INPUT to show the error next to the field. The variable
 * itself is named when the error is about it as a whole.
 */
export function coercionErrorField(message: string): string | undefined {
  const invalid = INVALID_VARIABLE.exec(message);
  if (!invalid) return undefined;
  const [, variable, at, reason] = invalid;
  const path = at ? at.split('.').slice(1) : [];
  const inner = MISSING_FIELD.exec(reason!) ?? UNKNOWN_FIELD.exec(reason!);
  if (inner) path.push(inner[1]!);
  return path.length > 0 ? path.join('.') : variable;
}

import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ApiError } from './api-error.js';
import { findUnstorableText } from './unstorable-text.js';

/**
 * class-validator on every input; a failure names each offending field. Before it, every
 * argument of every operation is checked for text PostgreSQL cannot store, so no such string
 * reaches a store and fails there as an internal error.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Nest hands GraphQL arguments to pipes as 'body'; parent, context, info and the
    // principal come as 'custom' and are not caller input.
    if (metadata.type === 'body') refuseUnstorableText(value, metadata.data);
    return super.transform(value, metadata);
  }
}

/** Named as class-validator names fields: within an object argument, else by the argument's name. */
function refuseUnstorableText(value: unknown, argument: string | undefined): void {
  const field = findUnstorableText(value, typeof value === 'object' ? '' : argument);
  if (field !== undefined) {
    throw new ApiError('BAD_USER_INPUT', `${field} contains a NUL character or an unpaired surrogate`, { field });
  }
}

export function inputValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ApiError('BAD_USER_INPUT', fields.map((failure) => failure.message).join('; '), {
        field: fields[0]?.field,
        fields,
      });
    },
  });
}

function flatten(errors: readonly ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

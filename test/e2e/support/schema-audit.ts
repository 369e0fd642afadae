import { TypeMetadataStorage } from '@nestjs/graphql';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';

/**
 * Every element a client can see without a description: types, fields, arguments, input fields
 * and enum values, named by their schema coordinates (`Type.field(arg:)`). GraphQL's own scalars,
 * directives and introspection types are not the API's to describe.
 */
export function undescribedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  const checkArgs = (owner: string, args: readonly GraphQLArgument[]) =>
    args.forEach((arg) => check(`${owner}(${arg.name}:)`, arg.description));

  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        checkArgs(`${type.name}.${field.name}`, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  for (const directive of schema.getDirectives().filter((directive) => !isSpecifiedDirective(directive))) {
    check(`@${directive.name}`, directive.description);
    checkArgs(`@${directive.name}`, directive.args);
  }
  return missing;
}

/**
 * Input fields and arguments whose nullability in the schema says something else than the
 * server's validation: a field is optional for the server exactly when it is `@IsOptional()` (or
 * `@ValidateIf`), and then it must be nullable in the schema; every other one must be non-null,
 * so that a client generated from the schema cannot leave out what the server will refuse.
 * Covers every `@InputType` and `@ArgsType` class the schema was built from.
 */
export function nullabilityDrift(schema: GraphQLSchema): string[] {
  const drift: string[] = [];
  const compare = (coordinate: string, target: Function, field: GraphQLInputField | GraphQLArgument) => {
    const optional = isOptionalForServer(target, field.name);
    const nullable = !isNonNullType(field.type);
    if (optional !== nullable) {
      const schemaSays = nullable ? 'nullable' : 'non-null';
      drift.push(`${coordinate}: ${schemaSays} in the schema, ${optional ? 'optional' : 'required'} for the server`);
    }
  };

  for (const { name, target } of TypeMetadataStorage.getInputTypesMetadata()) {
    const type = schema.getType(name);
    if (!isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) compare(`${name}.${field.name}`, target, field);
  }

  const argsClasses = new Set(TypeMetadataStorage.getArgumentsMetadata().map(({ target }) => target));
  const rootFields = [
    [schema.getQueryType(), TypeMetadataStorage.getQueriesMetadata()],
    [schema.getMutationType(), TypeMetadataStorage.getMutationsMetadata()],
    [schema.getSubscriptionType(), TypeMetadataStorage.getSubscriptionsMetadata()],
  ] as const;
  for (const [rootType, resolvers] of rootFields) {
    for (const resolver of resolvers) {
      const field = rootType?.getFields()[resolver.schemaName];
      for (const param of resolver.methodArgs ?? []) {
        const argsClass = param.kind === 'args' ? param.typeFn() : undefined;
        if (!field || typeof argsClass !== 'function' || !argsClasses.has(argsClass)) continue;
        for (const arg of field.args) {
          if (hasProperty(argsClass, arg.name)) compare(`${rootType!.name}.${field.name}(${arg.name}:)`, argsClass, arg);
        }
      }
    }
  }
  return drift;
}

function isOptionalForServer(target: Function, property: string): boolean {
  return validationsOf(target, property).some((validation) => validation.type === ValidationTypes.CONDITIONAL_VALIDATION);
}

function hasProperty(argsClass: Function, property: string): boolean {
  const metadata = TypeMetadataStorage.getArgumentsMetadataByTarget(argsClass as never);
  return metadata?.properties?.some((field) => field.schemaName === property) ?? false;
}

/** Every class-validator rule on a property, the inherited ones included. */
function validationsOf(target: Function, property: string) {
  return getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .filter((validation) => validation.propertyName === property);
}

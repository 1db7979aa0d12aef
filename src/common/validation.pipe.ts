import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldProblem, inputError } from './input-errors';
import { MAX_INPUT_DEPTH, NESTING_PROBLEM, unstorableProblem } from './text-rules';

function flatten(errors: ValidationError[], path: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = path ? `${path}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(`${e.property} `, ''),
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The most values a list in an argument may hold (a filter's slugs, party codes, languages, ...): a list's
 * values become a statement's parameters, and the databases take a few tens of thousands at most (SQLite
 * 32,766; PostgreSQL 65,535), which a JSON body of 1 MB can pass.
 */
export const MAX_LIST_VALUES = 1000;

/**
 * Finds what no database column can hold faithfully (unstorableProblem), anywhere in an argument, lists
 * longer than MAX_LIST_VALUES, and values nested deeper than MAX_INPUT_DEPTH.
 */
function unstorableCharacters(value: unknown, path: string, depth = 0): FieldProblem[] {
  if (depth > MAX_INPUT_DEPTH && value !== null && typeof value === 'object')
    return [
      {
        field: path,
        message: NESTING_PROBLEM,
      },
    ];
  if (typeof value === 'string') {
    const problem = unstorableProblem(value);
    return problem ? [{ field: path, message: problem }] : [];
  }
  if (Array.isArray(value) && value.length > MAX_LIST_VALUES)
    return [
      {
        field: path,
        message: `holds ${value.length.toLocaleString('en')} values, more than the ${MAX_LIST_VALUES.toLocaleString('en')} allowed`,
      },
    ];
  if (Array.isArray(value))
    return value.flatMap((v, i) => unstorableCharacters(v, `${path}.${i}`, depth + 1));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => unstorableCharacters(v, `${path}.${k}`, depth + 1));
  return [];
}

/** Client input: GraphQL arguments (GqlParamtype.ARGS = 3) and HTTP body, query and route parameters. */
const INPUT_PARAMS = new Set<unknown>([3, 'body', 'query', 'param']);

/**
 * class-validator on the input types, answered as BAD_USER_INPUT with every bad field named
 * (`extensions.fields`), plus a check that no string carries a NUL character or a lone surrogate and that no
 * list holds more than MAX_LIST_VALUES values. HTTP
 * parameters get the same checks (AppExceptionFilter answers them 400).
 */
@Injectable()
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: false,
      forbidUnknownValues: false,
      validationError: { target: false, value: false },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!INPUT_PARAMS.has(metadata.type as unknown)) return value;
    const name = metadata.data ?? 'input';
    const unstorable = unstorableCharacters(value, name);
    if (unstorable.length) throw inputError(unstorable);
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const errors = (error as { validationErrors?: ValidationError[] }).validationErrors;
      if (errors) throw inputError(flatten(errors, name));
      throw error;
    }
  }

  /** Only classes that declare class-validator rules (the mutation inputs) go through class-transformer. */
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    const type = metadata.metatype;
    if (!type || !super.toValidate(metadata)) return false;
    return getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
  }

  override createExceptionFactory() {
    return (validationErrors: ValidationError[] = []) =>
      Object.assign(new Error('invalid input'), { validationErrors });
  }
}

import { BadUserInputError } from './errors';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Collects every problem of an input, then rejects it once, naming each bad field. */
export class InputErrors {
  private readonly problems: FieldProblem[] = [];

  add(field: string, message: string): this {
    this.problems.push({ field, message });
    return this;
  }

  check(ok: boolean, field: string, message: string): this {
    if (!ok) this.add(field, message);
    return this;
  }

  throwIfAny(): void {
    if (this.problems.length) throw inputError(this.problems);
  }
}

export function inputError(problems: FieldProblem[]): BadUserInputError {
  const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  const argument = problems[0].field.split('.')[0];
  const error = new BadUserInputError(argument, message, { fields: problems });
  error.message = message;
  return error;
}

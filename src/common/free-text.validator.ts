import { registerDecorator, ValidationOptions } from 'class-validator';
import { freeTextProblem } from './text-rules';

/**
 * A free text stored as written (a note, a reason, a summary, a provision's text): no control characters and no
 * bidirectional embeddings, overrides or isolates (`freeTextProblem`).
 */
export function IsFreeText(options?: ValidationOptions): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    registerDecorator({
      name: 'isFreeText',
      target: target.constructor,
      propertyName: String(property),
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !freeTextProblem(value),
        defaultMessage: (args) =>
          `${args?.property} ${freeTextProblem(String(args?.value ?? '')) ?? 'is not text'}`,
      },
    });
  };
}

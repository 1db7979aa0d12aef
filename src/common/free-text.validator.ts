import { registerDecorator, ValidationOptions } from 'class-validator';
import { controlCharacterProblem } from './text-rules';

/** A free text stored as written (a note, a reason, a summary, a provision's text): no control characters. */
export function IsFreeText(options?: ValidationOptions): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    registerDecorator({
      name: 'isFreeText',
      target: target.constructor,
      propertyName: String(property),
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !controlCharacterProblem(value),
        defaultMessage: (args) =>
          `${args?.property} ${controlCharacterProblem(String(args?.value ?? '')) ?? 'is not text'}`,
      },
    });
  };
}

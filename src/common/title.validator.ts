import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { titleForm, titleProblem } from './text-rules';

/**
 * A title, or a label shown beside one (an article, chapter or section number, an external id): trimmed and
 * composed (titleForm), then
 * non-blank and free of control, invisible and bidirectional-override characters (titleProblem).
 */
export function IsTitle(options?: ValidationOptions): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    Transform(({ value }) => titleForm(value))(target, property);
    registerDecorator({
      name: 'isTitle',
      target: target.constructor,
      propertyName: String(property),
      options,
      validator: {
        validate: (value: unknown) => value == null || (typeof value === 'string' && !titleProblem(value)),
        defaultMessage: (args) =>
          `${args?.property} ${titleProblem(String(args?.value ?? '')) ?? 'is not a title'}`,
      },
    });
  };
}

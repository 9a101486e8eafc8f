import { CODE, CodedError } from '../../core/domain/errors.js';

/**
 * An argument outside what a query allows. The caller can fix it, so the formatter shows its message as
 * BAD_USER_INPUT; a plain RangeError cannot mean that, since "Maximum call stack size exceeded" is one too.
 */
export class BadInputError extends CodedError {
  override readonly name = 'BadInputError';
  readonly code = CODE.BAD_USER_INPUT;
}

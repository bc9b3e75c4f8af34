// @ts-check

/**
 * A problem with what the verifier was given (arguments, an unreadable or malformed file, a tree that cannot
 * be read) rather than a check that failed: the CLI exits 1 for these and 3 for failed checks.
 */
export class VerifierInputError extends Error {
  /**
   * @param {'USAGE' | 'INVALID_INPUT' | 'NOT_FOUND'} code
   * @param {string} message a sentence saying what happened, to what, and what to do
   */
  constructor(code, message) {
    super(message);
    this.name = 'VerifierInputError';
    this.code = code;
  }
}

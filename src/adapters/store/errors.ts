/** The one error the store throws for what a user can correct: a code for programs, a Norwegian message. */
export class RegisterError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RegisterError';
  }
}

/** A `db copy` failure the user can act on: one line naming what is wrong and where; nothing was committed. */
export class CopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyError';
  }
}

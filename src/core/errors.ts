// Errors every layer may raise or catch.

/**
 * The request was applied already (a Slack retry, a replay or a double submit). Thrown inside the
 * transaction that would apply it again, so nothing of the second copy is kept; the pipeline answers
 * it with an empty acknowledgement.
 */
export class AlreadyHandled extends Error {
  constructor(readonly key: string) {
    super('request already handled');
    this.name = 'AlreadyHandled';
  }
}

// Journeys: one test that plays a whole story in order, each step labelled so a failure names it.

/** Runs one step of a journey; an error thrown inside it (a failed expectation too) names the step. */
export async function step<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error) error.message = `step "${name}": ${error.message}`;
    throw error;
  }
}

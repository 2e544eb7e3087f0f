// Waiting on conditions, never on a fixed time: poll a predicate until it returns a truthy value
// or the deadline passes, then fail with what was awaited and the last value/error seen.

export async function waitUntil(predicate, { timeout = 15_000, interval = 200, what = 'a condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await predicate();
      if (last) return last;
      lastError = undefined;
    } catch (error) {
      lastError = error;
      if (error?.fatal) throw error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? `: ${lastError.message}` : last !== undefined ? ` (last value: ${JSON.stringify(last)})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

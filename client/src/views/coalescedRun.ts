// One refresh at a time: a view asks the server for its model when something changes, and changes
// come in bursts. A call while a run is under way does not start a second one alongside it; it asks
// for one more run of the same task once the current one ends, and waits for that.

export class CoalescedRun {
  private inFlight?: Promise<void>;
  private again = false;

  /** Runs `task`, or, when a run is under way, has that run go round once more. */
  run(task: () => Promise<void>): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      do {
        this.again = false;
        await task();
      } while (this.again);
    })().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }
}

/**
 * Runs work for one key after the work already queued for that key: the route topic and the retry
 * topics may carry events of the same dossier at once, and a target must see them one at a time.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Runs work holding every key's turn; keys are taken in sorted order so two callers never deadlock. */
  async runAll<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    return this.runInOrder([...new Set(keys)].sort(), work);
  }

  private async runInOrder<T>([first, ...rest]: string[], work: () => Promise<T>): Promise<T> {
    return first === undefined ? work() : this.run(first, () => this.runInOrder(rest, work));
  }
}

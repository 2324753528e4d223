// Calls made close together become one: a worker running hundreds of jobs at once settles them,
// and writes what they found, with one statement per moment instead of one per job.

/**
 * Gathers the items passed within `windowMs` of the first (0: the same turn of the event loop)
 * and hands them to `flush` together; each caller gets the result `flush` gives its item, or
 * its error.
 */
export function coalesce<T, R>(flush: (items: T[]) => Promise<R[]>, { windowMs = 0 } = {}): (item: T) => Promise<R> {
  let pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  const run = async () => {
    const batch = pending;
    pending = [];
    try {
      const results = await flush(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => entry.resolve(results[i]!));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      if (pending.length === 0) {
        if (windowMs > 0) setTimeout(() => void run(), windowMs);
        else setImmediate(() => void run());
      }
      pending.push({ item, resolve, reject });
    });
}

/**
 * One value per pair of keys, made on first use: the coalesced writers of a context and its
 * options, shared by every batch of jobs running at once so that their writes join too.
 */
export function onePer<A extends object, B extends object, V>(make: (a: A, b: B) => V): (a: A, b: B) => V {
  const made = new WeakMap<A, WeakMap<B, V>>();
  return (a, b) => {
    const byB = made.get(a) ?? new WeakMap<B, V>();
    made.set(a, byB);
    if (!byB.has(b)) byB.set(b, make(a, b));
    return byB.get(b)!;
  };
}

/** A promise with its settle functions outside it (Promise.withResolvers arrives in Node 22). */
export function settleLater<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

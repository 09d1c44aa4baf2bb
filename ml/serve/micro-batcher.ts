/** How many requests shared the forward pass that answered one of them (reported to clients and tests). */
export interface Batched<Out> {
  value: Out;
  batchSize: number;
}

export interface MicroBatcherOptions {
  /** Largest batch one forward pass takes. */
  maxBatch: number;
  /** How long the first request of a batch waits for company, in ms. */
  windowMs: number;
}

/**
 * Collects requests that arrive within `windowMs` of each other into one call of `run` (at most `maxBatch` inputs).
 * The tensor runtime is single-threaded and a forward pass costs about the same for 1 or 16 rows, so batching
 * concurrent requests multiplies throughput; the window bounds the latency it adds. `run` is synchronous (the
 * runtime blocks), so batches of one batcher never overlap.
 */
export class MicroBatcher<In, Out> {
  #queue: { input: In; resolve: (out: Batched<Out>) => void; reject: (error: unknown) => void }[] = [];
  #timer: NodeJS.Timeout | undefined;
  #batches = 0;
  #rows = 0;

  constructor(
    private readonly run: (inputs: In[]) => Out[],
    private readonly options: MicroBatcherOptions,
  ) {}

  submit(input: In): Promise<Batched<Out>> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      if (this.#queue.length >= this.options.maxBatch) this.#schedule(0);
      else this.#schedule(this.options.windowMs);
    });
  }

  /** Forward passes run and rows answered so far. */
  get stats(): { batches: number; rows: number } {
    return { batches: this.#batches, rows: this.#rows };
  }

  #schedule(delayMs: number): void {
    if (this.#timer && delayMs > 0) return; // a flush is already due
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), delayMs);
  }

  #flush(): void {
    this.#timer = undefined;
    const batch = this.#queue.splice(0, this.options.maxBatch);
    if (batch.length === 0) return;
    try {
      const outputs = this.run(batch.map((item) => item.input));
      this.#batches++;
      this.#rows += batch.length;
      batch.forEach((item, i) => item.resolve({ value: outputs[i]!, batchSize: batch.length }));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
    if (this.#queue.length > 0) this.#schedule(this.#queue.length >= this.options.maxBatch ? 0 : this.options.windowMs);
  }
}

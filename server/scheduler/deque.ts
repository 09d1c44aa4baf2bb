/**
 * A double-ended queue on a growable ring buffer: O(1) push and pop at both ends, never an O(n) shift.
 * The scheduler takes new work from the front, appends new tasks at the back and puts retries back at the front.
 */
export class Deque<T> {
  private slots: (T | undefined)[];
  private head = 0;
  private count = 0;

  constructor(initialCapacity = 16) {
    this.slots = new Array<T | undefined>(Math.max(2, initialCapacity));
  }

  get length(): number {
    return this.count;
  }

  pushBack(item: T): void {
    if (this.count === this.slots.length) this.grow();
    this.slots[(this.head + this.count) % this.slots.length] = item;
    this.count += 1;
  }

  pushFront(item: T): void {
    if (this.count === this.slots.length) this.grow();
    this.head = (this.head - 1 + this.slots.length) % this.slots.length;
    this.slots[this.head] = item;
    this.count += 1;
  }

  popFront(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    this.slots[this.head] = undefined; // let the task be collected
    this.head = (this.head + 1) % this.slots.length;
    this.count -= 1;
    return item;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    const bigger = new Array<T | undefined>(this.slots.length * 2);
    for (let i = 0; i < this.count; i++) bigger[i] = this.slots[(this.head + i) % this.slots.length];
    this.slots = bigger;
    this.head = 0;
  }
}

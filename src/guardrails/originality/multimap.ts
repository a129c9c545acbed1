/**
 * A compact multimap from 32-bit keys to slot numbers: open addressing with linear probing over two
 * typed arrays (8 bytes a posting), no object per entry, so a million documents' band keys fit.
 */

const EMPTY = 0;

export class UintMultiMap {
  private keys: Uint32Array;
  // Values are stored + 1 so that 0 marks an empty slot.
  private values: Int32Array;
  private used = 0;
  private shift: number;

  /**
   * @param maxPerKey postings kept per key: a shingle that thousands of texts share ("thank you
   * for") says nothing about copying, and capping it bounds both probe clusters and query time.
   */
  constructor(
    private readonly maxPerKey: number,
    initialCapacity = 1024,
  ) {
    // A power of two, so that probing wraps with a mask and the home slot is the top bits.
    const capacity = 2 ** Math.max(4, Math.ceil(Math.log2(initialCapacity)));
    this.shift = 32 - Math.log2(capacity);
    this.keys = new Uint32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  get postings(): number {
    return this.used;
  }

  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  /** Adds (key, value) unless the key already holds maxPerKey values; returns whether it was added. */
  add(key: number, value: number): boolean {
    // Kept at most half full: linear probing degrades quickly above that.
    if ((this.used + 1) * 2 > this.keys.length) {
      this.grow();
    }
    const mask = this.keys.length - 1;
    let slot = this.home(key);
    let same = 0;
    while (this.values[slot] !== EMPTY) {
      if (this.keys[slot] === key && ++same >= this.maxPerKey) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.values[slot] = value + 1;
    this.used++;
    return true;
  }

  /** Calls `visit` with each value stored under `key`. */
  forEach(key: number, visit: (value: number) => void): void {
    const mask = this.keys.length - 1;
    let slot = this.home(key);
    while (this.values[slot] !== EMPTY) {
      if (this.keys[slot] === key) {
        visit((this.values[slot] as number) - 1);
      }
      slot = (slot + 1) & mask;
    }
  }

  private home(key: number): number {
    // Fibonacci hashing: the high bits of key × φ·2³² spread any structure left in the keys.
    return (Math.imul(key, 0x9e3779b1) >>> 0) >>> this.shift;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.values = new Int32Array(oldValues.length * 2);
    this.shift--;
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const value = oldValues[i] as number;
      if (value !== EMPTY) {
        const key = oldKeys[i] as number;
        let slot = this.home(key);
        while (this.values[slot] !== EMPTY) {
          slot = (slot + 1) & mask;
        }
        this.keys[slot] = key;
        this.values[slot] = value;
      }
    }
  }
}

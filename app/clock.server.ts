// The one clock domain code reads. Production uses the system clock; the sandbox and the tests
// use a virtual one so they can move through quiet hours, delays and expiries.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class VirtualClock implements Clock {
  #current: number;

  constructor(start: Date) {
    this.#current = start.getTime();
  }

  now(): Date {
    return new Date(this.#current);
  }

  advanceMinutes(minutes: number): Date {
    if (!(minutes >= 0)) throw new RangeError("The clock only moves forward");
    this.#current += minutes * 60_000;
    return this.now();
  }

  setTo(target: Date): Date {
    if (Number.isNaN(target.getTime())) throw new RangeError("Not a valid time");
    if (target.getTime() < this.#current) throw new RangeError("The clock only moves forward");
    this.#current = target.getTime();
    return this.now();
  }
}

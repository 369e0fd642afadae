/** The time source for commands; tests replace it to move time (SLA timers, auto-close). */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

import { describe, expect, it } from 'vitest';
import { createTalkClock } from '../../src/present/talk-clock.js';

describe('the talk clock', () => {
  it('stands still while paused, for elapsed time and for the rehearsal log alike', () => {
    let wall = 1_000_000;
    const clock = createTalkClock(() => wall);
    wall += 5_000;
    expect(clock.elapsedMs()).toBe(5_000);
    clock.setPaused(true);
    expect(clock.paused).toBe(true);
    const heldNow = clock.now();
    wall += 60_000;
    expect(clock.elapsedMs()).toBe(5_000);
    expect(clock.now()).toBe(heldNow);
    // Pausing twice changes nothing.
    clock.setPaused(true);
    clock.setPaused(false);
    wall += 2_000;
    expect(clock.elapsedMs()).toBe(7_000);
    expect(clock.now()).toBe(heldNow + 2_000);
    clock.setPaused(false);
    expect(clock.paused).toBe(false);
  });
});

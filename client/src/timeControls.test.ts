// The replay slider's end is the whole episode, whatever the episode's length and the slider's step.
import { describe, expect, it } from 'vitest';
import { REPLAY, replayMax, replayValue } from './timeControls.js';

describe('replay slider', () => {
  it('reaches past the end in whole steps, so its last value is the whole episode (18,400 s → 18,420)', () => {
    expect(replayMax(18_400)).toBe(18_420);
    expect(replayMax(18_420)).toBe(18_420);
    expect(replayMax(18_400) % REPLAY.step).toBe(0);
    expect(replayValue(replayMax(18_400), 18_400)).toBeNull();
  });

  it('keeps values before the end, and maps the end itself to null (never a stuck 18,390 in the URL)', () => {
    expect(replayValue(18_390, 18_400)).toBe(18_390);
    expect(replayValue(18_400, 18_400)).toBeNull();
    expect(replayValue(0, 18_400)).toBe(0);
  });
});

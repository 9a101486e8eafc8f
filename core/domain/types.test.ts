// Every YouTube link the API, the exports and the licence write comes from youtubeUrl.
import { describe, expect, it } from 'vitest';
import { youtubeUrl } from './types.js';

describe('youtubeUrl', () => {
  it('links the video, or the video from a whole second of it', () => {
    expect(youtubeUrl('_1f-o0nqpEI')).toBe('https://www.youtube.com/watch?v=_1f-o0nqpEI');
    expect(youtubeUrl('_1f-o0nqpEI', 256.9)).toBe('https://www.youtube.com/watch?v=_1f-o0nqpEI&t=256s');
    expect(youtubeUrl('_1f-o0nqpEI', 0)).toBe('https://www.youtube.com/watch?v=_1f-o0nqpEI&t=0s');
  });
});

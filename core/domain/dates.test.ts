import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './dates.js';

describe('isCalendarDate', () => {
  it('accepts the three precisions the data uses', () => {
    for (const s of ['2025', '2025-01', '2025-01-20', '2024-02-29', '2000-02-29', '0000-02-29', '1999-12-31'])
      expect(isCalendarDate(s), s).toBe(true);
  });

  it('refuses dates that are not on the calendar', () => {
    for (const s of ['2025-02-29', '2025-02-30', '1900-02-29', '2025-04-31', '2025-13', '2025-00', '2025-01-00', '2025-01-32'])
      expect(isCalendarDate(s), s).toBe(false);
  });

  it('refuses anything that is not exactly YYYY[-MM[-DD]]', () => {
    for (const s of ['', '25', '20250', '2025-1', '2025-01-1', '2025/01/20', ' 2025', '2025-01-20T00:00', '２０２５', '2025-01-20\n'])
      expect(isCalendarDate(s), JSON.stringify(s)).toBe(false);
  });
});

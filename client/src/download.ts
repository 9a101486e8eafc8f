// Files the explorer writes itself (the current view, console results): made in the page, saved with a
// download link, in the same CSV form as the server's /export files (core/domain/csv.ts).
import { toCsv, type Column } from '../../core/domain/csv.js';

export function downloadCsv<T>(fileName: string, columns: Column<T>[], rows: readonly T[]): void {
  const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

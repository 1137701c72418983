/**
 * @fileoverview Saves a file the page made (a report, an exported chart) through a temporary
 * blob: URL and an <a download>. Nothing is uploaded: the bytes go from memory to the disk.
 */

/** Offers `blob` as a download named `filename`; the object URL is revoked shortly after. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Offers `text` as a download of type `mime`. */
export function downloadText(text: string, filename: string, mime: string): void {
  downloadBlob(new Blob([text], { type: mime }), filename);
}

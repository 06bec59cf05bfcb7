/**
 * Saves bytes as a file the way the platform expects: in a browser a download, in the Electron
 * app the save dialog Electron shows for downloads.
 */
export function downloadFile(fileName: string, content: Uint8Array | string, type: string): void {
  const blob = new Blob([content as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

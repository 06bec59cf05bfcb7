/** Builds "<packetId>/<encoded path>" for an evidence URL; parseEvidencePath is its inverse. Import-free for the preload. */
export function evidencePath(packetId: string, path: string): string {
  return `${packetId}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

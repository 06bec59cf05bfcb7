import { probeUrl } from '../common/probeUrl';

/**
 * Explains a media element failure. MediaError codes lump "file missing" together with
 * "unsupported format", so a failed fetch is checked first.
 */
export async function mediaProblem(
  url: string,
  error: { code?: number; message?: string } | null | undefined,
): Promise<string> {
  const unreachable = await probeUrl(url);
  if (unreachable) return unreachable;
  switch (error?.code) {
    case 1:
      return 'loading was interrupted.';
    case 2:
      return 'the file stopped arriving part-way through.';
    case 3:
      return 'the file is damaged and cannot be decoded.';
    case 4:
      return 'the file is damaged or in a format this computer cannot play.';
    default:
      return error?.message ? `${error.message.replace(/\.$/, '')}.` : 'an unknown playback error occurred.';
  }
}

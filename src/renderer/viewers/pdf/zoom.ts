/** Zoom choices offered in the "Zoom" select, in the order assessors expect them. */
export const ZOOM_OPTIONS = [
  { value: 'page-width', label: 'Fit width' },
  { value: 'page-fit', label: 'Fit page' },
  { value: '0.5', label: '50%' },
  { value: '0.75', label: '75%' },
  { value: '1', label: '100%' },
  { value: '1.25', label: '125%' },
  { value: '1.5', label: '150%' },
  { value: '2', label: '200%' },
] as const;

/** Select value used when the scale matches none of the options (e.g. after Ctrl+wheel). */
export const CUSTOM_ZOOM = 'custom';

/** The ladder the zoom buttons climb; it contains every percentage in the select. */
const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
export const MIN_ZOOM = ZOOM_STEPS[0] ?? 0.25;
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1] ?? 4;

/** The next step above (direction 1) or below (-1) `scale`, clamped to the ladder's ends. */
export function nextZoom(scale: number, direction: 1 | -1): number {
  // A small tolerance so 1.0999 (fit-width arithmetic) still steps past 1.1 rather than onto it.
  if (direction > 0) return ZOOM_STEPS.find((step) => step > scale * 1.01) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((step) => step < scale / 1.01) ?? MIN_ZOOM;
}

/** Which select option describes the viewer's state: the preset it follows, a matching percentage, or custom. */
export function zoomSelectValue(scale: number, presetValue: string | undefined): string {
  if (presetValue === 'page-width' || presetValue === 'page-fit') return presetValue;
  const match = ZOOM_OPTIONS.find((option) => Math.abs(Number(option.value) - scale) < 0.001);
  return match ? match.value : CUSTOM_ZOOM;
}

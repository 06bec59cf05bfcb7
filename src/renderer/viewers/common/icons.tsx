/** Small stroke icons for toolbar buttons. Decorative: every button carries its own accessible name. */
type IconName =
  | 'zoom-in'
  | 'zoom-out'
  | 'fit'
  | 'chevron-up'
  | 'chevron-down'
  | 'arrow-left'
  | 'arrow-right'
  | 'back-5'
  | 'forward-5'
  | 'box';

const PATHS: Record<IconName, string> = {
  'zoom-in': 'M8.5 3a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11Zm4 9.5L17 17M6 8.5h5M8.5 6v5',
  'zoom-out': 'M8.5 3a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11Zm4 9.5L17 17M6 8.5h5',
  fit: 'M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4',
  'chevron-up': 'M5 12.5 10 7.5l5 5',
  'chevron-down': 'M5 7.5 10 12.5l5-5',
  'arrow-left': 'M12.5 5 7.5 10l5 5',
  'arrow-right': 'M7.5 5l5 5-5 5',
  'back-5': 'M4 10a6 6 0 1 0 2-4.5M4 3v3.5h3.5',
  'forward-5': 'M16 10a6 6 0 1 1-2-4.5M16 3v3.5h-3.5',
  box: 'M3.5 6V3.5H6M9 3.5h2M14 3.5h2.5V6M16.5 9v2M16.5 14v2.5H14M11 16.5H9M6 16.5H3.5V14M3.5 11V9',
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="av-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

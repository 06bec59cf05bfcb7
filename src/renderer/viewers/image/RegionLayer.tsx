import type { ViewerMarker } from '../types';
import type { Region } from './imageRegion';
import type { Size, View } from './zoomPan';

const percent = (region: Region) => ({
  left: `${region.x * 100}%`,
  top: `${region.y * 100}%`,
  width: `${region.width * 100}%`,
  height: `${region.height * 100}%`,
});

/**
 * What lies on top of the image, moving and zooming with it: existing comment regions (buttons
 * named after their comment), the box being drawn and the region just revealed.
 */
export function RegionLayer({
  itemId,
  natural,
  view,
  markers,
  draft,
  flash,
  onMarker,
}: {
  itemId: string;
  natural: Size;
  view: View;
  markers: readonly ViewerMarker[];
  draft: Region | null;
  flash: Region | null;
  onMarker(id: string): void;
}) {
  const regions = markers.flatMap((m) =>
    m.anchor.kind === 'image' && m.anchor.itemId === itemId ? [{ ...m, region: m.anchor.region }] : [],
  );
  return (
    <div
      className="av-region-layer"
      style={{
        width: natural.width * view.scale,
        height: natural.height * view.scale,
        transform: `translate(${view.x}px, ${view.y}px)`,
      }}
    >
      {regions.length > 0 && (
        <div role="group" aria-label="Comment regions">
          {regions.map((marker) => (
            <button
              key={marker.id}
              type="button"
              className="av-region av-region--marker"
              aria-label={marker.label}
              title={marker.label}
              style={percent(marker.region)}
              onClick={() => onMarker(marker.id)}
            />
          ))}
        </div>
      )}
      {flash && <div className="av-region av-region--flash" aria-hidden="true" style={percent(flash)} />}
      {draft && <div className="av-region av-region--draft" aria-hidden="true" style={percent(draft)} />}
    </div>
  );
}

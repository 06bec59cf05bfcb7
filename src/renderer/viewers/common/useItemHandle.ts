import { useImperativeHandle, type Ref } from 'react';
import type { ViewerHandle } from '../types';

/**
 * The handle of viewers without positions inside the item (image, text, table): comments anchor
 * to the whole item and there is nowhere to go. Ready at once, even when the file fails to load,
 * so an assessor can still comment on a broken file.
 */
export function useItemHandle(handleRef: Ref<ViewerHandle | null> | undefined, itemId: string): void {
  useImperativeHandle(
    handleRef,
    (): ViewerHandle => ({
      captureAnchor: () => ({ kind: 'item', itemId }),
      reveal: () => undefined,
      position: () => ({}),
    }),
    [itemId],
  );
}

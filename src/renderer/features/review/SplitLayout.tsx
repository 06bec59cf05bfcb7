import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type SplitMode = 'split' | 'evidence' | 'rubric';
const STORAGE_KEY = 'anchor.review.layout';
const MIN = 25;
const MAX = 80;

interface Layout {
  evidencePercent: number;
  mode: SplitMode;
}

function loadLayout(): Layout {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Layout>;
    const percent = Number(saved.evidencePercent);
    return {
      evidencePercent: Number.isFinite(percent) ? Math.min(MAX, Math.max(MIN, percent)) : 60,
      mode: saved.mode === 'evidence' || saved.mode === 'rubric' ? saved.mode : 'split',
    };
  } catch {
    return { evidencePercent: 60, mode: 'split' };
  }
}

/**
 * Evidence beside the rubric with a draggable, keyboard-resizable separator. The split and any
 * maximised side are remembered; Alt+1 / Alt+2 maximise a side and Alt+0 restores.
 */
export function SplitLayout({ evidence, rubric }: { evidence: ReactNode; rubric: ReactNode }) {
  const [layout, setLayout] = useState(loadLayout);
  const container = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
  }, [layout]);

  const setMode = useCallback(
    (mode: SplitMode) => setLayout((l) => ({ ...l, mode: l.mode === mode ? 'split' : mode })),
    [],
  );

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const mode: SplitMode | undefined = (
        { Digit1: 'evidence', Digit2: 'rubric', Digit0: 'split' } as Record<string, SplitMode>
      )[event.code];
      if (!mode) return;
      event.preventDefault();
      setLayout((l) => ({ ...l, mode: mode === 'split' || l.mode === mode ? 'split' : mode }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const resizeTo = (percent: number) =>
    setLayout((l) => ({ ...l, evidencePercent: Math.round(Math.min(MAX, Math.max(MIN, percent))) }));

  const onPointerMove = (event: PointerEvent) => {
    const box = container.current?.getBoundingClientRect();
    if (!dragging.current || !box) return;
    resizeTo(((event.clientX - box.left) / box.width) * 100);
  };
  const stopDrag = () => {
    dragging.current = false;
    window.removeEventListener('pointermove', onPointerMove);
    window.removeEventListener('pointerup', stopDrag);
  };
  const onSeparatorKey = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 10 : 2;
    if (event.key === 'ArrowLeft') resizeTo(layout.evidencePercent - step);
    else if (event.key === 'ArrowRight') resizeTo(layout.evidencePercent + step);
    else if (event.key === 'Home') resizeTo(MIN);
    else if (event.key === 'End') resizeTo(MAX);
    else return;
    event.preventDefault();
  };

  const evidenceWidth = layout.mode === 'evidence' ? 100 : layout.mode === 'rubric' ? 0 : layout.evidencePercent;
  return (
    <div className={`split split-${layout.mode}`} ref={container}>
      <section
        className="split-evidence"
        aria-label="Evidence"
        style={{ width: `${evidenceWidth}%` }}
        hidden={layout.mode === 'rubric'}
      >
        {evidence}
      </section>
      {layout.mode === 'split' && (
        <div
          className="split-separator"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize evidence and rubric"
          aria-valuemin={MIN}
          aria-valuemax={MAX}
          aria-valuenow={layout.evidencePercent}
          tabIndex={0}
          onKeyDown={onSeparatorKey}
          onPointerDown={(event) => {
            event.preventDefault();
            dragging.current = true;
            window.addEventListener('pointermove', onPointerMove);
            window.addEventListener('pointerup', stopDrag);
          }}
        />
      )}
      <section className="split-rubric" aria-label="Rubric and scoring" hidden={layout.mode === 'evidence'}>
        <div className="split-tools" role="toolbar" aria-label="Layout">
          <button
            type="button"
            aria-pressed={layout.mode === 'evidence'}
            onClick={() => setMode('evidence')}
            title="Alt+1"
          >
            Maximise evidence
          </button>
          <button type="button" aria-pressed={layout.mode === 'rubric'} onClick={() => setMode('rubric')} title="Alt+2">
            Maximise rubric
          </button>
        </div>
        {rubric}
      </section>
      {layout.mode === 'evidence' && (
        <button type="button" className="restore-split" onClick={() => setMode('split')} title="Alt+0">
          Show rubric
        </button>
      )}
    </div>
  );
}

import '../viewers.css';
import { useMemo } from 'react';
import { splitParagraphs } from './passageText';

/**
 * A text laid out as paragraphs that passages can point into (see passageDom's markup contract):
 * `scope` names the text ("prompt:<id>", "item:<id>"), each paragraph carries its offset.
 */
export function PassageText({ scope, text, className }: { scope: string; text: string; className?: string }) {
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  return (
    <div data-passage-scope={scope} className={className}>
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start} data-offset={paragraph.start} className="av-passage">
          {paragraph.text}
        </p>
      ))}
    </div>
  );
}

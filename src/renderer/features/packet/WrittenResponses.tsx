import type { PacketManifest } from '../../../shared/packet/manifest';

/** The candidate's answers to the credential's prompts, in readable typography. */
export function WrittenResponses({ manifest }: { manifest: PacketManifest }) {
  return (
    <article className="reading" aria-label="Written responses" tabIndex={0}>
      {manifest.prompts.map((prompt, index) => (
        <section key={prompt.id} aria-labelledby={`prompt-${prompt.id}`}>
          <h3 id={`prompt-${prompt.id}`}>
            Prompt {index + 1}. {prompt.text}
          </h3>
          {prompt.response.trim() ? (
            prompt.response.split(/\n{2,}/).map((paragraph, i) => <p key={i}>{paragraph}</p>)
          ) : (
            <p className="missing">The candidate did not answer this prompt.</p>
          )}
        </section>
      ))}
    </article>
  );
}

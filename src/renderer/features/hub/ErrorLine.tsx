/** A failure the screen reports in the hub's or the app's own words (announced by screen readers). */
export function ErrorLine({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="error-text">
      {error}
    </p>
  );
}

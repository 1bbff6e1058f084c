import DOMPurify from "dompurify";
import { useEffect, useId, useState } from "react";

let ready: Promise<typeof import("mermaid").default> | null = null;

function mermaid() {
  ready ??= import("mermaid").then(({ default: m }) => {
    // strict: no click handlers or HTML in labels; plain SVG text labels, sanitized again below
    m.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      theme: window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "default",
      htmlLabels: false,
      flowchart: { htmlLabels: false },
    });
    return m;
  });
  return ready;
}

/** A Mermaid diagram rendered to SVG; its source on failure, with the reason. */
export function Diagram({ source, label }: { source: string; label: string }) {
  const id = useId().replace(/[^A-Za-z0-9]/g, "");
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setSvg(null);
    setError(null);
    mermaid()
      .then((m) => m.render(`diagram${id}`, source))
      .then(
        (result) => {
          if (live) setSvg(DOMPurify.sanitize(result.svg, { USE_PROFILES: { svg: true, svgFilters: true } }));
        },
        (failure) => live && setError(failure instanceof Error ? failure.message : String(failure)),
      );
    return () => {
      live = false;
    };
  }, [source, id]);

  if (error) {
    return (
      <figure className="diagram">
        <p className="error">The diagram could not be drawn: {error}</p>
        <pre>{source}</pre>
      </figure>
    );
  }
  return (
    <figure className="diagram" aria-label={label}>
      {svg ? <div className="svg" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} /> : <p className="muted">Drawing…</p>}
      <details>
        <summary>Mermaid source</summary>
        <pre>{source}</pre>
      </details>
    </figure>
  );
}

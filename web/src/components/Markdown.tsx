import DOMPurify from "dompurify";
import { marked } from "marked";
import { useMemo } from "react";

/** Markdown the agents wrote, rendered and sanitized: no script, handler or foreign frame survives. */
export function Markdown({ source }: { source: string }) {
  const html = useMemo(
    () => DOMPurify.sanitize(marked.parse(source, { async: false, gfm: true }) as string),
    [source],
  );
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}

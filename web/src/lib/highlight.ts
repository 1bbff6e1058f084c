import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import dockerfile from "highlight.js/lib/languages/dockerfile";
import ini from "highlight.js/lib/languages/ini";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import plaintext from "highlight.js/lib/languages/plaintext";
import python from "highlight.js/lib/languages/python";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";

hljs.registerLanguage("bash", bash);
hljs.registerLanguage("dockerfile", dockerfile);
hljs.registerLanguage("ini", ini);
hljs.registerLanguage("javascript", javascript);
hljs.registerLanguage("json", json);
hljs.registerLanguage("markdown", markdown);
hljs.registerLanguage("plaintext", plaintext);
hljs.registerLanguage("python", python);
hljs.registerLanguage("sql", sql);
hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("xml", xml);
hljs.registerLanguage("yaml", yaml);

const BY_EXTENSION: Record<string, string> = {
  py: "python",
  js: "javascript",
  mjs: "javascript",
  ts: "typescript",
  json: "json",
  md: "markdown",
  yml: "yaml",
  yaml: "yaml",
  toml: "ini",
  ini: "ini",
  cfg: "ini",
  txt: "plaintext",
  sh: "bash",
  sql: "sql",
  html: "xml",
  xml: "xml",
};

export function languageOf(path: string): string {
  const name = path.split("/").pop() ?? path;
  if (name === "Dockerfile") return "dockerfile";
  const ext = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  return BY_EXTENSION[ext] ?? "plaintext";
}

/**
 * The file highlighted, one HTML string per line: highlight.js marks the whole file (so a string
 * or comment over several lines stays one), then each line reopens the spans still open at its
 * start and closes them at its end. highlight.js escapes the code itself.
 */
export function highlightLines(code: string, path: string): string[] {
  const html = hljs.highlight(code, { language: languageOf(path), ignoreIllegals: true }).value;
  const lines: string[] = [];
  const open: string[] = [];
  for (const raw of html.split("\n")) {
    let line = open.join("");
    const tag = /<span[^>]*>|<\/span>/g;
    let last = 0;
    let match: RegExpExecArray | null;
    while ((match = tag.exec(raw)) !== null) {
      line += raw.slice(last, match.index) + match[0];
      if (match[0] === "</span>") open.pop();
      else open.push(match[0]);
      last = tag.lastIndex;
    }
    line += raw.slice(last) + "</span>".repeat(open.length);
    lines.push(line);
  }
  return lines;
}

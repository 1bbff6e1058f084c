import { highlightLines, languageOf } from "./highlight";

describe("highlightLines", () => {
  it("keeps a string over several lines highlighted on each of its lines, every line balanced", () => {
    const lines = highlightLines('x = 1\ns = """one\ntwo\nthree"""\n', "app/main.py");
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect((line.match(/<span/g) ?? []).length).toBe((line.match(/<\/span>/g) ?? []).length);
    }
    expect(lines[2]).toMatch(/^<span class="hljs-string">two<\/span>$/);
  });

  it("escapes the code: markup in a file is shown, never made", () => {
    const source = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    const host = document.createElement("div");
    host.innerHTML = highlightLines(source, "README.md").join("\n");
    expect(host.querySelector("script, img")).toBeNull();
    expect(host.textContent).toBe(source);
  });

  it("picks the language from the file name", () => {
    expect(languageOf("app/routers/books.py")).toBe("python");
    expect(languageOf("Dockerfile")).toBe("dockerfile");
    expect(languageOf("requirements.txt")).toBe("plaintext");
    expect(languageOf("noextension")).toBe("plaintext");
  });
});

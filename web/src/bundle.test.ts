import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// The built UI as the gateway serves it (the Maven build runs Vite before Vitest).
const built = process.env.FORGEFLOW_WEB_OUT ?? join(__dirname, "..", "target", "classes", "static");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe.runIf(existsSync(join(built, "index.html")))("the built bundle", () => {
  // listed in the test, not while collecting: a skipped suite's body still runs to be collected
  it("holds no secret of any kind and no source map", () => {
    const all = files(built);
    const secret = [
      /ffp_[A-Za-z0-9_-]{16,}/, // a Forgeflow API token
      /sk-[A-Za-z0-9_-]{20,}/, // an API key of a model provider
      /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
      /FORGEFLOW_(LLM_API_KEY|DATABASE_PASSWORD)\s*[:=]\s*["'][^"']+/,
    ];
    for (const file of all) {
      expect(file).not.toMatch(/\.map$/);
      const text = readFileSync(file, "latin1");
      for (const pattern of secret) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
    }
  });

  it("loads only from its own origin: no script or stylesheet from elsewhere", () => {
    const page = readFileSync(join(built, "index.html"), "utf8");
    expect(page).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
    expect(page).not.toMatch(/<link[^>]+href="(https?:)?\/\//);
    expect(page).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});

it("the build runs before this test under Maven", () => {
  // under Maven the bundle is there; run standalone (npx vitest) it may not be yet
  if (process.env.FORGEFLOW_REQUIRE_BUNDLE === "1") expect(existsSync(join(built, "index.html"))).toBe(true);
});

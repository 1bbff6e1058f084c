// The browser half of bench's DomLatencyBenchmark: in Chromium, signs up on the server at the first
// argument, then for each of N runs (second argument) starts a run with the approval gate on,
// opens its page, approves the plan there and notes, for every event of the feed, the wall-clock
// time its line appeared in the DOM (a MutationObserver, read from the page's own high-resolution
// clock) and when the page's stream opened. Prints one JSON line per run:
//   {"runId": "...", "opened": <epoch ms>, "seen": {"<seq>": <epoch ms>, ...}}

import { browser, signUp } from "./browser.mjs";

const base = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const prompt =
  process.argv[4] ??
  "A bookstore API with books (title, author, price: float) and reviews (book_id, rating: int, comment)";

// Installed before the UI's own scripts: the epoch time of each feed line as it is added, and of
// the moment the event stream opened.
function observe() {
  const now = () => performance.timeOrigin + performance.now();
  window.__seen = {};
  window.__opened = null;
  const Original = window.EventSource;
  window.EventSource = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener("open", () => {
        if (window.__opened === null) window.__opened = now();
      });
    }
  };
  new MutationObserver((mutations) => {
    const at = now();
    for (const m of mutations) {
      for (const node of m.addedNodes) {
        if (node.nodeType !== 1) continue;
        const lines = node.matches("li[data-seq]") ? [node] : node.querySelectorAll("li[data-seq]");
        for (const li of lines) {
          if (li.closest("[data-testid=feed]")) window.__seen[li.dataset.seq] ??= at;
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

async function main() {
  const { context, close } = await browser();
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(observe);
  await signUp(page, base, `bench${Date.now().toString(36)}`, "correct horse battery staple");
  await page.fill("input[name=projectName]", "latency");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("heading", { name: "latency" }).waitFor();
  const project = page.url();
  for (let i = 0; i < runs; i++) {
    await page.goto(project);
    await page.fill("textarea[name=prompt]", prompt);
    await page.getByRole("button", { name: "Start run" }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]+$/);
    const runId = page.url().split("/").pop();
    // the page holds the stream open before the plan is approved: what follows is live
    await page.getByTestId("approval-panel").waitFor({ timeout: 120_000 });
    await page.getByRole("button", { name: "Approve plan" }).click();
    await page.waitForFunction(
      () => ["succeeded", "failed", "cancelled"].includes(document.querySelector("[data-testid=run-status]")?.textContent?.trim()),
      null,
      { timeout: 10 * 60_000 },
    );
    await page.waitForFunction(() => document.querySelector("[data-testid=connection]")?.textContent?.includes("ended"));
    const result = await page.evaluate(() => ({ opened: window.__opened, seen: window.__seen }));
    console.log(JSON.stringify({ runId, ...result }));
  }
  await close();
}

main().catch((failure) => {
  console.error(failure);
  process.exit(1);
});

// Two versions of one run, in Chromium against a real `forgeflow serve` whose model is the fake of
// bench's RepairModelMain (first argument: the server's URL; second: the screenshot directory).
// The sandbox's attack sends version 1 back; the review's finding links to the file and line in
// the viewer; the diff from v1 to v2 shows the repair.

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";
import { browser, runTest, signUp, tab } from "./browser.mjs";

const base = process.argv[2];
const shots = process.argv[3] ?? "target/e2e";
mkdirSync(shots, { recursive: true });
const started = Date.now();
const log = (m) => console.log(`[web-e2e versions ${((Date.now() - started) / 1000).toFixed(1)} s] ${m}`);

async function main(watched) {
  const { context, close } = await browser();
  const page = context.pages()[0] ?? (await context.newPage());
  watched.page = page;
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));

  await signUp(page, base, `carol${Date.now().toString(36)}`, "correct horse battery staple");
  await page.fill("input[name=projectName]", "repaired");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("heading", { name: "repaired" }).waitFor();
  await page.fill(
    "textarea[name=prompt]",
    "A bookstore API with books (title, author, price: float) and reviews (book_id, rating: int, comment)",
  );
  await page.uncheck("input[name=approvalGate]");
  await page.selectOption("select[name=sandbox]", "check");
  await page.getByRole("button", { name: "Start run" }).click();
  await page.waitForURL(/\/runs\/[0-9a-f-]+$/);

  log("the run takes two versions");
  await page.waitForFunction(
    () => document.querySelector("[data-testid=run-status]")?.textContent?.trim() === "succeeded",
    null,
    { timeout: 8 * 60_000 },
  );
  const spans = await page.$$eval("[data-testid=timeline] li", (items) => items.map((li) => li.textContent));
  assert.ok(spans.some((s) => s.includes("round 2")), `a second round: ${spans}`);

  log("the failed check links to the file and line of version 1");
  await tab(page, "Reviews & tests");
  await page.getByTestId("tests").getByText("failed").first().waitFor();
  const finding = page.getByTestId("reviews").locator("a", { hasText: "app/models.py" }).first();
  await finding.waitFor();
  await finding.click();
  await page.getByTestId("file-viewer").waitFor();
  assert.match(await page.getByTestId("file-viewer").locator("h2").textContent(), /app\/models\.py.*v1/);
  await page.screenshot({ path: join(shots, "20-finding-in-code.png"), fullPage: false });

  log("the diff from v1 to v2");
  await page.selectOption("select[name=from]", "1");
  await page.selectOption("select[name=to]", "2");
  await page.getByRole("button", { name: "Show diff" }).click();
  await page.getByTestId("diff").locator(".d2h-file-wrapper").first().waitFor();
  const diff = await page.getByTestId("diff").textContent();
  assert.ok(diff.includes("app/models.py"), "the diff names the repaired file");
  const added = await page.$$eval("[data-testid=diff] .d2h-ins", (cells) => cells.map((c) => c.textContent).join("\n"));
  assert.ok(added.includes("FiniteFloat"), "the repair is among the added lines");
  await page.screenshot({ path: join(shots, "21-diff.png"), fullPage: true });

  log("delete the project, and with it its images");
  await page.goto(base + "/");
  await page.getByRole("link", { name: "repaired" }).click();
  await page.getByRole("heading", { name: "repaired" }).waitFor();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByText("No projects yet").waitFor();

  assert.deepEqual(errors, [], "no page errors");
  await close();
  log("passed");
}

runTest(main, shots);

// The web UI end to end, in Debian's Chromium driven by playwright-core, against a real
// `forgeflow serve` (offline planner, real Docker sandbox) at the URL given as the first argument.
// Screenshots of each main screen go to the directory given as the second argument.
//
// A person signs up, attaches a spec document to a project, starts a run with the approval gate
// on, reads the plan, asks for a change, approves, reloads mid-run and finds the feed without a gap
// or a double, watches the run complete with a deployed service, opens a file, asks a question
// about the code and opens a passage of the answer, calls the service's POST and GET through the
// API tester, finds it on the Services page; a second tab follows the same run live; a second user
// sees none of it.

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";
import { browser, runTest, signUp, tab } from "./browser.mjs";

const base = process.argv[2];
const shots = process.argv[3] ?? "target/e2e";
if (!base) {
  console.error("usage: node e2e/journey.mjs <server url> [screenshot dir]");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const PROMPT =
  "A bookstore API with books (title, author, price: float) and reviews (book_id, rating: int, comment)";
const RUN_MINUTES = 6;
// the same service as the prompt, so a planner that reads it plans the same thing
const SPEC = `# Bookstore API

A bookstore API with books (title, author, price: float) and reviews (book_id, rating: int, comment).

- A book's price is a positive number.
- A review belongs to a book; its rating is between 1 and 5.
`;

const problems = [];
let refusalsExpected = false;
function watch(page, who) {
  page.on("pageerror", (e) => problems.push(`${who}: page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`${who}: console: ${m.text()}`);
  });
  page.on("response", (r) => {
    // a 401 from /api/me before signing in is how the UI learns nobody is signed in
    // a 404 from a run's deployment is how the UI learns nothing is deployed
    const expected =
      (r.status() === 401 && r.url().endsWith("/api/me")) ||
      (r.status() === 404 && r.url().endsWith("/deployment") && r.request().method() === "GET") ||
      refusalsExpected;
    if (r.status() >= 400 && !expected) problems.push(`${who}: ${r.status()} ${r.request().method()} ${r.url()}`);
  });
}

let step = 0;
async function shot(page, name) {
  step += 1;
  await page.screenshot({ path: join(shots, `${String(step).padStart(2, "0")}-${name}.png`), fullPage: true });
}

const started = Date.now();
function log(message) {
  console.log(`[web-e2e ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
}

/** The feed's seqs, in DOM order. */
async function feedSeqs(page) {
  return page.$$eval("[data-testid=feed] li", (items) => items.map((li) => Number(li.dataset.seq)));
}

function assertGapless(seqs, what) {
  assert.ok(seqs.length > 0, `${what}: the feed is empty`);
  seqs.forEach((seq, i) => assert.equal(seq, i + 1, `${what}: event ${i + 1} of the feed has seq ${seq}: ${seqs.join(",")}`));
}

async function main(watched) {
  const stamp = Date.now().toString(36);
  const alice = `alice${stamp}`;
  const bob = `bob${stamp}`;
  const password = "correct horse battery staple";

  const { context, close } = await browser();
  const page = context.pages()[0] ?? (await context.newPage());
  watched.page = page;
  watch(page, "alice");

  log("sign-in page, then sign up");
  await page.goto(base + "/");
  await page.waitForURL(/\/sign-in$/);
  await shot(page, "sign-in");
  await signUp(page, base, alice, password);
  await page.getByTestId("offline-banner").waitFor({ timeout: 10_000 }); // the offline planner is announced
  await shot(page, "projects-empty");

  log("project and a run with the gate on");
  await page.fill("input[name=projectName]", "bookstore");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("heading", { name: "bookstore" }).waitFor();

  log("a spec document attached to the project");
  await page.getByText("No documents attached.").waitFor();
  await page.setInputFiles("input[name=document]", {
    name: "spec.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(SPEC, "utf8"),
  });
  await page.getByTestId("documents").getByRole("button", { name: "Upload", exact: true }).click();
  await page.getByTestId("document-list").getByText("spec.md", { exact: true }).waitFor({ timeout: 60_000 });
  const document = await page.getByTestId("document-list").locator("li").first().textContent();
  assert.match(document, /Markdown/, `the document is listed as Markdown: ${document}`);
  assert.match(document, /Chunks\s*[1-9]/, `the document was indexed: ${document}`);
  await shot(page, "documents");

  await page.fill("textarea[name=prompt]", PROMPT);
  assert.ok(await page.isChecked("input[name=approvalGate]"), "the gate is on by default");
  await shot(page, "new-run");
  await page.getByRole("button", { name: "Start run" }).click();
  await page.waitForURL(/\/runs\/[0-9a-f-]+$/);
  const runUrl = page.url();
  const runId = runUrl.split("/").pop();

  await page.getByTestId("approval-panel").waitFor({ timeout: 60_000 });
  await shot(page, "run-awaiting-approval");

  log("the plan: charter, design, diagrams, endpoints");
  await tab(page, "Plan");
  await page.getByTestId("endpoints").waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".diagram .svg svg").length >= 2, null, { timeout: 30_000 });
  const endpoints = await page.$$eval("[data-testid=endpoints] tbody tr", (rows) => rows.map((r) => r.textContent));
  assert.ok(endpoints.some((e) => e.includes("/books")), `the endpoint table lists /books: ${endpoints}`);
  await shot(page, "plan");

  log("a second tab follows the same run");
  const second = await context.newPage();
  watch(second, "alice's second tab");
  await second.goto(runUrl);
  await second.getByTestId("approval-panel").waitFor();

  log("request a change, then approve");
  await tab(page, "Live");
  await page.fill("textarea[name=feedback]", "books (title, author, price: float, isbn)");
  await page.getByRole("button", { name: "Request changes" }).click();
  await page.waitForFunction(
    () => document.querySelectorAll("[data-testid=feed] li[data-type='approval.requested']").length >= 2,
    null,
    { timeout: 60_000 },
  );
  await tab(page, "Plan");
  await page.locator("[data-testid=plan] td code", { hasText: /^isbn$/ }).first().waitFor({ timeout: 30_000 });
  await tab(page, "Live");
  await page.getByTestId("approval-panel").waitFor();
  await page.getByRole("button", { name: "Approve plan" }).click();
  await page.waitForFunction(
    () => document.querySelector("[data-testid=feed] li[data-type='approval.decided'] ~ li[data-type='stage.started']") !== null,
    null,
    { timeout: 60_000 },
  );

  log("reload mid-run: nothing lost, nothing doubled");
  const beforeReload = await feedSeqs(page);
  assertGapless(beforeReload, "before the reload");
  await page.reload();
  await page.getByTestId("feed").waitFor();
  await page.waitForFunction((n) => document.querySelectorAll("[data-testid=feed] li").length >= n, beforeReload.length);
  assertGapless(await feedSeqs(page), "after the reload");

  log("the run completes with a deployed service");
  await page.waitForFunction(
    () => document.querySelector("[data-testid=run-status]")?.textContent?.trim() === "succeeded",
    null,
    { timeout: RUN_MINUTES * 60_000 },
  );
  await page.waitForFunction(() => document.querySelector("[data-testid=connection]")?.textContent?.includes("ended"));
  const final = await feedSeqs(page);
  assertGapless(final, "at the end");
  const types = await page.$$eval("[data-testid=feed] li", (items) => items.map((li) => li.dataset.type));
  assert.equal(types[types.length - 1], "run.completed");
  assert.ok(types.includes("deploy.ready"), "the service was deployed");
  const fromApi = await page.evaluate(async (id) => {
    const answer = await fetch(`/api/runs/${id}/events`, { headers: { Accept: "text/event-stream" } });
    const text = await answer.text();
    return text.split("\n").filter((l) => l.startsWith("id:")).length;
  }, runId);
  assert.equal(final.length, fromApi, "the feed holds every event of the journal");
  await shot(page, "run-completed");

  log("the second tab saw it live too");
  await second.waitForFunction(
    () => document.querySelector("[data-testid=run-status]")?.textContent?.trim() === "succeeded",
    null,
    { timeout: 60_000 },
  );
  assertGapless(await feedSeqs(second), "the second tab");
  assert.equal((await feedSeqs(second)).length, final.length, "both tabs hold the same events");
  await second.close();

  log("the code: tree, a file, highlighted");
  await tab(page, "Code");
  await page.getByTestId("file-tree").waitFor();
  await page.getByRole("button", { name: /^models\.py/ }).click();
  await page.getByTestId("file-viewer").getByText("app/models.py").waitFor();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=file-viewer] .hljs-keyword").length > 0);
  const viewer = await page.getByTestId("file-viewer").textContent();
  assert.ok(viewer.includes("isbn"), "the approved change reached the code");
  await shot(page, "code");

  log("ask about the code: offline, the passages that match, each opening its lines");
  const ask = page.getByTestId("ask");
  await ask.locator("textarea[name=question]").fill("where is the price validated?");
  await ask.getByRole("button", { name: "Ask", exact: true }).click();
  await page.locator("[data-testid=ask-sources] li").first().waitFor({ timeout: 60_000 });
  await page.getByTestId("ask-answer").getByText("No model configured — the passages that match best:").waitFor();
  const sources = await page.$$eval("[data-testid=ask-sources] li button", (buttons) => buttons.map((b) => b.textContent));
  const source = /^(\S+):(\d+)(?:–(\d+))? \(-?\d+\.\d\d\)$/;
  assert.ok(sources.length >= 1, "at least one passage matches");
  for (const s of sources) assert.match(s, source, "each source is path:start–end (score)");
  const [, sourcePath, sourceStart, sourceEnd] = source.exec(sources[0]);
  await page.locator("[data-testid=ask-sources] li button").first().click();
  await page.getByTestId("file-viewer").locator("h2 code", { hasText: sourcePath }).waitFor();
  await page.locator(`[data-testid=file-viewer] tr#L${sourceStart}.marked`).waitFor();
  const marked = await page.$$eval("[data-testid=file-viewer] tr.marked", (rows) => rows.length);
  assert.equal(marked, Number(sourceEnd ?? sourceStart) - Number(sourceStart) + 1, `the lines of ${sources[0]} are marked`);
  await shot(page, "ask");

  log("reviews and tests");
  await tab(page, "Reviews & tests");
  await page.getByTestId("tests").getByText("passed").first().waitFor();
  await shot(page, "reports");

  log("the deployment and the API tester: POST then GET through the proxy");
  await tab(page, "Deployment");
  await page.getByTestId("deployment-state").waitFor();
  await page.getByTestId("api-tester").locator("select[name=operation]").waitFor({ timeout: 30_000 });
  const options = await page.$$eval("[data-testid=api-tester] select[name=operation] option", (o) =>
    o.map((x) => ({ value: x.value, text: x.textContent })),
  );
  const post = options.find((o) => o.text.startsWith("POST /books "));
  const list = options.find((o) => o.text.startsWith("GET /books "));
  assert.ok(post && list, `POST and GET /books are offered: ${options.map((o) => o.text)}`);
  await page.selectOption("[data-testid=api-tester] select[name=operation]", post.value);
  const form = page.getByTestId("api-tester");
  await form.locator("input[id$='body_title']").fill("Dune");
  await form.locator("input[id$='body_author']").fill("Frank Herbert");
  await form.locator("input[id$='body_price']").fill("9.5");
  await form.locator("input[id$='body_isbn']").fill("9780441013593");
  await form.getByRole("button", { name: "Send POST" }).click();
  await page.getByTestId("api-status").waitFor();
  assert.match(await page.getByTestId("api-status").textContent(), /^201/);
  assert.ok((await page.getByTestId("api-body").textContent()).includes("Dune"));
  await shot(page, "api-tester-post");
  await page.selectOption("[data-testid=api-tester] select[name=operation]", list.value);
  await form.getByRole("button", { name: "Send GET" }).click();
  await page.waitForFunction(() => document.querySelector("[data-testid=api-status]")?.textContent?.startsWith("200"));
  assert.ok((await page.getByTestId("api-body").textContent()).includes("Frank Herbert"), "GET lists the book just made");
  await shot(page, "api-tester-get");

  log("stop the service, deploy it again");
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await page.getByText("Nothing deployed for this run.").waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("[data-testid=deployment-state]")?.textContent === "healthy", null, {
    timeout: 120_000,
  });
  await page.getByTestId("deployment-log").getByText(/Uvicorn running|Application startup complete/).first().waitFor({ timeout: 60_000 });
  await shot(page, "redeployed");

  log("the Services page lists the service, linking back to its run");
  await page.getByRole("link", { name: "Services", exact: true }).click();
  const services = page.getByTestId("services");
  await services.waitFor();
  const serviceRow = services.locator(`tbody tr[data-run="${runId}"]`);
  assert.equal(await serviceRow.getByTestId("service-state").textContent(), "healthy");
  assert.ok((await serviceRow.textContent()).includes("bookstore"), `the row names the project: ${await serviceRow.textContent()}`);
  await shot(page, "services");
  await serviceRow.getByRole("link").first().click();
  await page.waitForURL(new RegExp(`/runs/${runId}/deployment$`));
  await page.getByTestId("deployment-state").waitFor();

  log("download the project as a zip");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download zip" }).click();
  const zip = await download;
  const { readFileSync } = await import("node:fs");
  const bytes = readFileSync(await zip.path());
  assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK", "a zip archive");
  assert.ok(bytes.includes(Buffer.from("app/models.py")), "with the project's files");

  log("keyboard: Tab reaches the run's tabs, Enter opens one");
  await page.goto(runUrl);
  await page.getByTestId("feed").waitFor();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.textContent === "Usage" && document.activeElement.tagName === "A");
  }
  assert.ok(reached, "the Usage tab is reachable with Tab");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/usage$/);
  await page.getByTestId("usage").waitFor();

  log("the phone's width");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(runUrl);
  await page.getByTestId("feed").waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `nothing wider than the phone: ${overflow}px over`);
  await shot(page, "run-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  log("cancel a run at its gate");
  await page.goto(runUrl.replace(/\/runs\/.*/, "") + "/");
  await page.getByRole("link", { name: "bookstore" }).click();
  await page.fill("textarea[name=prompt]", "A notes API with notes (title, body)");
  await page.getByRole("button", { name: "Start run" }).click();
  await page.waitForURL(/\/runs\/[0-9a-f-]+$/);
  await page.getByTestId("approval-panel").waitFor({ timeout: 60_000 });
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Cancel run" }).click();
  await page.waitForFunction(() => document.querySelector("[data-testid=run-status]")?.textContent?.trim() === "cancelled", null, {
    timeout: 60_000,
  });
  await page.locator("[data-testid=feed] li[data-type='run.cancelled']").waitFor();

  log("API tokens: create (shown once), list, revoke");
  await page.goto(base + "/tokens");
  await page.fill("input[name=tokenName]", "laptop");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("issued-token").locator("code").textContent()).trim();
  assert.match(token, /^ffp_/);
  await shot(page, "tokens");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Revoke" }).click();
  await page.getByText(/^revoked/).waitFor();

  log("a second user sees none of it");
  // the session ends when the server answers, not when the page has moved to the sign-in form
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/auth/sign-out")),
    page.getByRole("button", { name: "Sign out" }).click(),
  ]);
  await page.waitForURL(/\/sign-in$/);
  await signUp(page, base, bob, password);
  refusalsExpected = true; // bob asks for alice's run: 404s are the point
  assert.equal(await page.getByTestId("projects").count(), 0, "bob has no projects");
  await page.goto(runUrl);
  await page.getByRole("alert").waitFor();
  assert.match(await page.getByRole("alert").textContent(), /no run|not found/i);
  await shot(page, "second-user");

  log("alice again");
  // the session ends when the server answers, not when the page has moved to the sign-in form
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/auth/sign-out")),
    page.getByRole("button", { name: "Sign out" }).click(),
  ]);
  await page.waitForURL(/\/sign-in$/);
  refusalsExpected = false;
  await page.fill("input[name=login]", alice);
  await page.fill("input[name=password]", password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Projects" }).waitFor();

  log("activity: what alice did, in plain words, with links to what is still there");
  await page.getByRole("link", { name: "Activity" }).click();
  const activity = page.getByTestId("activity");
  await activity.waitFor();
  const done = await activity.locator("tbody tr td:nth-child(2)").allTextContents();
  for (const words of ["run created", "plan approved", "run cancelled", "API token created", "API token revoked", "signed in"]) {
    assert.ok(done.includes(words), `the activity page shows "${words}": ${done}; problems so far: ${problems}`);
  }
  await shot(page, "activity");
  await activity.locator("tbody tr", { hasText: "run cancelled" }).getByRole("link").click();
  await page.waitForURL(/\/runs\/[0-9a-f-]+$/);
  await page.getByTestId("run-status").waitFor();

  log("delete the project: its service stops, its runs are gone");
  const serviceUrl = (await (await page.request.get(`${base}/api/runs/${runId}/deployment`)).json()).url;
  assert.ok(serviceUrl, "the project has a deployed service");
  await page.goto(base + "/");
  await page.getByRole("link", { name: "bookstore" }).click();
  await page.getByRole("heading", { name: "bookstore" }).waitFor();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await page.waitForURL(base + "/");
  await page.getByText("No projects yet").waitFor();
  assert.equal((await page.request.get(`${base}/api/runs/${runId}`)).status(), 404);
  const answered = await fetch(serviceUrl + "/health").then(
    () => true,
    () => false,
  );
  assert.equal(answered, false, "the deleted project's service no longer answers");

  assert.deepEqual(problems, [], "no page errors");
  await close();
  log("passed");
}

runTest(main, shots, () => problems);

import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router-dom";
import { afterEach, vi } from "vitest";
import { SessionProvider } from "../lib/session";
import type { ProjectDocument } from "../lib/types";
import { documentRoutes, fakeServer, problem, type Answer } from "../test/fakeServer";
import { signedIn as signedInUser } from "../test/app";
import { DocumentsSection } from "./Documents";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const signedIn = signedInUser(true);

const spec: ProjectDocument = {
  id: "doc_a1",
  name: "spec.md",
  mediaType: "text/markdown",
  bytes: 1234,
  pages: null,
  chars: 1200,
  chunks: 3,
  createdAt: "2026-12-06T09:00:00Z",
};
const rules: ProjectDocument = {
  id: "doc_a0",
  name: "house-rules.pdf",
  mediaType: "application/pdf",
  bytes: 3 * 1024 * 1024,
  pages: 12,
  chars: 30_000,
  chunks: 31,
  createdAt: "2026-12-05T09:00:00Z",
};

function show() {
  render(
    <MemoryRouter>
      <SessionProvider>
        <DocumentsSection projectId="p1" />
      </SessionProvider>
    </MemoryRouter>,
  );
}

const markdown = (name: string, text: string) => new File([text], name, { type: "text/markdown" });

describe("DocumentsSection", () => {
  it("lists the project's documents, newest first, with type, size, pages, chunks and when added", async () => {
    fakeServer({ ...signedIn, ...documentRoutes("p1", [spec, rules]).routes });
    show();
    const list = await screen.findByTestId("document-list");
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector("strong")?.textContent)).toEqual(["spec.md", "house-rules.pdf"]);
    expect(items[0]).toHaveTextContent("Markdown");
    expect(items[0]).toHaveTextContent("1.2 KiB");
    expect(items[0]).toHaveTextContent("Chunks3");
    expect(items[0]).not.toHaveTextContent("Pages");
    expect(items[1]).toHaveTextContent("PDF");
    expect(items[1]).toHaveTextContent("3.0 MiB");
    expect(items[1]).toHaveTextContent("Pages12");
    expect(items[1]).toHaveTextContent("Chunks31");
    expect(screen.getByTestId("documents")).toHaveTextContent("The Requirements agent reads the documents attached here");
    expect(await screen.findByText(/offline planner/)).toBeInTheDocument();
  });

  it("uploads a file as multipart, in a part named file, with the CSRF header and no Content-Type of its own", async () => {
    const documents = documentRoutes("p1");
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = fakeServer({
      ...signedIn,
      ...documents.routes,
      "POST /api/projects/p1/documents": async (call) => {
        await held;
        return documents.routes["POST /api/projects/p1/documents"](call);
      },
    });
    show();
    expect(await screen.findByText("No documents attached.")).toBeInTheDocument();
    const user = userEvent.setup();
    const upload = screen.getByRole("button", { name: "Upload" });
    expect(upload).toBeDisabled();
    const input = screen.getByLabelText(/Attach a document/);
    expect(input).toHaveAttribute("accept", expect.stringContaining(".txt,.md,.markdown,.pdf"));
    await user.upload(input, markdown("spec.md", "# Bookstore\n\nBooks have a title, an author and a price.\n"));
    await user.click(upload);

    expect(await screen.findByTestId("upload-busy")).toHaveTextContent("Uploading spec.md");
    expect(screen.getByRole("button", { name: "Uploading…" })).toBeDisabled();
    release();
    const list = await screen.findByTestId("document-list");
    expect(within(list).getByText("spec.md")).toBeInTheDocument();
    expect(screen.getByText(/spec\.md attached: 1 chunk indexed/)).toBeInTheDocument();
    expect(screen.queryByTestId("upload-busy")).toBeNull();

    const post = server.calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/projects/p1/documents");
    expect(post.headers["X-XSRF-TOKEN"]).toBe("csrf-1");
    expect(Object.keys(post.headers).map((h) => h.toLowerCase())).not.toContain("content-type");
    const form = post.body as FormData;
    expect([...form.keys()]).toEqual(["file"]);
    const sent = form.get("file") as File;
    expect(sent.name).toBe("spec.md");
    expect(await sent.text()).toContain("Books have a title");
  });

  it("shows the server's refusal with the file's name, and keeps the list", async () => {
    const refusals: Record<string, Answer> = {
      "locked.pdf": problem(400, "Bad Request", "locked.pdf is encrypted: the text of a PDF with a password cannot be read"),
      "spec.md": problem(503, "Service Unavailable", "The vector store at http://127.0.0.1:8000 is not answering; try again when it is up"),
    };
    const server = fakeServer({
      ...signedIn,
      ...documentRoutes("p1", [spec]).routes,
      "POST /api/projects/p1/documents": (call) => refusals[((call.body as FormData).get("file") as File).name],
    });
    show();
    await screen.findByTestId("document-list");
    const user = userEvent.setup();
    const input = screen.getByLabelText(/Attach a document/);
    await user.upload(input, new File(["%PDF-1.7 …"], "locked.pdf", { type: "application/pdf" }));
    await user.click(screen.getByRole("button", { name: "Upload" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("locked.pdf: locked.pdf is encrypted: the text of a PDF with a password cannot be read");

    await user.upload(input, markdown("spec.md", "# again"));
    await user.click(screen.getByRole("button", { name: "Upload" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("The vector store at http://127.0.0.1:8000 is not answering"));
    expect(within(screen.getByTestId("document-list")).getAllByRole("listitem")).toHaveLength(1);
    expect(server.calls.filter((c) => c.method === "POST")).toHaveLength(2);
  });

  it("refuses a file above 5 MiB before sending it", async () => {
    const server = fakeServer({ ...signedIn, ...documentRoutes("p1").routes });
    show();
    await screen.findByText("No documents attached.");
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(/Attach a document/), new File([new Uint8Array(5 * 1024 * 1024 + 1)], "huge.txt", { type: "text/plain" }));
    await user.click(screen.getByRole("button", { name: "Upload" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("huge.txt: It is 5,242,881 bytes; the limit is 5 MiB (5,242,880 bytes).");
    expect(server.calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });

  it("removes a document after confirmation, and not without", async () => {
    const server = fakeServer({ ...signedIn, ...documentRoutes("p1", [spec, rules]).routes });
    show();
    await screen.findByTestId("document-list");
    const user = userEvent.setup();
    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);

    await user.click(screen.getByRole("button", { name: "Remove spec.md" }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining("Remove “spec.md” from this project?"));
    expect(server.calls.filter((c) => c.method === "DELETE")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Remove spec.md" }));
    await waitFor(() => expect(screen.queryByText("spec.md")).toBeNull());
    const remove = server.calls.find((c) => c.method === "DELETE")!;
    expect(remove.url).toBe("/api/projects/p1/documents/doc_a1");
    expect(remove.headers["X-XSRF-TOKEN"]).toBe("csrf-1");
    expect(screen.getByText("house-rules.pdf")).toBeInTheDocument();
  });
});

import { appendEvent, parseEvent, EVENT_TYPES } from "./events";
import { journal } from "../test/journal";

describe("appendEvent", () => {
  const e = (seq: number) => ({ seq, type: "stage.started", data: {} });

  it("keeps each seq once, in order, whatever is delivered again", () => {
    let feed = appendEvent([], e(1));
    feed = appendEvent(feed, e(2));
    feed = appendEvent(feed, e(2));
    feed = appendEvent(feed, e(1));
    feed = appendEvent(feed, e(3));
    expect(feed.map((x) => x.seq)).toEqual([1, 2, 3]);
  });

  it("returns the same feed for a repeat, so nothing re-renders", () => {
    const feed = appendEvent([], e(1));
    expect(appendEvent(feed, e(1))).toBe(feed);
  });
});

describe("parseEvent", () => {
  it("reads the seq from the id and the payload from the data", () => {
    expect(parseEvent("run.started", "7", '{"attempt": 1}')).toEqual({ seq: 7, type: "run.started", data: { attempt: 1 } });
  });

  it("refuses an id that is not a positive integer", () => {
    expect(parseEvent("run.started", "", "{}")).toBeNull();
    expect(parseEvent("run.started", "-3", "{}")).toBeNull();
    expect(parseEvent("run.started", "1e400", "{}")).toBeNull();
  });

  it("keeps data that is not JSON as text instead of failing", () => {
    expect(parseEvent("deploy.log", "2", "<b>hi")?.data).toEqual({ text: "<b>hi" });
  });
});

describe("the event catalogue", () => {
  it("names every type a real run's journal holds", () => {
    for (const event of journal()) expect(EVENT_TYPES).toContain(event.type);
  });
});

describe("the retrieval events", () => {
  it("are listened for, so they reach the feed", () => {
    for (const type of ["retrieval.done", "retrieval.indexed", "retrieval.unavailable"]) {
      expect(EVENT_TYPES).toContain(type);
    }
  });
});

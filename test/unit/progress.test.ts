import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProgressDisplay } from "../../cli/output/progress";

describe("ProgressDisplay", () => {
  it("off a terminal, a line at most every interval, and the final figure", () => {
    const lines: string[] = [];
    let now = 0;
    const display = new ProgressDisplay({ isTTY: false, write: (t: string) => lines.push(t) }, 2_000, () => now);
    const counter = display.counter("reading");
    counter.setTotal(100);
    for (let i = 0; i < 100; i++) {
      now += 100;
      counter.tick();
    }
    counter.done();
    // 10 s of work, a line every 2 s, plus the first and the final figure.
    assert.ok(lines.length >= 5 && lines.length <= 7, lines.join(""));
    assert.equal(lines.at(-1), "reading: 100/100\n");
    assert.ok(lines.every((l) => l.endsWith("\n") && !l.includes("\r")));
  });
  it("on a terminal, one line redrawn in place and ended by the final figure", () => {
    let text = "";
    let now = 0;
    const display = new ProgressDisplay({ isTTY: true, write: (t: string) => (text += t) }, 2_000, () => now);
    const counter = display.counter("reading");
    counter.setTotal(4);
    for (let i = 0; i < 4; i++) {
      now += 150;
      counter.tick();
    }
    counter.done();
    assert.equal(text.split("\n").length, 2);
    assert.ok(text.endsWith("\r\u001b[2Kreading: 4/4\n"), JSON.stringify(text));
  });
  it("calls describe only when it writes", () => {
    let calls = 0;
    let now = 0;
    const display = new ProgressDisplay({ isTTY: false, write: () => undefined }, 2_000, () => now);
    for (let i = 0; i < 50; i++) {
      now += 10;
      display.update(() => `step ${++calls}`);
    }
    assert.equal(calls, 1);
  });
  it("a line replaces a line drawn in place", () => {
    let text = "";
    const display = new ProgressDisplay({ isTTY: true, write: (t: string) => (text += t) }, 2_000, () => 0);
    display.update(() => "half way");
    display.line("done");
    assert.equal(text, "\r\u001b[2Khalf way\r\u001b[2Kdone\n");
  });
  it("a counter with nothing counted writes nothing", () => {
    const lines: string[] = [];
    new ProgressDisplay({ isTTY: false, write: (t: string) => lines.push(t) }).counter("reading").done();
    assert.deepEqual(lines, []);
  });
});

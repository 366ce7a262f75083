// The pieces of /add and /remove that decide what is downloaded, how it is named and saved, and
// what may be deleted; and reading an attachment option from either transport.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CommandOptions } from "../src/bot/options.js";
import { addedFiles, checkAttachment, contentProblem, removeUpload, safeFileName, saveUpload, uploadSettings } from "../src/bot/uploads.js";
import { tempDir } from "./helpers.js";

const settings = uploadSettings("http://127.0.0.1:9999/api", 1000);
const ref = (filename: string, size = 10, url = "https://cdn.discordapp.com/attachments/1/2/x") => ({ id: "9", filename, size, url, contentType: null });

describe("safeFileName", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["Annual Report (2023).DOCX", "Annual-Report-2023-.docx".replace("-.", ".")],
    ["../../etc/passwd.txt", "passwd.txt"],
    ["..\\windows\\notes.md", "notes.md"],
    [".hidden.html", "hidden.html"],
    ["Café menu.txt", "Cafe-menu.txt"],
  ])("%s → %s", (name, want) => expect(safeFileName(name)).toBe(want));

  it.each([["setup.exe"], ["archive.zip"], ["noextension"], [".pdf"], ["…….pdf"], [""]])("%s has no usable name", (name) =>
    expect(safeFileName(name)).toBeNull(),
  );
});

describe("checkAttachment and contentProblem", () => {
  it("accepts an allowed type from Discord's CDN or the configured API host, under the cap", () => {
    expect(checkAttachment(ref("a.pdf"), settings)).toEqual({ ok: true, name: "a.pdf" });
    expect(checkAttachment(ref("a.pdf", 10, "http://127.0.0.1:9999/attachments/a.pdf"), settings)).toEqual({ ok: true, name: "a.pdf" });
  });

  it.each([
    [ref("a.pdf", 2000), /over the/],
    [ref("a.exe"), /not a file type I can index/],
    [ref("a.pdf", 10, "https://evil.example/a.pdf"), /not on Discord's file servers/],
    [ref("a.pdf", 10, "not a url"), /no valid address/],
  ])("refuses %o", (r, why) => {
    const got = checkAttachment(r, settings);
    expect(got.ok).toBe(false);
    expect(got.ok ? "" : got.reason).toMatch(why);
  });

  it.each([
    ["a.pdf", Buffer.from("%PDF-1.7\n…"), null],
    ["a.pdf", Buffer.from("hello"), "`a.pdf` is not a PDF file."],
    ["a.docx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), null],
    ["a.docx", Buffer.from("%PDF-1.7"), "`a.docx` is not a Word (.docx) file."],
    ["a.txt", Buffer.from("plain words\n"), null],
    ["a.txt", Buffer.from([0, 1, 2, 0, 0, 0, 5, 6]), "`a.txt` is binary, not a text file."],
    ["a.md", Buffer.alloc(0), "`a.md` is empty."],
  ])("%s content: %s", (name, bytes, want) => expect(contentProblem(name, bytes)).toBe(want));
});

describe("saving and removing added files", () => {
  let cleanup = (): void => {};
  afterEach(() => cleanup());

  it("saves under added/, never over an existing file, and removes only added files", () => {
    const t = tempDir();
    cleanup = t.cleanup;
    writeFileSync(join(t.dir, "own.txt"), "kept");
    expect(saveUpload(t.dir, "a.txt", Buffer.from("first"))).toEqual({ ok: true, file: "added/a.txt" });
    const again = saveUpload(t.dir, "a.txt", Buffer.from("second"));
    expect(again.ok).toBe(false);
    expect(readFileSync(join(t.dir, "added/a.txt"), "utf8")).toBe("first");
    expect(addedFiles(t.dir)).toEqual(["added/a.txt"]); // no temporary file left behind

    for (const bad of ["own.txt", "../own.txt", "added/../own.txt", "added/missing.txt", ""]) {
      expect(removeUpload(t.dir, bad).ok).toBe(false);
    }
    expect(existsSync(join(t.dir, "own.txt"))).toBe(true);
    expect(removeUpload(t.dir, "a.txt")).toEqual({ ok: true, file: "added/a.txt" });
    expect(addedFiles(t.dir)).toEqual([]);
  });

  it("refuses an added/ that is a link out of the knowledge folder", () => {
    const t = tempDir();
    const outside = tempDir();
    cleanup = () => {
      t.cleanup();
      outside.cleanup();
    };
    mkdirSync(join(outside.dir, "elsewhere"));
    symlinkSync(join(outside.dir, "elsewhere"), join(t.dir, "added"));
    expect(saveUpload(t.dir, "a.txt", Buffer.from("x")).ok).toBe(false);
    expect(addedFiles(t.dir)).toEqual([]);
  });
});

describe("CommandOptions.attachment", () => {
  const raw = { id: "55", filename: "notes.pdf", size: 123, url: "https://cdn.discordapp.com/x/notes.pdf", content_type: "application/pdf" };
  it("reads the raw JSON's resolved attachments and discord.js's option.attachment alike", () => {
    const want = { id: "55", filename: "notes.pdf", size: 123, url: raw.url, contentType: "application/pdf" };
    expect(new CommandOptions([{ name: "file", type: 11, value: "55" }], { "55": raw }).attachment("file")).toEqual(want);
    const djs = { id: "55", name: "notes.pdf", size: 123, url: raw.url, contentType: "application/pdf" };
    expect(new CommandOptions([{ name: "file", type: 11, value: "55", attachment: djs }]).attachment("file")).toEqual(want);
  });

  it.each([
    [[{ name: "file", type: 11, value: "55" }], undefined],
    [[{ name: "file", type: 11, value: "56" }], { "55": raw }],
    [[{ name: "file", type: 11, value: "55" }], { "55": { ...raw, size: "big" } }],
    [[], { "55": raw }],
  ])("finds nothing for %j with %j", (options, resolved) => expect(new CommandOptions(options, resolved).attachment("file")).toBeNull());
});

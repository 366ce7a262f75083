// Slash-command options as plain values. discord.js (interaction.options.data) and the raw JSON of
// the HTTP endpoint both give an array of { name, type, value, focused }; both are read here, the
// same way. Anything malformed reads as absent, so no command handler can throw on odd input.
export interface OptionValue {
  value: unknown;
  focused: boolean;
}

/** An uploaded file as Discord describes it (the option's value is its id). */
export interface AttachmentRef {
  id: string;
  filename: string;
  size: number;
  url: string;
  contentType: string | null;
}

/** Discord allows 25 options per command; more than that is not an interaction Discord sent. */
const MAX_OPTIONS = 25;

export class CommandOptions {
  private readonly byName = new Map<string, OptionValue>();
  private readonly files = new Map<string, AttachmentRef>();

  /**
   * `resolvedAttachments`: the raw JSON's `data.resolved.attachments` (id → attachment); discord.js
   * puts each attachment on its option instead (`option.attachment`), and both are read.
   */
  constructor(raw: unknown, resolvedAttachments?: unknown) {
    if (resolvedAttachments && typeof resolvedAttachments === "object") {
      for (const [id, a] of Object.entries(resolvedAttachments as Record<string, unknown>).slice(0, MAX_OPTIONS)) {
        const ref = attachmentRef(a, id);
        if (ref) this.files.set(id, ref);
      }
    }
    if (!Array.isArray(raw)) return;
    for (const option of raw.slice(0, MAX_OPTIONS) as unknown[]) {
      if (!option || typeof option !== "object") continue;
      const { name, value, focused, attachment } = option as { name?: unknown; value?: unknown; focused?: unknown; attachment?: unknown };
      if (typeof name === "string" && !this.byName.has(name)) this.byName.set(name, { value, focused: focused === true });
      const ref = attachmentRef(attachment, typeof value === "string" ? value : "");
      if (ref && !this.files.has(ref.id)) this.files.set(ref.id, ref);
    }
  }

  /** The attachment an attachment option names, or null. */
  attachment(name: string): AttachmentRef | null {
    const id = this.string(name);
    return id ? (this.files.get(id) ?? null) : null;
  }

  string(name: string): string | null {
    const v = this.byName.get(name)?.value;
    return typeof v === "string" ? v : null;
  }

  boolean(name: string): boolean | null {
    const v = this.byName.get(name)?.value;
    return typeof v === "boolean" ? v : null;
  }

  /** The option being typed into (autocomplete), as text. */
  focused(): { name: string; value: string } | null {
    for (const [name, o] of this.byName) if (o.focused) return { name, value: typeof o.value === "string" ? o.value : String(o.value ?? "") };
    return null;
  }
}

/** Reads either shape: raw JSON (`filename`, `content_type`) or a discord.js Attachment (`name`, `contentType`). */
function attachmentRef(a: unknown, fallbackId: string): AttachmentRef | null {
  if (!a || typeof a !== "object") return null;
  const o = a as Record<string, unknown>;
  const id = typeof o.id === "string" ? o.id : fallbackId;
  const filename = typeof o.filename === "string" ? o.filename : typeof o.name === "string" ? o.name : null;
  const size = typeof o.size === "number" ? o.size : null;
  const url = typeof o.url === "string" ? o.url : null;
  const type = typeof o.content_type === "string" ? o.content_type : typeof o.contentType === "string" ? o.contentType : null;
  if (!id || filename === null || size === null || url === null) return null;
  return { id, filename, size, url, contentType: type };
}

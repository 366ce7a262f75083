// Slash-command options as plain values. discord.js (interaction.options.data) and the raw JSON of
// the HTTP endpoint both give an array of { name, type, value, focused }; both are read here, the
// same way. Anything malformed reads as absent, so no command handler can throw on odd input.
export interface OptionValue {
  value: unknown;
  focused: boolean;
}

/** Discord allows 25 options per command; more than that is not an interaction Discord sent. */
const MAX_OPTIONS = 25;

export class CommandOptions {
  private readonly byName = new Map<string, OptionValue>();

  constructor(raw: unknown) {
    if (!Array.isArray(raw)) return;
    for (const option of raw.slice(0, MAX_OPTIONS) as unknown[]) {
      if (!option || typeof option !== "object") continue;
      const { name, value, focused } = option as { name?: unknown; value?: unknown; focused?: unknown };
      if (typeof name === "string" && !this.byName.has(name)) this.byName.set(name, { value, focused: focused === true });
    }
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

// Interaction ids this endpoint has already answered, kept for as long as their signature is
// accepted (verify.ts): a captured request replayed within that window is refused with 409 rather
// than answered twice. Only Discord can sign a request, so the set holds real interactions only.
// Per process: copies behind a load balancer do not share it (see the README).
import { MAX_SIGNATURE_AGE_S } from "./verify.js";

export class AnsweredIds {
  /** id → when its signature stops being accepted (ms). Insertion order is roughly expiry order. */
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.until.size;
  }

  /** Records the id; false if it was answered already (a replay). */
  claim(id: string, signedAtS: number): boolean {
    this.prune();
    if (this.until.has(id)) return false;
    this.until.set(id, (signedAtS + MAX_SIGNATURE_AGE_S) * 1000);
    return true;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, until] of this.until) {
      if (until >= now) break;
      this.until.delete(id);
    }
  }
}

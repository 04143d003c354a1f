/**
 * What a provider's test server posts to the merchant (callbacks, status updates): each answer's status
 * kept by the provider's reference, and posts scheduled for later (a callback comes after the buyer
 * acted) that `idle` waits for.
 */
export class MerchantPosts {
  readonly sent: Array<{ reference: string; status: number }> = [];
  /** Where posts really go when the merchant's URL names a host the test cannot know beforehand (a stand-in for DNS). */
  origin?: string;
  private readonly inFlight = new Set<Promise<void>>();

  async post(reference: string, merchantUrl: string, contentType: string, body: string): Promise<number> {
    const url = new URL(merchantUrl);
    const response = await fetch(this.origin ? `${this.origin}${url.pathname}${url.search}` : url.href, { method: 'POST', headers: { 'content-type': contentType }, body });
    await response.arrayBuffer();
    this.sent.push({ reference, status: response.status });
    return response.status;
  }

  statusesOf(reference: string): number[] {
    return this.sent.filter((post) => post.reference === reference).map((post) => post.status);
  }

  /** Runs `send` `times` times after `delayMs`; a merchant that cannot be reached is not retried. */
  later(delayMs: number, times: number, send: () => Promise<unknown>): void {
    const delivery = (async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      for (let time = 0; time < times; time += 1) await send().catch(() => undefined);
    })();
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  /** Resolves once every scheduled post was made. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}

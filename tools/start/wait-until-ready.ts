/** Polls `url` until it answers 200; false when `timeoutMs` passes or `stillWaiting()` turns false. */
export async function waitUntilReady(url: string, timeoutMs: number, stillWaiting: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && stillWaiting()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.body?.cancel();
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

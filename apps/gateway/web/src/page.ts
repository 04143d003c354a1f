/** A page of the console: draws itself into `root` and returns what to do when it is left (stop its refreshes). */
export type Page = (root: HTMLElement) => (() => void) | void;

/**
 * Runs `load` now and every `intervalMs` while the page is shown; a load never overlaps the previous
 * one. Returns the stop function a page gives back to the router.
 */
export function refreshEvery(intervalMs: number, load: () => Promise<void>): () => void {
  let stopped = false;
  let timer: number | undefined;
  const tick = async (): Promise<void> => {
    await load();
    if (!stopped) timer = window.setTimeout(tick, intervalMs);
  };
  void tick();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}

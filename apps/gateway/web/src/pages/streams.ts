import { announce, reporting } from '../alerts';
import { get, post } from '../api';
import type { DeadLetter, Page as ListPage, Projections, RebuildView } from '../contract';
import { field, h, pageHeading, table, tableOr } from '../dom';
import { formatNumber, formatTime } from '../format';
import type { Page } from '../page';

const REBUILD_POLL_MS = 1_000;

/** Projections (lag, rebuild with progress), consumer groups' lag, and dead letters to replay. */
export const streamsPage: Page = (root) => {
  let left = false;
  const watched = new Set<string>();
  const projections = h('div');
  const groups = h('div');
  const rebuilds = h('ul', { class: 'rebuilds', 'aria-live': 'polite' });
  const topic = h('input', { id: 'dead-letter-topic', name: 'topic', placeholder: 'every topic' });
  const deadLetters = h('div');
  const deadLetterForm = h('form', { class: 'inline-form' }, field('Topic', topic), h('button', { type: 'submit' }, 'Show dead letters'));

  const loadProjections = (): Promise<void> =>
    reporting(async () => {
      const answer = await get<Projections>('admin/ops/projections');
      projections.replaceChildren(
        table(
          'Projections',
          ['Service', 'Projection', 'Version', 'Checkpoint', 'Head', 'Lag', 'State', 'Action'],
          answer.projections.map((projection) => [
            projection.service,
            h('span', { class: 'projection-name' }, projection.name ?? projection.problem ?? '–'),
            projection.version ?? '–',
            String(projection.checkpoint ?? '–'),
            String(projection.head ?? '–'),
            formatNumber(projection.lag, 0),
            projection.state,
            projection.name && h('button', { type: 'button', class: 'secondary', 'aria-label': `Rebuild ${projection.service} ${projection.name}`, onclick: () => void rebuild(projection.service, projection.name as string) }, 'Rebuild'),
          ]),
        ),
      );
      groups.replaceChildren(
        table(
          'Consumer groups',
          ['Group', 'Topic', 'Partitions', 'Lag', 'Members'],
          answer.consumerGroups.map((group) => [group.group, group.topic, group.partitions, formatNumber(group.lag, 0), formatNumber(group.members, 0)]),
        ),
      );
      for (const projection of answer.projections) if (projection.rebuild?.status === 'running') void reporting(() => watch(projection.rebuild as RebuildView));
    });

  const rebuild = (service: string, name: string): Promise<void> =>
    reporting(async () => {
      const started = await post<RebuildView>(`admin/ops/projections/${encodeURIComponent(service)}/${encodeURIComponent(name)}/rebuild`);
      announce(`Rebuild of ${service} ${name} started.`);
      await watch(started);
    });

  /** Polls a rebuild until it ends, drawing its progress bar; then the projections are read again. */
  const watch = async (first: RebuildView): Promise<void> => {
    if (watched.has(first.id)) return;
    watched.add(first.id);
    const progress = h('progress', { id: `rebuild-${first.id}`, max: 1, value: 0 });
    const state = h('span', { class: 'rebuild-state' });
    const item = h('li', { class: 'rebuild', 'data-rebuild-id': first.id }, h('label', { for: progress.id }, `Rebuild of ${first.service} ${first.projection}`), progress, state);
    rebuilds.prepend(item);
    let view = first;
    for (;;) {
      progress.max = Math.max(view.total, 1);
      progress.value = view.status === 'succeeded' ? progress.max : view.processed;
      state.textContent = `${view.status}: ${formatNumber(view.processed, 0)} of ${formatNumber(view.total, 0)}${view.error ? ` (${view.error})` : ''}`;
      item.dataset.status = view.status;
      if (view.status !== 'running' || left) break;
      await new Promise((resolve) => window.setTimeout(resolve, REBUILD_POLL_MS));
      view = await get<RebuildView>(`admin/ops/rebuilds/${encodeURIComponent(view.id)}`);
    }
    if (view.status === 'succeeded') announce(`Rebuild of ${view.service} ${view.projection} finished: ${formatNumber(view.processed, 0)} events.`);
    if (view.status === 'failed') throw new Error(`Rebuild of ${view.service} ${view.projection} failed: ${view.error ?? 'no reason given'}`);
    if (!left) await loadProjections();
  };

  const loadDeadLetters = (): Promise<void> =>
    reporting(async () => {
      const { items } = await get<ListPage<DeadLetter>>('admin/ops/dead-letters', { topic: topic.value.trim() });
      deadLetters.replaceChildren(
        tableOr(
          'No dead letters.',
          'Dead letters',
          ['Topic', 'Event type', 'Consumer group', 'Failed at', 'Error', 'Replayed at', 'Action'],
          items.map((letter) => [
            letter.topic,
            letter.type ?? '–',
            letter.consumerGroup ?? '–',
            formatTime(letter.failedAt),
            h('span', { class: 'error-text' }, letter.error),
            formatTime(letter.replayedAt),
            letter.replayedAt ? 'replayed' : h('button', { type: 'button', class: 'secondary', 'aria-label': `Replay ${describe(letter)}`, onclick: () => void replay(letter) }, 'Replay'),
          ]),
        ),
      );
    });

  const replay = (letter: DeadLetter): Promise<void> =>
    reporting(async () => {
      const answer = await post<{ replayed: number | boolean }>(`admin/ops/dead-letters/${encodeURIComponent(letter.topic)}/${encodeURIComponent(letter.id)}/replay`);
      announce(`Replayed ${describe(letter)} to ${letter.topic} (${String(answer.replayed)} sent).`);
      await loadDeadLetters();
    });

  deadLetterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void loadDeadLetters();
  });
  root.append(
    pageHeading('Streams & projections'),
    h('section', { 'aria-labelledby': 'projections-heading' }, h('h2', { id: 'projections-heading' }, 'Projections'), h('button', { type: 'button', class: 'secondary', onclick: () => void loadProjections() }, 'Refresh projections and consumer groups'), projections, h('h3', {}, 'Rebuilds'), rebuilds),
    h('section', { 'aria-labelledby': 'groups-heading' }, h('h2', { id: 'groups-heading' }, 'Consumer groups'), groups),
    h('section', { 'aria-labelledby': 'dead-letters-heading' }, h('h2', { id: 'dead-letters-heading' }, 'Dead letters'), deadLetterForm, deadLetters),
  );
  void loadProjections();
  void loadDeadLetters();
  return () => {
    left = true;
  };
};

/** A dead letter as a person names it: its event's type and id, or its place in the dead-letter topic. */
function describe(letter: DeadLetter): string {
  return letter.eventId ? `${letter.type ?? 'event'} ${letter.eventId}` : `the letter at ${letter.place} of ${letter.topic}`;
}

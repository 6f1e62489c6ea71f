import { configure, decorate } from '@pivotkit/elements';
import { AuthError, NetworkError, TimeoutError, createClient } from '@pivotkit/sdk';
import { generateMessages, type MessageRow } from './data.js';
import { el, rowOf } from './table.js';

/** Where `npm run demo` starts the emulator, and its published demo client. */
const EMULATOR = 'http://localhost:8787';

const tbody = document.querySelector<HTMLTableSectionElement>('#messages tbody')!;
const banner = document.getElementById('banner')!;
const session = document.getElementById('session')!;
let loaded = 0;

function load(n: number) {
  const rows = generateMessages(n, loaded);
  loaded += n;
  tbody.append(...rows.map(rowOf));
  document.getElementById('count')!.textContent = `${loaded} messages shown`;
  renderCards();
}

function renderCards() {
  const rows = generateMessages(loaded);
  const count = (f: (m: MessageRow) => boolean) => rows.filter(f).length;
  const cards: [string, number, string][] = [
    ['Messages', rows.length, ''],
    ['Malicious or phishing', count((m) => m.verdict === 'Malicious' || m.verdict === 'Phishing'), 'bad'],
    ['Quarantined', count((m) => m.action === 'Quarantined'), 'warn'],
    ['Links clicked', count((m) => !!m.clickedFrom), 'warn'],
  ];
  document.getElementById('cards')!.replaceChildren(
    ...cards.map(([label, n, tone]) => {
      const card = el('div', `card ${tone}`);
      card.append(el('span', 'card__n', String(n)), el('span', 'card__label', label));
      return card;
    }),
  );
}

function showBanner(text: string, detail: string) {
  banner.replaceChildren(el('strong', undefined, text), document.createTextNode(` ${detail}`));
  banner.hidden = false;
}

// A client-side filter, to show that decoration follows the page's own DOM changes.
document.getElementById('filter')!.addEventListener('input', (e) => {
  const q = (e.target as HTMLInputElement).value.toLowerCase();
  for (const tr of tbody.rows) tr.hidden = q !== '' && !tr.textContent!.toLowerCase().includes(q);
});
document.getElementById('more')!.addEventListener('click', () => load(50));

load(250);

const client = createClient({
  baseUrls: { visibility: EMULATOR, privateIntel: EMULATOR },
  credentials: { clientId: 'demo-client', clientSecret: 'demo-secret' },
  retry: 0,
});
configure({ client });
// Rows added later ("Load 50 more") are decorated as they arrive.
decorate(document.getElementById('messages')!);

try {
  const s = await client.signIn();
  session.textContent = `Threat Response emulator · ${s.clientId ?? 'demo-client'} · ${s.scopes.length} scopes`;
  session.classList.add('ok');
} catch (err) {
  session.textContent = 'Not signed in';
  session.classList.add('bad');
  if (err instanceof NetworkError || err instanceof TimeoutError) {
    showBanner(
      `The Threat Response emulator at ${EMULATOR} is not reachable.`,
      'Start it with "npm run demo" (it starts the emulator and this page), then reload. Pivot buttons stay, but verdicts and actions need it.',
    );
  } else if (err instanceof AuthError) {
    showBanner('Sign-in to the emulator failed.', err.message);
  } else {
    showBanner('Could not sign in to the emulator.', err instanceof Error ? err.message : String(err));
  }
}

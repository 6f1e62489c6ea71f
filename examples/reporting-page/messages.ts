// Message tracking: the newest of 5,000 tracked messages, searchable, with a pivot button beside every
// sender, IP, domain, URL and hash.
import { generateMessages, type MessageRow } from './data.js';
import { startPivotkit } from './pivotkit.js';
import { el, rowOf } from './table.js';

const ALL = generateMessages(5000);
const PAGE = 250;
const tbody = document.querySelector<HTMLTableSectionElement>('#messages tbody')!;
const search = document.querySelector<HTMLInputElement>('#filter')!;
const action = document.querySelector<HTMLSelectElement>('#action')!;
let matches: MessageRow[] = ALL;
let shown = 0;

function matching(): MessageRow[] {
  const q = search.value.trim().toLowerCase();
  const a = action.value;
  return ALL.filter(
    (m) =>
      (!a || m.action === a) &&
      (!q ||
        [m.sender, m.recipient, m.subject, m.senderIp, m.senderDomain, ...m.urls, m.attachment?.sha256 ?? ''].some(
          (v) => v.toLowerCase().includes(q),
        )),
  );
}

function render(reset: boolean) {
  if (reset) {
    matches = matching();
    shown = 0;
    tbody.replaceChildren();
  }
  const next = matches.slice(shown, shown + PAGE);
  shown += next.length;
  tbody.append(...next.map(rowOf));
  document.getElementById('count')!.textContent = `${shown} of ${matches.length} messages shown`;
  document.querySelector<HTMLButtonElement>('#more')!.hidden = shown >= matches.length;
}

function renderCards() {
  const count = (f: (m: MessageRow) => boolean) => ALL.filter(f).length;
  const cards: [string, number, string][] = [
    ['Messages (24 h)', ALL.length, ''],
    ['Malicious or phishing', count((m) => m.verdict === 'Malicious' || m.verdict === 'Phishing'), 'bad'],
    ['Quarantined', count((m) => m.action === 'Quarantined'), 'warn'],
    ['Links clicked', count((m) => !!m.clickedFrom), 'warn'],
  ];
  document.getElementById('cards')!.replaceChildren(
    ...cards.map(([label, n, tone]) => {
      const card = el('div', `card ${tone}`);
      card.append(el('span', 'card__n', n.toLocaleString('en')), el('span', 'card__label', label));
      return card;
    }),
  );
}

const params = new URLSearchParams(location.search);
search.value = params.get('q') ?? '';
action.value = params.get('action') ?? '';
search.addEventListener('input', () => render(true));
action.addEventListener('change', () => render(true));
document.getElementById('more')!.addEventListener('click', () => render(false));

renderCards();
render(true);
startPivotkit('messages', document.getElementById('messages')!);

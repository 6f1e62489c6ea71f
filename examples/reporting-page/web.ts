// Web tracking: 5,000 proxied requests, with pivot buttons on client and destination IPs, URLs, domains and
// downloaded files' hashes.
import { startPivotkit } from './pivotkit.js';
import { el } from './table.js';
import { generateWebRequests, type WebRequest } from './web-data.js';

const ALL = generateWebRequests(5000);
const PAGE = 250;
const tbody = document.querySelector<HTMLTableSectionElement>('#requests tbody')!;
const search = document.querySelector<HTMLInputElement>('#filter')!;
const action = document.querySelector<HTMLSelectElement>('#action')!;
let matches: WebRequest[] = ALL;
let shown = 0;

function rowOf(w: WebRequest): HTMLTableRowElement {
  const tr = el('tr');
  const [day, clock] = w.time.split(' ');
  const time = el('td', 'time');
  time.append(el('div', undefined, clock), el('div', 'day', day));
  const act = el('td', 'verdict');
  act.append(
    el(
      'span',
      `chip chip--${w.action === 'Blocked' ? 'malicious' : w.action === 'Warned' ? 'phishing' : 'clean'}`,
      w.action,
    ),
  );
  const who = el('td', 'sender');
  const user = el('div', undefined, w.user);
  user.setAttribute('data-pk-ignore', '');
  who.append(user, el('div', 'mono recipient', w.clientIp));
  const download = el('td', 'attachment');
  if (w.download) download.append(el('div', 'file', w.download.name), el('div', 'mono hash', w.download.sha256));
  else download.append(el('span', 'none', '—'));
  tr.append(
    time,
    act,
    who,
    el('td', 'mono url', w.url),
    el('td', 'mono', w.domain),
    el('td', 'mono', w.destinationIp),
    el('td', undefined, w.category),
    download,
  );
  return tr;
}

function render(reset: boolean) {
  if (reset) {
    const q = search.value.trim().toLowerCase();
    matches = ALL.filter(
      (w) =>
        (!action.value || w.action === action.value) &&
        (!q || [w.user, w.clientIp, w.url, w.destinationIp, w.download?.sha256 ?? ''].some((v) => v.includes(q))),
    );
    shown = 0;
    tbody.replaceChildren();
  }
  const next = matches.slice(shown, shown + PAGE);
  shown += next.length;
  tbody.append(...next.map(rowOf));
  document.getElementById('count')!.textContent = `${shown} of ${matches.length} requests shown`;
  document.querySelector<HTMLButtonElement>('#more')!.hidden = shown >= matches.length;
}

search.addEventListener('input', () => render(true));
action.addEventListener('change', () => render(true));
document.getElementById('more')!.addEventListener('click', () => render(false));
render(true);
startPivotkit('web', document.getElementById('requests')!);

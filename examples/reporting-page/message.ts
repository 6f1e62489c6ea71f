// One message: its delivery path, authentication results, recipients, links and attachment. Everything an
// analyst pivots on is decorated; our own relay and mailbox hosts are not.
import { messageDetail, type MessageDetail } from './data.js';
import { startPivotkit } from './pivotkit.js';
import { el } from './table.js';

const id = new URLSearchParams(location.search).get('id') ?? 'MID-880000';
const m = messageDetail(id);
const content = document.getElementById('content')!;

function field(list: HTMLElement, name: string, ...values: (string | Node)[]) {
  const dd = el('dd');
  dd.append(...values);
  list.append(el('dt', undefined, name), dd);
}

function section(title: string, ...children: Node[]): HTMLElement {
  const s = el('section', 'panel');
  const h = el('h2', undefined, title);
  s.append(h, ...children);
  return s;
}

function render(d: MessageDetail) {
  document.title = `${d.subject} · Message detail · Acme Email & Web Security`;
  document.getElementById('subject')!.textContent = d.subject;
  document.getElementById('crumb')!.textContent = d.id;
  const summary = el('dl', 'fields');
  field(summary, 'Verdict', el('span', `chip chip--${d.verdict.toLowerCase()}`, d.verdict), d.action);
  field(summary, 'Received (UTC)', d.time);
  field(summary, 'From', el('span', 'mono', d.sender));
  field(summary, 'Return-Path', el('span', 'mono', d.returnPath));
  const to = el('span', 'recipient', [d.recipient, ...d.cc].join(', '));
  to.setAttribute('data-pk-ignore', '');
  field(summary, 'To', to);
  const messageId = el('span', 'mono', d.messageId);
  messageId.setAttribute('data-pk-ignore', ''); // an address-shaped id, not an indicator
  field(summary, 'Message-ID', messageId);
  field(summary, 'SPF / DKIM / DMARC', `${d.spf} / ${d.dkim} / ${d.dmarc}`);
  if (d.clickedFrom) field(summary, 'Link clicked from', el('span', 'mono', d.clickedFrom));

  const hops = el('table', 'hops');
  const head = el('tr');
  for (const h of ['#', 'From', 'IP', 'By']) {
    const th = el('th', undefined, h);
    th.scope = 'col';
    head.append(th);
  }
  hops.append(el('caption', 'visually-hidden', 'Delivery path'), el('thead'), el('tbody'));
  hops.tHead!.append(head);
  d.hops.forEach((hop, i) => {
    const tr = el('tr');
    const internal = hop.ip.startsWith('10.');
    const ip = el('td', 'mono', hop.ip);
    // Our own mail servers are not indicators.
    if (internal) ip.setAttribute('data-pk-ignore', '');
    const from = el('td', 'mono', hop.from);
    const by = el('td', 'mono', hop.by);
    from.setAttribute('data-pk-ignore', '');
    by.setAttribute('data-pk-ignore', '');
    tr.append(el('td', undefined, String(i + 1)), from, ip, by);
    hops.tBodies[0]!.append(tr);
  });

  const links = el('ul', 'mono list');
  for (const u of d.urls) links.append(el('li', undefined, u));
  if (!d.urls.length) links.append(el('li', 'none', 'No links'));
  const files = el('ul', 'list');
  if (d.attachment) {
    const li = el('li');
    li.append(el('div', 'file', d.attachment.name), el('div', 'mono hash', d.attachment.sha256));
    files.append(li);
  } else files.append(el('li', 'none', 'No attachments'));

  const grid = el('div', 'detail-grid');
  content.replaceChildren(grid);
  grid.append(
    section('Summary', summary),
    section('Delivery path', hops),
    section('Links', links),
    section('Attachments', files),
  );
}

if (m) render(m);
else content.replaceChildren(el('p', 'none', `No message ${id}.`));
startPivotkit('message', document.getElementById('detail')!);

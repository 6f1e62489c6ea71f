// The message-tracking table's rows, built from text nodes only: the data is untrusted, as in a real console.
import type { MessageRow } from './data.js';

/** An element with a class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** One `<tr>` of the table. */
export function rowOf(m: MessageRow): HTMLTableRowElement {
  const tr = el('tr');
  tr.dataset['verdict'] = m.verdict.toLowerCase();
  const [day, clock] = m.time.split(' ');
  const time = el('td', 'time');
  time.append(el('div', undefined, clock), el('div', 'day', day));
  const sender = el('td', 'sender');
  // Internal recipients are ours, not indicators: the opt-out attribute keeps them undecorated.
  const recipient = el('div', 'recipient', `to ${m.recipient}`);
  recipient.setAttribute('data-pk-ignore', '');
  sender.append(el('div', undefined, m.sender), recipient);
  const subject = el('td', 'subject');
  const link = el('a', undefined, m.subject);
  link.href = `./message.html?id=${encodeURIComponent(m.id)}`;
  subject.append(link);
  const ip = el('td', 'mono', m.senderIp);
  const domain = el('td', 'mono', m.senderDomain);
  const urls = el('td', 'mono url');
  m.urls.forEach((u) => urls.append(el('div', undefined, u)));
  if (!m.urls.length) urls.append(el('span', 'none', '—'));
  const att = el('td', 'attachment');
  if (m.attachment) att.append(el('div', 'file', m.attachment.name), el('div', 'mono hash', m.attachment.sha256));
  else att.append(el('span', 'none', '—'));
  const verdict = el('td', 'verdict');
  verdict.append(el('span', `chip chip--${m.verdict.toLowerCase()}`, m.verdict), el('span', 'action', m.action));
  if (m.clickedFrom) verdict.append(el('div', 'clicked', `Link clicked from ${m.clickedFrom}`));
  tr.append(time, verdict, sender, subject, ip, domain, urls, att);
  return tr;
}

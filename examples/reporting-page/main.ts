import '@pivotkit/elements/pk-verdict-badge.js';

const report = document.getElementById('report')!;
for (const d of [1, 2, 3, 4, 5] as const) {
  const badge = document.createElement('pk-verdict-badge');
  badge.disposition = d;
  report.append(badge, ' ');
}

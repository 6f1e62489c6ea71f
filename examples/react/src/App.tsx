import { useEffect, useState } from 'react';
import { session as pivotkitSession } from '@pivotkit/elements';
import type { Observable, PivotkitClient } from '@pivotkit/sdk';

interface Alert {
  id: string;
  title: string;
  indicators: Observable[];
}

const ALERTS: Alert[] = [
  {
    id: 'A-1042',
    title: 'Beacon to a known-bad host',
    indicators: [
      { type: 'ip', value: '198.51.100.7' },
      { type: 'domain', value: 'evil.example.net' },
    ],
  },
  {
    id: 'A-1043',
    title: 'Phishing link clicked',
    indicators: [
      { type: 'url', value: 'https://phish.example.org/login' },
      { type: 'ip', value: '10.20.30.40' },
    ],
  },
  {
    id: 'A-1044',
    title: 'EICAR test file on an endpoint',
    indicators: [{ type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' }],
  },
];

export function App({ client }: { client: PivotkitClient }) {
  const [session, setSession] = useState('Signing in…');
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((l) => [line, ...l].slice(0, 8));

  useEffect(() => {
    // Through the shared session, so the casebook (and a ribbon, if the page had one) sees the sign-in too.
    void pivotkitSession.signIn().then((ok) => {
      const s = client.session;
      setSession(ok && s ? `Signed in as ${s.clientId ?? 'demo-client'} (${s.scopes.length} scopes)` : 'Not signed in');
    });
  }, [client]);

  // The pivot menu is shared by the page (it lives on <body>), so its events reach the document, not the
  // observable: listen there. GlobalEventHandlersEventMap types each event.
  useEffect(() => {
    const onOpen = (e: GlobalEventHandlersEventMap['pk-pivot-open']) =>
      note(`pk-pivot-open ${e.detail.observable.value}`);
    const onAdd = (e: GlobalEventHandlersEventMap['pk-add-to-case']) =>
      note(`pk-add-to-case ${e.detail.observable.value}`);
    document.addEventListener('pk-pivot-open', onOpen);
    document.addEventListener('pk-add-to-case', onAdd);
    return () => {
      document.removeEventListener('pk-pivot-open', onOpen);
      document.removeEventListener('pk-add-to-case', onAdd);
    };
  }, []);

  return (
    <>
      <header>
        <h1>Alert queue</h1>
        <p role="status" id="session">
          {session}
        </p>
      </header>
      <main>
        <section aria-labelledby="react19">
          <h2 id="react19">React 19: the elements as they are</h2>
          <ul className="alerts">
            {ALERTS.map((a) => (
              <li key={a.id}>
                <strong>{a.id}</strong> {a.title}
                <div className="indicators">
                  {a.indicators.map((o) => (
                    // Properties (type, value, noDrag…) and pk-* event props are typed: see src/pivotkit-jsx.d.ts.
                    <pk-observable
                      key={o.value}
                      type={o.type}
                      value={o.value}
                      onpk-observable-pick={(e) => note(`pk-observable-pick ${e.detail.observable.value}`)}
                    />
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="events">
          <h2 id="events">Events received</h2>
          <ol id="log">
            {log.map((line, i) => (
              <li key={`${i}-${line}`}>{line}</li>
            ))}
          </ol>
        </section>
      </main>
      <pk-casebook docked />
    </>
  );
}

import { useEffect, useState, version } from 'react';
import { version as reactDomVersion } from 'react-dom';
import { session as pivotkitSession } from '@pivotkit/elements';
import type { Disposition, Observable as Indicator, ObservableVerdict, PivotkitClient } from '@pivotkit/sdk';
import { Casebook, Observable, Ribbon, VerdictBadge } from './wrappers.js';

interface Alert {
  id: string;
  title: string;
  /** The console's own rating of the alert. */
  severity: Disposition;
  indicators: Indicator[];
}

const ALERTS: Alert[] = [
  {
    id: 'A-2042',
    title: 'Beacon to a known-bad host',
    severity: 2,
    indicators: [
      { type: 'ip', value: '198.51.100.7' },
      { type: 'domain', value: 'disputed.example.com' },
    ],
  },
  {
    id: 'A-2043',
    title: 'EICAR test file on an endpoint',
    severity: 3,
    indicators: [{ type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' }],
  },
];

// A verdict the console already has (its own sandbox; shown instead of asking Threat Response, `noEnrich`): an
// object, which only a property can carry.
const SANDBOX: ObservableVerdict = {
  observable: ALERTS[1]!.indicators[0]!,
  disposition: 3,
  dispositionName: 'Suspicious',
  modules: [{ module: 'Console sandbox', moduleInstanceId: 'sandbox', disposition: 3, dispositionName: 'Suspicious' }],
  conflict: false,
};

export function App({ client }: { client: PivotkitClient }) {
  const [session, setSession] = useState('Signing in…');
  const [log, setLog] = useState<string[]>([]);
  // A page has the ribbon (its Casebook app included) or a docked casebook, not both.
  const [docked, setDocked] = useState(false);
  const note = (line: string) => setLog((l) => [line, ...l].slice(0, 8));

  useEffect(() => {
    // Through the shared session, so the ribbon and the casebook see the sign-in too.
    void pivotkitSession.signIn().then((ok) => {
      const s = client.session;
      setSession(ok && s ? `Signed in as ${s.clientId ?? 'demo-client'} (${s.scopes.length} scopes)` : 'Not signed in');
    });
  }, [client]);

  // The pivot menu is shared by the page (it lives on <body>, not in React's tree): listen on the document.
  useEffect(() => {
    const onAdd = (e: GlobalEventHandlersEventMap['pk-add-to-case']) =>
      note(`pk-add-to-case ${e.detail.observable.value}`);
    document.addEventListener('pk-add-to-case', onAdd);
    return () => document.removeEventListener('pk-add-to-case', onAdd);
  }, []);

  return (
    <>
      <header>
        <h1>Alert queue</h1>
        <p id="versions">
          React {version}, react-dom {reactDomVersion}
        </p>
        <p role="status" id="session">
          {session}
        </p>
      </header>
      <main>
        <section aria-labelledby="alerts">
          <h2 id="alerts">Alerts</h2>
          <ul className="alerts">
            {ALERTS.map((a) => (
              <li key={a.id} id={a.id}>
                <VerdictBadge disposition={a.severity} /> <strong>{a.id}</strong> {a.title}
                <div className="indicators">
                  {a.indicators.map((o) => (
                    <Observable
                      key={o.value}
                      type={o.type}
                      value={o.value}
                      // Only this one gets `verdict`: a wrapper sets each prop it is given on every render, and
                      // verdict={undefined} on the others would erase the verdicts their enrichment set.
                      {...(o === SANDBOX.observable ? { noEnrich: true, verdict: SANDBOX } : {})}
                      onObservablePick={(e) => note(`pk-observable-pick ${e.detail.observable.value}`)}
                    />
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
        <p>
          <button type="button" id="layout" onClick={() => setDocked((d) => !d)}>
            {docked ? 'Use the ribbon' : 'Use a docked casebook instead of the ribbon'}
          </button>
        </p>
        <section aria-labelledby="events">
          <h2 id="events">Events received</h2>
          <ol id="log">
            {log.map((line, i) => (
              <li key={`${i}-${line}`}>{line}</li>
            ))}
          </ol>
        </section>
      </main>
      {docked ? (
        <Casebook
          docked
          onRequestClose={(e) => note(`pk-request-close ${e.detail.source}`)}
          onRequestSignIn={() => void pivotkitSession.signIn()}
        />
      ) : (
        <Ribbon
          onRibbonAppOpen={(e) => note(`pk-ribbon-app-open ${e.detail.id}`)}
          onRibbonAppClose={(e) => note(`pk-ribbon-app-close ${e.detail.id}`)}
        />
      )}
    </>
  );
}

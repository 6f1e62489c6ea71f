import { expect } from '@open-wc/testing';
import type { Casebook, ObservableVerdict } from '@pivotkit/sdk';
import { checkStixBundle, checkStixObject } from '../../../../../../test/fixtures/casebook-export/stix21-schema.js';
import { checkMispEvent } from '../../../../../../test/fixtures/casebook-export/misp-event.js';
import { provenanceFromBundle, provenanceToSighting, type Provenance } from '../provenance.js';
import { CSV_COLUMNS, TLP_MARKINGS, exportCase, parseCasebookImport, type ExportInput } from './index.js';
import { sha1Hex, uuidV5 } from './uuid.js';

const NOW = new Date('2026-12-03T07:00:00.000Z');
const SHA256 = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855';
const OBS = [
  { type: 'ip', value: '203.0.113.7' },
  { type: 'ipv6', value: '2001:db8::7' },
  { type: 'domain', value: 'evil.example' },
  { type: 'url', value: "http://evil.example/a?q='x'&b=\\" },
  { type: 'email', value: 'phish@evil.example' },
  { type: 'sha256', value: SHA256 },
  { type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e' },
  { type: 'sha1', value: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' },
  { type: 'hostname', value: 'ws-17' },
  { type: 'user', value: '=HYPERLINK("http://x","click")' },
];

const mod = (module: string, disposition: 1 | 2 | 3 | 5) => ({
  module,
  moduleInstanceId: `${module.toLowerCase()}-1`,
  disposition,
  dispositionName: (['', 'Clean', 'Malicious', 'Suspicious', '', 'Unknown'] as const)[disposition] as 'Clean',
});
const verdict = (
  i: number,
  d: 1 | 2 | 3 | 5,
  modules = [mod('Talos', d)],
  conflict = false,
): [string, ObservableVerdict] => {
  const o = OBS[i]!;
  const key = `${o.type}:${/^(domain|email|sha256|md5|sha1)$/.test(o.type) ? o.value.toLowerCase() : o.value}`;
  return [key, { observable: o, disposition: d, dispositionName: modules[0]!.dispositionName, modules, conflict }];
};

const PROV: Provenance = {
  url: 'https://intranet.example/proxy?day=3',
  title: 'Proxy report, "day 3"',
  context: '=cmd|"/c calc"!A1 beacon to 203.0.113.7',
  time: '2026-12-03T06:30:00.000Z',
};

function input(tlp: Casebook['tlp'] = 'amber'): ExportInput {
  const recorded = provenanceToSighting(OBS[2]!, {
    ...PROV,
    url: 'https://wiki.example/ioc',
    time: '2026-12-02T10:00:00Z',
  });
  return {
    casebook: {
      id: 'casebook-5e1c0c2e-7c45-4b1f-9d6a-0d2f1e0c9a11',
      longId: 'https://private.intel.amp.cisco.com:443/ctia/casebook/casebook-5e1c0c2e-7c45-4b1f-9d6a-0d2f1e0c9a11',
      type: 'casebook',
      schema_version: '1.3.29',
      title: 'Phishing wave / "December"',
      description: '# Summary\n\nBeacons to **evil.example**.',
      texts: [{ type: 'note', text: 'Seen on 3 hosts' }],
      observables: [...OBS, OBS[0]!],
      tlp,
      created: '2026-12-01T09:00:00.000Z',
      modified: '2026-12-03T06:40:00.000Z',
      owner: 'alice',
      bundle: { type: 'bundle', source: 'Pivotkit', sightings: [recorded] },
    },
    verdicts: new Map([
      verdict(0, 2, [mod('Talos', 2), mod('Umbrella', 1)], true),
      verdict(2, 3),
      verdict(3, 2),
      verdict(5, 1),
      verdict(9, 5),
    ]),
    provenance: new Map([['ip:203.0.113.7', [PROV]]]),
  };
}

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF) for checking what the export wrote. */
function readCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      out.push(row);
      ((row = []), (cell = ''), i++);
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break outside quotes at ${i}`);
    else cell += c;
  }
  if (cell || row.length) throw new Error('the last line has no CRLF');
  return out;
}

describe('case export', () => {
  it('names each file after the case, with a safe name and the right type', () => {
    const files = (['ctim', 'csv', 'stix', 'misp'] as const).map((f) => exportCase(f, input(), { now: NOW }));
    expect(files.map((f) => f.filename)).to.deep.equal([
      'case-phishing-wave-december-2026-12-03.json',
      'case-phishing-wave-december-2026-12-03.csv',
      'case-phishing-wave-december-2026-12-03.stix.json',
      'case-phishing-wave-december-2026-12-03.misp.json',
    ]);
    expect(files.map((f) => f.mime)).to.deep.equal([
      'application/json',
      'text/csv;charset=utf-8',
      'application/stix+json;version=2.1',
      'application/json',
    ]);
  });

  describe('CTIM casebook JSON', () => {
    it('carries verdicts, each module’s judgement and every provenance in the bundle, and imports back', () => {
      const text = exportCase('ctim', input(), { now: NOW }).text;
      const doc = JSON.parse(text) as Casebook & { bundle: Record<string, { observable?: unknown }[]> };
      expect(doc.type).to.equal('casebook');
      expect(doc.tlp).to.equal('amber');
      expect(doc.bundle['verdicts']!.map((v) => v.observable)).to.deep.equal([OBS[0], OBS[2], OBS[3], OBS[5], OBS[9]]);
      expect(doc.bundle['judgements']!.length).to.equal(6);
      const prov = provenanceFromBundle(doc);
      expect(prov.get('ip:203.0.113.7')).to.deep.equal([PROV]);
      expect(prov.get('domain:evil.example')?.[0]?.url).to.equal('https://wiki.example/ioc');
      const back = parseCasebookImport(text);
      expect(back.ok, JSON.stringify(back)).to.equal(true);
      if (back.ok) {
        expect(back.casebook.title).to.equal('Phishing wave / "December"');
        expect(back.casebook).not.to.have.property('id');
        expect(back.casebook).not.to.have.property('owner');
        expect(provenanceFromBundle(back.casebook).get('ip:203.0.113.7')).to.deep.equal([PROV]);
      }
    });
  });

  describe('CSV', () => {
    it('is RFC 4180 with one row per observable, verdicts and provenance', () => {
      const { text } = exportCase('csv', input(), { now: NOW });
      expect(text.endsWith('\r\n')).to.equal(true);
      const rows = readCsv(text);
      expect(rows[0]).to.deep.equal([...CSV_COLUMNS]);
      expect(rows.length).to.equal(1 + OBS.length); // the duplicate observable is listed once
      const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
      const ip = rows[1]!;
      expect(ip[col('verdict')]).to.equal('Malicious');
      expect(ip[col('modules')]).to.equal('Talos: Malicious; Umbrella: Clean');
      expect(ip[col('modules_disagree')]).to.equal('yes');
      expect(ip[col('provenance_url')]).to.equal(PROV.url);
      expect(ip[col('provenance_title')]).to.equal(PROV.title);
      expect(ip[col('tlp')]).to.equal('amber');
      expect(rows[3]![col('provenance')]).to.contain('https://wiki.example/ioc');
    });

    it('neutralises every cell that a spreadsheet would read as a formula', () => {
      const cb = input();
      const evil = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x")'];
      cb.casebook.observables = evil.map((value) => ({ type: 'user', value }));
      const rows = readCsv(exportCase('csv', cb, { now: NOW }).text).slice(1);
      expect(rows.map((r) => r[1])).to.deep.equal(evil.map((v) => `'${v}`));
      const ip = readCsv(exportCase('csv', input(), { now: NOW }).text)[1]!;
      expect(ip[CSV_COLUMNS.indexOf('provenance_context')]).to.equal(`'${PROV.context}`);
      for (const row of readCsv(exportCase('csv', input(), { now: NOW }).text)) {
        for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell), cell).to.equal(false);
      }
    });
  });

  describe('STIX 2.1', () => {
    it('validates against the STIX 2.1 rules for every object used', () => {
      for (const tlp of ['red', 'amber', 'green', 'white'] as const) {
        const bundle = JSON.parse(exportCase('stix', input(tlp), { now: NOW }).text) as {
          objects: Record<string, unknown>[];
        };
        expect(checkStixBundle(bundle)).to.deep.equal([]);
        const types = new Set(bundle.objects.map((o) => o['type']));
        for (const t of [
          'marking-definition',
          'grouping',
          'observed-data',
          'indicator',
          'relationship',
          'note',
          'ipv4-addr',
          'ipv6-addr',
          'domain-name',
          'url',
          'email-addr',
          'file',
        ]) {
          expect(types.has(t), t).to.equal(true);
        }
        // Every object but the marking definition carries the case's TLP marking.
        const marking = TLP_MARKINGS[tlp].id;
        for (const o of bundle.objects)
          if (o['type'] !== 'marking-definition') expect(o['object_marking_refs']).to.deep.equal([marking]);
      }
    });

    it('has indicators with patterns for Malicious and Suspicious only, and notes for verdicts and provenance', () => {
      const { objects } = JSON.parse(exportCase('stix', input(), { now: NOW }).text) as {
        objects: Record<string, unknown>[];
      };
      const patterns = objects.filter((o) => o['type'] === 'indicator').map((o) => o['pattern']);
      expect(patterns).to.deep.equal([
        "[ipv4-addr:value = '203.0.113.7']",
        "[domain-name:value = 'evil.example']",
        "[url:value = 'http://evil.example/a?q=\\'x\\'&b=\\\\']",
      ]);
      const notes = objects.filter((o) => o['type'] === 'note').map((o) => o['content'] as string);
      expect(notes.some((n) => n.includes('Malicious (Talos: Malicious; Umbrella: Clean; modules disagree)'))).to.equal(
        true,
      );
      expect(notes.some((n) => n.includes(PROV.url) && n.includes(PROV.context))).to.equal(true);
      expect(notes).to.include('Seen on 3 hosts');
      expect(notes.some((n) => n.includes('user =HYPERLINK'))).to.equal(true); // no SCO type: listed in a note
    });

    it('gives observables the same deterministic ids on every export', () => {
      const ids = () =>
        (
          JSON.parse(exportCase('stix', input(), { now: NOW }).text) as { objects: { type: string; id: string }[] }
        ).objects
          .filter((o) => /addr|domain|url|file/.test(o.type))
          .map((o) => o.id);
      expect(ids()).to.deep.equal(ids());
      expect(ids()[0]).to.match(/^ipv4-addr--[0-9a-f]{8}-[0-9a-f]{4}-5/);
    });

    it('computes SHA-1 and UUIDv5 as the RFCs say', () => {
      expect(sha1Hex('')).to.equal('da39a3ee5e6b4b0d3255bfef95601890afd80709');
      expect(sha1Hex('abc')).to.equal('a9993e364706816aba3e25717850c26c9cd0d89d');
      expect(sha1Hex('a'.repeat(1000))).to.equal('291e9a6c66994949b57ba5e650361e98fc36b1ba');
      expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).to.equal(
        '2ed6657d-e927-568b-95e1-2665a8aea6a2',
      );
    });

    it('has a checker that does catch broken objects', () => {
      const good = JSON.parse(exportCase('stix', input(), { now: NOW }).text) as { objects: Record<string, unknown>[] };
      const indicator = good.objects.find((o) => o['type'] === 'indicator')!;
      expect(checkStixObject({ ...indicator, pattern_type: undefined })).to.include('object.pattern_type: required');
      expect(checkStixObject({ ...indicator, pattern: 'ipv4-addr = 1' }).join()).to.contain('not a STIX pattern');
      expect(checkStixObject({ ...indicator, created: '2026-12-03 07:00' }).join()).to.contain('STIX timestamp');
      expect(checkStixObject({ ...indicator, id: 'indicator--1234' }).join()).to.contain('identifier');
      expect(checkStixObject({ ...indicator, object_marking_refs: ['tlp:red'] }).join()).to.contain(
        'object_marking_refs',
      );
      const tlp = good.objects[0]!;
      expect(
        checkStixObject({ ...tlp, id: 'marking-definition--00000000-0000-4000-8000-000000000000' }).join(),
      ).to.contain('TLP');
      expect(checkStixBundle({ ...good, objects: good.objects.slice(1) }).join()).to.contain('is not in the bundle');
    });
  });

  describe('MISP event', () => {
    it('has typed attributes, the TLP tag and verdicts and provenance in the comments', () => {
      const doc = JSON.parse(exportCase('misp', input('red'), { now: NOW }).text) as {
        Event: {
          Tag: { name: string }[];
          threat_level_id: string;
          distribution: string;
          Attribute: { type: string; value: string; to_ids: boolean; comment: string }[];
        };
      };
      expect(checkMispEvent(doc)).to.deep.equal([]);
      const ev = doc.Event;
      expect(ev.Tag).to.deep.equal([{ name: 'tlp:red' }]);
      expect(ev.distribution).to.equal('0');
      expect(ev.threat_level_id).to.equal('1');
      expect(ev.Attribute.map((a) => a.type)).to.deep.equal([
        'ip-dst',
        'ip-dst',
        'domain',
        'url',
        'email',
        'sha256',
        'md5',
        'sha1',
        'hostname',
        'other',
        'comment',
        'comment',
      ]);
      const ip = ev.Attribute[0]!;
      expect(ip.to_ids).to.equal(true);
      expect(ip.comment).to.contain('Verdict: Malicious (Talos: Malicious; Umbrella: Clean; modules disagree)');
      expect(ip.comment).to.contain(PROV.url);
      expect(ev.Attribute[5]!.value).to.equal(SHA256.toLowerCase());
      expect(ev.Attribute[5]!.to_ids).to.equal(false); // clean
    });

    it('has a checker that does catch broken events', () => {
      const doc = JSON.parse(exportCase('misp', input(), { now: NOW }).text) as {
        Event: { Attribute: Record<string, unknown>[] };
      };
      doc.Event.Attribute[0]!['type'] = 'ip';
      doc.Event.Attribute[2]!['category'] = 'Antivirus detection';
      expect(checkMispEvent(doc).length).to.equal(3); // the unknown type, its category, the wrong category
    });
  });
});

describe('case import', () => {
  const ok = (text: string) => {
    const r = parseCasebookImport(text);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.casebook;
  };
  const errors = (text: string) => {
    const r = parseCasebookImport(text);
    expect(r.ok, 'expected a refusal').to.equal(false);
    return r.ok ? [] : r.errors;
  };

  it('imports a minimal and a full casebook, without the server fields', () => {
    expect(ok('{"title":"x"}')).to.deep.equal({ title: 'x' });
    const cb = ok(
      JSON.stringify({
        id: 'https://private.intel.amp.cisco.com:443/ctia/casebook/casebook-1',
        type: 'casebook',
        schema_version: '1.1.3',
        owner: 'bob',
        groups: ['g'],
        created: '2026-01-01T00:00:00Z',
        title: '<script>alert(1)</script>',
        observables: [{ type: 'ip', value: '198.51.100.1', extra: 1 }],
        texts: [{ type: 'note', text: 'hi' }],
        tlp: 'red',
        bundle: { type: 'bundle', sightings: [] },
      }),
    );
    expect(Object.keys(cb).sort()).to.deep.equal(['bundle', 'observables', 'texts', 'title', 'tlp']);
    expect(cb.observables).to.deep.equal([{ type: 'ip', value: '198.51.100.1' }]);
    expect(cb.title).to.equal('<script>alert(1)</script>'); // text stays text; it is rendered as text
  });

  it('says what is wrong with a file that is not a casebook, and imports nothing', () => {
    expect(errors('')).to.deep.equal(['The file is empty.']);
    expect(errors('{"title": "x",}')[0]).to.match(/^The file is not valid JSON: /);
    expect(errors('[1,2]')).to.deep.equal(['The file holds a list, not a casebook object.']);
    expect(errors('"casebook"')).to.deep.equal(['The file holds a string, not a casebook object.']);
    expect(errors(JSON.stringify({ type: 'incident' }))[0]).to.contain('type: must be "casebook"');
  });

  it('lists each wrong field with its path', () => {
    const e = errors(
      JSON.stringify({
        title: 'x'.repeat(1025),
        description: 7,
        tlp: 'purple',
        timestamp: 'yesterday',
        observables: [{ type: 'ip', value: '1.2.3.4' }, { type: 'IP ADDRESS', value: '' }, 'evil.example'],
        texts: [{ type: 'note' }, { type: 'note', text: 'y'.repeat(5001) }],
        bundle: { sightings: 'none' },
        external_references: [{ url: 'https://x.example' }],
      }),
    );
    expect(e).to.deep.equal([
      'title: at most 1024 characters (it has 1025).',
      'description: must be text, not a number.',
      'tlp: must be one of red, amber, green, white (it is "purple").',
      'timestamp: must be an ISO-8601 date and time.',
      'observables[1].type: must be a CTIM observable type such as ip, domain or sha256 (it is "IP ADDRESS").',
      'observables[1].value: must be non-empty text.',
      'observables[2]: must be an object with type and value, not a string.',
      'texts[0].text: must be text.',
      'texts[1].text: at most 5000 characters (it has 5001).',
      'bundle.sightings: must be a list of entities, not a string.',
      'external_references[0]: needs a source_name.',
    ]);
  });

  it('caps the list of problems and refuses huge files before parsing them', () => {
    const e = errors(JSON.stringify({ observables: Array.from({ length: 50 }, () => ({ type: 'ip' })) }));
    expect(e.length).to.equal(21);
    expect(e[20]).to.equal('…and 30 more problems.');
    expect(errors(' '.repeat(6 * 1024 * 1024))).to.deep.equal(['The file is empty.']);
    expect(errors(`{"title":"${'x'.repeat(6 * 1024 * 1024)}"}`)[0]).to.match(/^The file is too large/);
  });
});

import { expect } from '@open-wc/testing';
import { parse } from 'yaml';
import {
  addDays,
  hoursOn,
  isLocalizedText,
  isOpenAt,
  loadSeed,
  localise,
  localiseDeep,
  minutesOfDay,
  musterstadt,
  negotiateLanguage,
  nextOpening,
  seedVariantFromEnv,
  xssVectors,
  type LocalizedText,
  type Seed,
} from './index.js';

const TZ = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);
const location = (seed: Seed, id: string) => {
  const l = seed.locations.find((x) => x.id === id);
  if (!l) throw new Error(`no location ${id}`);
  return l;
};

describe('seed: files', () => {
  it('the generated data modules equal the JSON files (run seed/sync.mjs after editing them)', async () => {
    const json = await (await fetch('/packages/contract/seed/musterstadt.json')).json();
    expect(musterstadt).to.deep.equal(json);
    const vectors = await (await fetch('/packages/contract/seed/xss-vectors.json')).json();
    expect(xssVectors).to.deep.equal(vectors);
  });

  it('has at least 50 distinct hostile strings', () => {
    expect(new Set(xssVectors.map((v) => v.value)).size).to.equal(xssVectors.length);
    expect(xssVectors.length).to.be.at.least(50);
  });

  it('is deterministic for one `now`', () => {
    const now = at('2026-12-01T09:00:00+01:00');
    expect(loadSeed({ now })).to.deep.equal(loadSeed({ now }));
  });

  it('reads SEED from the environment', () => {
    expect(seedVariantFromEnv({})).to.equal('default');
    expect(seedVariantFromEnv({ SEED: 'xss' })).to.equal('xss');
    expect(() => seedVariantFromEnv({ SEED: 'evil' })).to.throw('SEED');
  });
});

describe('seed: times in Europe/Berlin', () => {
  it('uses +01:00 before and +02:00 after the spring change (late March)', () => {
    // 2027-03-28 03:00 CEST: clocks go forward. "now" is Wednesday 24 March.
    const seed = loadSeed({ now: at('2027-03-24T10:00:00+01:00') });
    const mitte = location(seed, 'buergerbuero-mitte');
    const friday = mitte.slots.find((u) => u.date === '2027-03-26' && u.time === '09:30');
    const monday = mitte.slots.find((u) => u.date === '2027-03-29' && u.time === '09:30');
    expect(friday?.start).to.equal('2027-03-26T09:30:00+01:00');
    expect(friday?.startMs).to.equal(at('2027-03-26T08:30:00Z'));
    expect(monday?.start).to.equal('2027-03-29T09:30:00+02:00');
    expect(monday?.startMs).to.equal(at('2027-03-29T07:30:00Z'));
  });

  it('uses +02:00 before and +01:00 after the autumn change (late October)', () => {
    // 2027-10-31 03:00 CEST → 02:00 CET. "now" is Wednesday 27 October.
    const seed = loadSeed({ now: at('2027-10-27T10:00:00+02:00') });
    const nord = location(seed, 'buergerbuero-nord');
    const before = nord.slots.find((u) => u.date === '2027-10-28' && u.time === '07:30');
    const after = nord.slots.find((u) => u.date === '2027-11-01' && u.time === '07:30');
    expect(before?.start).to.equal('2027-10-28T07:30:00+02:00');
    expect(after?.start).to.equal('2027-11-01T07:30:00+01:00');
    expect(after!.startMs - before!.startMs).to.equal((4 * 24 + 1) * 3600_000);
  });

  it('keeps every slot string, instant and wall time consistent', () => {
    for (const now of [at('2027-03-24T10:00:00+01:00'), at('2027-10-27T10:00:00+02:00'), at('2026-12-01T09:00:00+01:00')]) {
      for (const l of loadSeed({ now }).locations) {
        for (const u of l.slots) {
          expect(Date.parse(u.start)).to.equal(u.startMs);
          expect(u.start.slice(0, 10)).to.equal(u.date);
          expect(u.start.slice(11, 16)).to.equal(u.time);
          expect(u.endMs - u.startMs).to.equal(l.slotRules.slotMinutes * 60_000);
        }
      }
    }
  });

  it('resolves case moments, with and without a time of day', () => {
    const seed = loadSeed({ now: at('2026-12-01T09:00:00+01:00') });
    const c = seed.cases.find((x) => x.id === 'c-4711')!;
    expect(c.status.since).to.deep.equal({ date: '2026-11-29', dateTime: '2026-11-29T11:47:00+01:00' });
    const dateOnly = c.steps.find((s) => s.code === 'review')!.reachedAt;
    expect(dateOnly).to.deep.equal({ date: '2026-11-21' });
    expect(c.expectedCompletion).to.equal('2026-12-26');
    // History is newest first.
    const times = c.history.map((h) => h.at.date);
    expect([...times].sort().reverse()).to.deep.equal(times);
  });
});

describe('seed: slots', () => {
  const now = at('2026-12-01T09:00:00+01:00'); // a Tuesday
  const seed = loadSeed({ now });

  it('generates about a month of slots for each location, none before now + lead time', () => {
    for (const l of seed.locations) {
      expect(l.horizon.from).to.equal('2026-12-01');
      expect(l.horizon.to).to.equal(addDays('2026-12-01', l.slotRules.horizonDays - 1));
      expect(l.slots.length).to.be.greaterThan(100);
      for (const u of l.slots) {
        expect(u.startMs).to.be.at.least(now + l.slotRules.leadMinutes * 60_000);
        expect(u.date <= l.horizon.to).to.equal(true);
      }
    }
  });

  it('puts no slot outside the opening hours of its date', () => {
    for (const l of seed.locations) {
      for (const u of l.slots) {
        const start = minutesOfDay(u.time);
        const inside = hoursOn(l.openingHours, l.exceptions, u.date).some(
          (r) => start >= minutesOfDay(r.opens) && start + l.slotRules.slotMinutes <= minutesOfDay(r.closes),
        );
        expect(inside, `${l.id} ${u.start}`).to.equal(true);
      }
    }
  });

  it('respects the holiday and the closed afternoon', () => {
    const mitte = location(seed, 'buergerbuero-mitte');
    const holiday = mitte.exceptions.find((e) => e.closed);
    const afternoon = mitte.exceptions.find((e) => !e.closed);
    expect(holiday?.date).to.equal('2026-12-09'); // second Wednesday after today
    expect(afternoon?.date).to.equal('2026-12-14'); // second Monday after today
    expect(mitte.slots.filter((u) => u.date === holiday!.date)).to.have.length(0);
    const closedAfternoon = mitte.slots.filter((u) => u.date === afternoon!.date);
    expect(closedAfternoon.length).to.be.greaterThan(0);
    expect(closedAfternoon.every((u) => u.time < '12:00')).to.equal(true);
    // The Monday before has afternoon slots: the exception, not the weekly hours, removed them.
    expect(mitte.slots.some((u) => u.date === '2026-12-07' && u.time >= '13:00')).to.equal(true);
  });

  it('has a late day with slots into the evening', () => {
    const mitte = location(seed, 'buergerbuero-mitte');
    expect(mitte.slots.some((u) => u.date === '2026-12-10' && u.time === '18:50')).to.equal(true);
  });

  it('marks pre-booked seats: one fully booked day, one partly booked morning', () => {
    const mitte = location(seed, 'buergerbuero-mitte');
    const full = mitte.slots.filter((u) => u.date === '2026-12-08');
    expect(full.length).to.be.greaterThan(0);
    expect(full.every((u) => u.taken === u.capacity)).to.equal(true);
    const tomorrow = mitte.slots.filter((u) => u.date === '2026-12-02' && u.time < '10:00');
    expect(tomorrow.every((u) => u.taken === 2 && u.capacity === 3)).to.equal(true);
  });

  it('has one service without any free seat in the horizon (waiting list)', () => {
    const free = seed.locations.flatMap((l) => l.slots.filter((u) => u.services.includes('einbuergerung') && u.taken < u.capacity));
    expect(free).to.have.length(0);
    expect(seed.locations.some((l) => l.services.includes('einbuergerung'))).to.equal(true);
  });
});

describe('seed: languages', () => {
  const text: LocalizedText = { de: 'Termin', en: 'Appointment', 'de-x-ls': 'Einen Termin machen' };

  it('localises with fallback to the more general tag and then German', () => {
    expect(localise(text, 'en')).to.equal('Appointment');
    expect(localise(text, 'en-GB')).to.equal('Appointment');
    expect(localise(text, 'de-x-ls')).to.equal('Einen Termin machen');
    expect(localise({ de: 'Termin', en: 'Appointment' }, 'de-x-ls')).to.equal('Termin');
    expect(localise(text, 'fr')).to.equal('Termin');
  });

  it('negotiates Accept-Language with quality values', () => {
    const supported = ['de', 'en', 'de-x-ls'];
    expect(negotiateLanguage(null, supported)).to.equal('de');
    expect(negotiateLanguage('en-US,en;q=0.9', supported)).to.equal('en');
    expect(negotiateLanguage('fr, en;q=0.5, de;q=0.8', supported)).to.equal('de');
    expect(negotiateLanguage('de-x-ls, de;q=0.9', supported)).to.equal('de-x-ls');
    expect(negotiateLanguage('de-x-ls', ['de', 'en'])).to.equal('de');
    expect(negotiateLanguage('fr, it', supported)).to.equal('de');
    expect(negotiateLanguage('en;q=0, de-AT', supported)).to.equal('de');
  });

  it('localises a whole structure', () => {
    const seed = loadSeed({ now: at('2026-12-01T09:00:00+01:00') });
    const service = localiseDeep(seed.services[0]!, 'en');
    expect(service.name).to.equal('Apply for an identity card');
    expect(service.requiredDocuments[0]).to.equal('Your current identity card or passport');
    expect(service.fee?.amount).to.equal(37);
  });
});

describe('seed: hours helpers', () => {
  const seed = loadSeed({ now: at('2026-12-01T09:00:00+01:00') });
  const chat = seed.chat;

  it('tells whether the chat desk is open and when it opens next', () => {
    expect(isOpenAt(chat.officeHours, chat.exceptions, at('2026-12-01T09:00:00+01:00'), TZ)).to.equal(true);
    expect(isOpenAt(chat.officeHours, chat.exceptions, at('2026-12-01T19:00:00+01:00'), TZ)).to.equal(false);
    // Saturday evening → Monday 08:00.
    expect(nextOpening(chat.officeHours, chat.exceptions, at('2026-12-05T19:00:00+01:00'), TZ)).to.equal(at('2026-12-07T08:00:00+01:00'));
    // The holiday (second Wednesday) is skipped.
    expect(nextOpening(chat.officeHours, chat.exceptions, at('2026-12-08T19:00:00+01:00'), TZ)).to.equal(at('2026-12-10T08:00:00+01:00'));
  });
});

type Walkable = unknown;

/** Pairs of (default, xss) values for every LocalizedText and address text, by path. */
function visibleTexts(a: Walkable, b: Walkable, path = '', out: { path: string; a: string; b: string; lang: string }[] = []) {
  if (isLocalizedText(a)) {
    for (const lang of Object.keys(a)) out.push({ path, lang, a: a[lang]!, b: (b as LocalizedText)[lang]! });
    return out;
  }
  if (Array.isArray(a)) a.forEach((x, i) => visibleTexts(x, (b as unknown[])[i], `${path}/${i}`, out));
  else if (a && typeof a === 'object') {
    for (const [k, x] of Object.entries(a)) {
      const y = (b as Record<string, unknown>)[k];
      if (path.endsWith('/address') && (k === 'street' || k === 'city')) out.push({ path: `${path}/${k}`, lang: '-', a: x as string, b: y as string });
      else visibleTexts(x, y, `${path}/${k}`, out);
    }
  }
  return out;
}

describe('seed: xss variant', () => {
  const now = at('2026-12-01T09:00:00+01:00');
  const plain = loadSeed({ now });
  const hostile = loadSeed({ now, variant: 'xss' });
  const values = new Set(xssVectors.map((v) => v.value));

  it('replaces every citizen-visible text with a hostile string', () => {
    const pairs = visibleTexts(plain, hostile);
    expect(pairs.length).to.be.greaterThan(300);
    const unchanged = pairs.filter((p) => p.a === p.b || !values.has(p.b));
    expect(unchanged.map((p) => p.path)).to.deep.equal([]);
    // Every kind of field the brief names is among them.
    for (const fragment of [
      '/services/0/name', '/services/0/description', '/services/0/requiredDocuments/0',
      '/locations/0/name', '/locations/0/accessibility/notes', '/locations/0/address/street', '/locations/0/exceptions/0/reason',
      '/cases/0/title', '/cases/0/status/label', '/cases/0/steps/0/label', '/cases/0/history/0/title', '/cases/0/actionsRequired/0/title',
      '/cases/5/result/explanation', '/cases/0/contact/name', '/chat/bot/greeting', '/chat/bot/suggestions/0', '/chat/agents/0/name',
      '/queues/0/ticker/0', '/queues/0/welcome', '/queues/0/desks/0/name', '/offices/0/name',
    ]) {
      expect(pairs.some((p) => p.path === fragment), fragment).to.equal(true);
    }
  });

  it('uses every vector and respects the contract length limits', () => {
    const pairs = visibleTexts(plain, hostile);
    expect(new Set(pairs.map((p) => p.b)).size).to.equal(xssVectors.length);
    for (const p of pairs) {
      const limit = /desks\/\d+\/name$/.test(p.path) ? 50 : /(suggestions\/\d+|topics\/\d+\/label|agents\/\d+\/name|bot\/name|city)$/.test(p.path) ? 100 : /(description|notes|explanation)$/.test(p.path) ? 2000 : 200;
      expect(p.b.length, p.path).to.be.at.most(limit);
    }
  });

  it('keeps ids, times and slots identical', () => {
    expect(hostile.services.map((s) => s.id)).to.deep.equal(plain.services.map((s) => s.id));
    expect(hostile.cases.map((c) => [c.reference, c.secondFactor])).to.deep.equal(plain.cases.map((c) => [c.reference, c.secondFactor]));
    expect(hostile.locations.map((l) => l.slots)).to.deep.equal(plain.locations.map((l) => l.slots));
  });
});

describe('seed: the contract examples', () => {
  it('contains every id and lookup the examples of openapi.yaml use', async () => {
    const doc = parse(await (await fetch('/packages/contract/openapi.yaml')).text()) as Record<string, unknown>;
    const seed = loadSeed({ now: at('2026-12-01T09:00:00+01:00') });
    const services = new Set(seed.services.map((s) => s.id));
    const locations = new Set(seed.locations.map((l) => l.id));
    const offices = new Set(seed.offices.map((o) => o.id));
    const topics = new Set(seed.chat.topics.map((t) => t.id));
    const wanted = { services: new Set<string>(), locations: new Set<string>(), offices: new Set<string>(), topics: new Set<string>(), lookups: [] as { reference: string; secondFactor: { kind: string; value: string } }[] };
    const params = (doc.components as { parameters: Record<string, { example?: string }> }).parameters;
    wanted.services.add(params.ServiceId!.example!);
    wanted.locations.add(params.LocationId!.example!);
    wanted.offices.add(params.OfficeId!.example!);
    const walk = (v: unknown, key: string, parentKey: string) => {
      if (Array.isArray(v)) return v.forEach((x) => walk(x, key, key));
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.reference === 'string' && o.secondFactor && typeof o.secondFactor === 'object') wanted.lookups.push(o as never);
        if (parentKey === 'services' && typeof o.id === 'string') wanted.services.add(o.id);
        for (const [k, x] of Object.entries(o)) {
          if (typeof x === 'string') {
            if (k === 'serviceId' || k === 'service') wanted.services.add(x);
            else if (k === 'location') wanted.locations.add(x);
            else if (k === 'office') wanted.offices.add(x);
            else if (k === 'topic') wanted.topics.add(x);
          } else walk(x, k, key);
        }
      }
    };
    // Every `example`/`examples` value anywhere in the document.
    const collect = (v: unknown) => {
      if (Array.isArray(v)) return v.forEach(collect);
      if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
          if (k === 'examples' && x && typeof x === 'object' && !Array.isArray(x)) {
            for (const ex of Object.values(x as Record<string, unknown>)) walk((ex as { value?: unknown }).value, '', '');
          } else collect(x);
        }
      }
    };
    collect(doc.paths);
    collect(doc.components);
    // The staff document's examples drive the mock and the server too.
    const staff = parse(await (await fetch('/packages/contract/staff.yaml')).text()) as Record<string, unknown>;
    collect(staff.paths);
    collect(staff.components);
    expect([...wanted.services].filter((id) => !services.has(id))).to.deep.equal([]);
    expect([...wanted.locations].filter((id) => !locations.has(id))).to.deep.equal([]);
    expect([...wanted.offices].filter((id) => !offices.has(id))).to.deep.equal([]);
    expect([...wanted.topics].filter((id) => !topics.has(id))).to.deep.equal([]);
    expect(wanted.services.size).to.be.greaterThan(3);
    expect(wanted.lookups.length).to.be.greaterThan(0);
    for (const l of wanted.lookups) {
      const c = seed.cases.find((x) => x.reference === l.reference);
      expect(c, l.reference).to.not.equal(undefined);
      const expected = l.secondFactor.kind === 'birthdate' ? c!.secondFactor.birthdate : c!.secondFactor.passcode;
      expect(l.secondFactor.value).to.equal(expected);
    }
    // The NotFound example names a service that must not exist.
    expect(services.has('reisepass-express')).to.equal(false);
  });

  it('has cases in every state the widgets show', () => {
    const seed = loadSeed({ now: at('2026-12-01T09:00:00+01:00') });
    const codes = seed.cases.map((c) => c.status.code);
    for (const code of ['received', 'in_progress', 'paused', 'extended', 'action_required', 'approved', 'rejected', 'ready_for_pickup', 'completed']) {
      expect(codes).to.include(code);
    }
    const pickup = seed.cases.find((c) => c.status.code === 'ready_for_pickup')!;
    expect(pickup.pickup?.serviceId).to.equal('dokument-abholung');
    expect(seed.services.some((s) => s.id === 'dokument-abholung')).to.equal(true);
    expect(seed.cases.find((c) => c.status.code === 'paused')!.suspension?.kind).to.equal('paused');
    expect(seed.cases.find((c) => c.status.code === 'extended')!.suspension?.kind).to.equal('extended');
    expect(seed.cases.find((c) => c.status.code === 'action_required')!.actionsRequired.some((a) => a.kind === 'document' && a.dueDate)).to.equal(true);
    expect(seed.cases.some((c) => c.history.some((h) => !h.at.dateTime))).to.equal(true);
  });
});

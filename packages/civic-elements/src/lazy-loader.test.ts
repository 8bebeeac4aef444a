import { expect } from '@open-wc/testing';
import { createLazyLoader, startLoader, type TagRegistry } from './lazy-loader.js';

let counter = 0;
/** A fresh, never-defined tag name per call, so tests cannot see each other's registrations. */
const uniqueTag = (name: string) => `x-lazy-${name}-${++counter}`;

/** An importer that counts its calls and registers `tag` (unless told not to). */
function importerFor(tag: string, { define = true } = {}) {
  const calls = { count: 0 };
  const importer = async () => {
    calls.count++;
    if (define && !customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
  };
  return { importer, calls };
}

/** Builds an element with children, without HTML strings. */
function el(tag: string, ...children: Element[]): Element {
  const element = document.createElement(tag);
  element.append(...children);
  return element;
}

const isDefined = (tag: string) => customElements.get(tag) !== undefined;

/** Lets MutationObserver callbacks and the importers' promises run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function captureConsole(method: 'warn') {
  const original = console[method];
  const messages: string[] = [];
  console[method] = (...args: unknown[]) => void messages.push(args.map(String).join(' '));
  return { messages, restore: () => void (console[method] = original) };
}

describe('createLazyLoader', () => {
  let root: HTMLDivElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => root.remove());

  it('loads a tag present at start once, however often it appears', async () => {
    const tag = uniqueTag('present');
    root.append(el(tag), el('section', el(tag)));
    const { importer, calls } = importerFor(tag);
    const loader = createLazyLoader({ [tag]: importer }, { root });
    await settle();
    expect(calls.count).to.equal(1);
    expect(isDefined(tag), `<${tag}> defined`).to.equal(true);
    root.append(document.createElement(tag));
    await settle();
    expect(calls.count).to.equal(1);
    loader.stop();
  });

  it('loads a tag added later, also deep inside an added subtree, and leaves absent tags alone', async () => {
    const added = uniqueTag('added');
    const absent = uniqueTag('absent');
    const a = importerFor(added);
    const b = importerFor(absent);
    const loader = createLazyLoader({ [added]: a.importer, [absent]: b.importer }, { root });
    await settle();
    expect(a.calls.count).to.equal(0);

    root.append(el('article', el('div', el('p', el(added)))));
    await settle();
    expect(a.calls.count).to.equal(1);
    expect(isDefined(added), `<${added}> defined`).to.equal(true);
    expect(b.calls.count).to.equal(0);
    expect(isDefined(absent), `<${absent}> defined`).to.equal(false);
    loader.stop();
  });

  it('does not import a tag that is already defined', async () => {
    const tag = uniqueTag('defined');
    customElements.define(tag, class extends HTMLElement {});
    root.append(el(tag));
    const { importer, calls } = importerFor(tag);
    const loader = createLazyLoader({ [tag]: importer }, { root });
    await settle();
    expect(calls.count).to.equal(0);
    loader.stop();
  });

  it('only looks inside its root', async () => {
    const tag = uniqueTag('outside');
    const outside = document.createElement(tag);
    document.body.append(outside);
    const { importer, calls } = importerFor(tag);
    const loader = createLazyLoader({ [tag]: importer }, { root });
    await settle();
    expect(calls.count).to.equal(0);
    outside.remove();
    loader.stop();
  });

  it('reports a failed import without throwing and retries when the tag is added again', async () => {
    const tag = uniqueTag('flaky');
    let attempts = 0;
    const registry: TagRegistry = {
      [tag]: async () => {
        attempts++;
        if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        customElements.define(tag, class extends HTMLElement {});
      },
    };
    const warnings = captureConsole('warn');
    try {
      root.append(el(tag));
      const loader = createLazyLoader(registry, { root });
      await settle();
      expect(attempts).to.equal(1);
      expect(isDefined(tag), `<${tag}> defined`).to.equal(false);
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.contain(`Could not load <${tag}>`);

      root.append(document.createElement(tag));
      await settle();
      expect(attempts).to.equal(2);
      expect(isDefined(tag), `<${tag}> defined`).to.equal(true);
      loader.stop();
    } finally {
      warnings.restore();
    }
  });

  it('warns when a module loads but does not register its tag', async () => {
    const tag = uniqueTag('silent');
    const { importer } = importerFor(tag, { define: false });
    const warnings = captureConsole('warn');
    try {
      root.append(el(tag));
      const loader = createLazyLoader({ [tag]: importer }, { root });
      await settle();
      expect(warnings.messages).to.deep.equal([`[civic-elements] Loading <${tag}> did not register it.`]);
      loader.stop();
    } finally {
      warnings.restore();
    }
  });

  it('load() shares one import between concurrent callers', async () => {
    const tag = uniqueTag('concurrent');
    const { importer, calls } = importerFor(tag);
    const loader = createLazyLoader({ [tag]: importer }, { root });
    await Promise.all([loader.load(tag), loader.load(tag), loader.load(tag)]);
    expect(calls.count).to.equal(1);
    expect(isDefined(tag), `<${tag}> defined`).to.equal(true);
    loader.stop();
  });

  it('stop() ends watching: tags added afterwards are not loaded', async () => {
    const tag = uniqueTag('stopped');
    const { importer, calls } = importerFor(tag);
    const loader = createLazyLoader({ [tag]: importer }, { root });
    loader.stop();
    root.append(document.createElement(tag));
    await settle();
    expect(calls.count).to.equal(0);
  });

  it('stops watching by itself once every tag of its registry is defined', async () => {
    const tag = uniqueTag('done');
    const { importer } = importerFor(tag);
    const original = MutationObserver.prototype.disconnect;
    let disconnects = 0;
    MutationObserver.prototype.disconnect = function (this: MutationObserver) {
      disconnects++;
      original.call(this);
    };
    try {
      createLazyLoader({ [tag]: importer }, { root });
      await settle();
      expect(disconnects).to.equal(0);
      root.append(document.createElement(tag));
      await settle();
      expect(disconnects).to.equal(1);
    } finally {
      MutationObserver.prototype.disconnect = original;
    }
  });
});

describe('startLoader', () => {
  it('starts one loader per page; a second start warns and does not throw', async () => {
    const tag = uniqueTag('global');
    const first = importerFor(tag);
    const second = importerFor(tag);
    const root = document.createElement('div');
    document.body.append(root);
    const warnings = captureConsole('warn');
    try {
      const loader = startLoader({ [tag]: first.importer }, { root });
      expect(loader !== undefined, 'first start returns the loader').to.equal(true);
      expect(startLoader({ [tag]: second.importer }, { root }) === undefined, 'second start returns nothing').to.equal(true);
      expect(warnings.messages).to.deep.equal([
        '[civic-elements] The loader was loaded twice; the first copy stays in charge.',
      ]);
      root.append(document.createElement(tag));
      await settle();
      expect(first.calls.count).to.equal(1);
      expect(second.calls.count).to.equal(0);
      loader?.stop();
    } finally {
      warnings.restore();
      root.remove();
    }
  });
});

describe('createLazyLoader: waiting for the page to be ready', () => {
  it('loads widget code only after the page readiness promise settles', async () => {
    const tag = uniqueTag('ready');
    const { importer, calls } = importerFor(tag);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const root = el('div', el(tag));
    const loader = createLazyLoader({ [tag]: importer }, { root, ready: () => gate });
    await settle();
    expect(calls.count).to.equal(0);
    release();
    await settle();
    await settle();
    expect(calls.count).to.equal(1);
    expect(isDefined(tag)).to.equal(true);
    loader.stop();
  });

  it('never blocks widgets for longer than the timeout, even when the promise rejects or hangs', async () => {
    const hanging = uniqueTag('hang');
    const rejecting = uniqueTag('reject');
    const a = importerFor(hanging);
    const b = importerFor(rejecting);
    const root = el('div', el(hanging), el(rejecting));
    const loaderA = createLazyLoader({ [hanging]: a.importer }, { root, ready: () => new Promise(() => {}), readyTimeoutMs: 20 });
    const loaderB = createLazyLoader({ [rejecting]: b.importer }, { root, ready: () => Promise.reject(new Error('no back end')) });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(a.calls.count).to.equal(1);
    expect(b.calls.count).to.equal(1);
    loaderA.stop();
    loaderB.stop();
  });
});

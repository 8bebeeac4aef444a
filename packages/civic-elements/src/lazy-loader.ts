/** Loads a tag's module; the module registers the tag when it runs. */
export type TagImporter = () => Promise<unknown>;
export type TagRegistry = Readonly<Record<string, TagImporter>>;

export interface LazyLoader {
  /** Looks for registry tags in the root now (the loader also does this on start). */
  scan(): void;
  /** Loads one tag's module unless it is defined or loading already; resolves when it settled. */
  load(tag: string): Promise<void>;
  /** Stops watching the root for added elements. */
  stop(): void;
}

export interface LazyLoaderOptions {
  /** Where to look for tags and watch for added ones; `document` by default. */
  root?: Document | Element | DocumentFragment;
  /** The registry tags are checked against; `customElements` by default. */
  elements?: CustomElementRegistry;
  /**
   * Read before each widget module loads: a promise to wait for first (at most `readyTimeoutMs`).
   * The page loader reads `globalThis[Symbol.for('civic-elements/ready')]`, which a page script
   * placed before the library may set — the demo back end does, so no widget talks to the API
   * before the in-browser mock answers; a consent manager could do the same.
   */
  ready?: () => PromiseLike<unknown> | undefined;
  /** Longest wait for `ready`, in ms (default 5000): a broken page script never blocks widgets. */
  readyTimeoutMs?: number;
}

/** Resolves when `promise` settles or after `ms`, whichever comes first; never rejects. */
function settledOrTimeout(promise: PromiseLike<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    Promise.resolve(promise).then(done, done);
  });
}

const PREFIX = '[civic-elements]';

/**
 * Registers tags on demand: scans `root` for the registry's tags and watches it (MutationObserver,
 * light DOM only) for elements added later. Each tag's module is imported once, the first time the
 * tag appears; a failed import is reported and retried when the tag appears again. Watching stops by
 * itself once every tag of the registry is defined.
 */
export function createLazyLoader(registry: TagRegistry, options: LazyLoaderOptions = {}): LazyLoader {
  const root = options.root ?? document;
  const elements = options.elements ?? customElements;
  const pending = new Map<string, Promise<void>>();
  const settled = new Set<string>();
  let observer: MutationObserver | undefined;

  const waiting = () => Object.keys(registry).filter((tag) => !settled.has(tag) && !pending.has(tag));

  const stopIfDone = () => {
    if (Object.keys(registry).every((tag) => settled.has(tag))) loader.stop();
  };

  const loader: LazyLoader = {
    load(tag) {
      const running = pending.get(tag);
      if (running) return running;
      const importer = registry[tag];
      if (!importer || settled.has(tag)) return Promise.resolve();
      if (elements.get(tag)) {
        settled.add(tag);
        stopIfDone();
        return Promise.resolve();
      }
      const gate = options.ready?.();
      const before = gate ? settledOrTimeout(gate, options.readyTimeoutMs ?? 5000) : Promise.resolve();
      const promise = before.then(importer).then(
        () => {
          pending.delete(tag);
          settled.add(tag);
          if (!elements.get(tag)) console.warn(`${PREFIX} Loading <${tag}> did not register it.`);
          stopIfDone();
        },
        (error: unknown) => {
          pending.delete(tag);
          console.warn(`${PREFIX} Could not load <${tag}>; it loads again when the tag is next added.`, error);
        },
      );
      pending.set(tag, promise);
      return promise;
    },

    scan() {
      findIn(root);
    },

    stop() {
      observer?.disconnect();
      observer = undefined;
    },
  };

  function findIn(node: ParentNode | Element) {
    const tags = waiting();
    if (tags.length === 0) return;
    const selector = tags.join(',');
    if (node instanceof Element && node.matches(selector)) void loader.load(node.localName);
    for (const tag of tags) {
      if (!pending.has(tag) && node.querySelector(tag)) void loader.load(tag);
    }
  }

  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) findIn(node);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  loader.scan();
  stopIfDone();
  return loader;
}

const started = Symbol.for('civic-elements/loader');
const readyKey = Symbol.for('civic-elements/ready');

/** The page's readiness promise, if a script set one (see `LazyLoaderOptions.ready`). */
export function pageReady(): PromiseLike<unknown> | undefined {
  const value = (globalThis as typeof globalThis & { [readyKey]?: unknown })[readyKey];
  return value && typeof (value as PromiseLike<unknown>).then === 'function' ? (value as PromiseLike<unknown>) : undefined;
}

/**
 * Starts the page's one lazy loader. A second copy of the library (two script tags, or the CDN
 * bundle next to an npm build) warns and leaves the first loader in charge; it never throws.
 */
export function startLoader(registry: TagRegistry, options: LazyLoaderOptions = {}): LazyLoader | undefined {
  const host = globalThis as typeof globalThis & { [started]?: LazyLoader };
  if (host[started]) {
    console.warn(`${PREFIX} The loader was loaded twice; the first copy stays in charge.`);
    return undefined;
  }
  const loader = createLazyLoader(registry, options);
  host[started] = loader;
  return loader;
}

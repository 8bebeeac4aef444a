import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface LazyViewOptions<M, V> {
  /** Loads the view's module: a dynamic `import()`, which the CDN build makes its own chunk. */
  load(): Promise<M>;
  /** Makes the view from the loaded module (once per successful load). */
  create(module: M): V;
}

/**
 * Code a widget needs only in a later state (a result, a ticket, later steps), loaded on demand:
 * the first view ships in the widget's chunk; this loads the rest when the state becomes likely.
 *
 * Holds the loader, the view made from the loaded module, the load on its way and its failure.
 * `need()` starts the load (once: concurrent calls share it; after a failure it waits for
 * `retry()`, so a widget may call it on every update). The host re-renders when the load starts,
 * succeeds or fails: render the view when there is one, else a loading state or, with `failed`,
 * an error with a retry button calling `retry()`. A chunk that does not arrive is a connection
 * problem for the citizen (core's `network` error text).
 *
 * @example
 * ```ts
 * @property({ attribute: false }) loadResult = () => import('./result-view.js');
 * private readonly result = new LazyViewController(this, {
 *   load: () => this.loadResult(),
 *   create: (m) => new m.ResultView(this),
 * });
 * // when the result becomes likely (focus in the form, a stored result):
 * this.result.need();
 * render() {
 *   const view = this.result.value;
 *   return view ? view.render() : this.result.failed ? renderError(() => this.result.retry()) : renderLoading();
 * }
 * ```
 */
export class LazyViewController<M, V = M> implements ReactiveController {
  /** Loads the module; tests and stories replace it to hold or fail the load. */
  loader: () => Promise<M>;
  /** The view, once loaded. */
  value: V | undefined;
  /** The load on its way (resolves with the view, or undefined when it failed). */
  pending: Promise<V | undefined> | undefined;
  /** The last load failed (and no retry has started yet). */
  failed = false;
  /** Why the last load failed. */
  error: unknown;

  private readonly host: ReactiveControllerHost;
  private readonly create: (module: M) => V;

  constructor(host: ReactiveControllerHost, options: LazyViewOptions<M, V>) {
    this.host = host;
    this.loader = () => options.load();
    this.create = (module) => options.create(module);
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Starts loading unless the view is loaded, on its way, or failed (then only `retry()` loads
   * again). Resolves with the view, or undefined when this load failed; never rejects.
   */
  need(): Promise<V | undefined> {
    if (this.value !== undefined) return Promise.resolve(this.value);
    if (this.pending) return this.pending;
    if (this.failed) return Promise.resolve(undefined);
    return this.start();
  }

  /** Forgets a failure and loads again (shares a load already on its way). */
  retry(): Promise<V | undefined> {
    this.failed = false;
    this.error = undefined;
    return this.need();
  }

  private start(): Promise<V | undefined> {
    const pending = this.load();
    this.pending = pending;
    void pending.then(() => {
      if (this.pending === pending) this.pending = undefined;
      this.host.requestUpdate();
    });
    this.host.requestUpdate();
    return pending;
  }

  private async load(): Promise<V | undefined> {
    try {
      // A loader or constructor that throws instead of rejecting fails the same way.
      const view = this.create(await this.loader());
      this.value = view;
      return view;
    } catch (error) {
      this.failed = true;
      this.error = error;
      return undefined;
    }
  }
}

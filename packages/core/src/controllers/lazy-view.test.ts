import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { expectAccessible } from '@civic-elements/core/testing';
import { LazyViewController } from './lazy-view.js';

/** What a lazily loaded module exports: a view class. */
interface ResultModule {
  ResultView: new (host: TestLazy) => { render(): unknown };
}

const resultModule: ResultModule = {
  ResultView: class {
    constructor(readonly host: TestLazy) {
      host.made++;
    }
    render() {
      return html`<p class="result">Ihr Antrag ist abholbereit.</p>`;
    }
  },
};

/** A load the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

class TestLazy extends LitElement {
  made = 0;
  renders = 0;
  readonly result = new LazyViewController(this, {
    load: (): Promise<ResultModule> => Promise.resolve(resultModule),
    create: (m) => new m.ResultView(this),
  });
  protected override render() {
    this.renders++;
    const view = this.result.value;
    return html`<section aria-labelledby="h">
      <h2 id="h">Antragsstatus</h2>
      ${view
        ? view.render()
        : this.result.failed
          ? html`<p class="error" role="alert">Keine Verbindung zum Server.</p>
              <button type="button" @click=${() => void this.result.retry()}>Erneut versuchen</button>`
          : html`<p class="loading" role="status">${this.result.pending ? 'Wird geladen …' : 'Bereit'}</p>`}
    </section>`;
  }
}
customElements.define('test-lazy', TestLazy);

const q = <E extends Element = Element>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const mount = () => fixture<TestLazy>(html`<test-lazy></test-lazy>`);

describe('LazyViewController', () => {
  it('loads nothing until needed, then loads once, makes the view once and re-renders the host', async () => {
    const el = await mount();
    let calls = 0;
    const load = deferred<ResultModule>();
    el.result.loader = () => (calls++, load.promise);
    await el.updateComplete;
    expect(calls).to.equal(0);
    expect(q(el, '.loading')!.textContent).to.equal('Bereit');

    const first = el.result.need();
    await el.updateComplete;
    expect(q(el, '.loading')!.textContent).to.equal('Wird geladen …');
    await expectAccessible(el, { state: 'h2' });
    load.resolve(resultModule);
    const view = await first;
    await el.updateComplete;
    expect(view).to.equal(el.result.value);
    expect(q(el, '.result')!.textContent).to.equal('Ihr Antrag ist abholbereit.');
    expect(el.result.pending).to.equal(undefined);

    // Loaded: later calls give the same view without loading again.
    expect(await el.result.need()).to.equal(view);
    expect(await el.result.retry()).to.equal(view);
    expect(calls).to.equal(1);
    expect(el.made).to.equal(1);
    await expectAccessible(el, { state: '.result' });
  });

  it('shares one load among concurrent calls', async () => {
    const el = await mount();
    let calls = 0;
    const load = deferred<ResultModule>();
    el.result.loader = () => (calls++, load.promise);
    const a = el.result.need();
    const b = el.result.need();
    const c = el.result.retry();
    expect(el.result.pending).to.not.equal(undefined);
    load.resolve(resultModule);
    const views = await Promise.all([a, b, c]);
    expect(calls).to.equal(1);
    expect(el.made).to.equal(1);
    expect(views[0]).to.not.equal(undefined);
    expect(views.every((v) => v === views[0])).to.equal(true);
    await el.updateComplete;
    await expectAccessible(el, { state: '.result' });
  });

  it('keeps a failure (need() does not load again) until retry() loads again', async () => {
    const el = await mount();
    let calls = 0;
    const failure = new TypeError('Failed to fetch');
    el.result.loader = () => (++calls === 1 ? Promise.reject(failure) : Promise.resolve(resultModule));
    expect(await el.result.need()).to.equal(undefined);
    expect(el.result.failed).to.equal(true);
    expect(el.result.error).to.equal(failure);
    expect(el.result.pending).to.equal(undefined);
    await el.updateComplete;
    expect(q(el, '[role=alert]')).to.not.equal(null);
    await expectAccessible(el, { state: '[role=alert]' });

    // A widget may call need() on every update: a failed load is not started again by itself.
    expect(await el.result.need()).to.equal(undefined);
    expect(calls).to.equal(1);

    q<HTMLButtonElement>(el, 'button')!.click();
    await waitUntil(() => q(el, '.result'), 'loaded on retry');
    expect(calls).to.equal(2);
    expect(el.result.failed).to.equal(false);
    expect(el.result.error).to.equal(undefined);
    expect(q(el, '[role=alert]')).to.equal(null);
    await expectAccessible(el, { state: '.result' });
  });

  it('counts a loader or constructor that throws as a failed load', async () => {
    const el = await mount();
    el.result.loader = () => {
      throw new Error('chunk missing');
    };
    expect(await el.result.need()).to.equal(undefined);
    expect((el.result.error as Error).message).to.equal('chunk missing');

    el.result.loader = () =>
      Promise.resolve({
        ResultView: class {
          constructor() {
            throw new Error('broken module');
          }
          render() {
            return html``;
          }
        },
      });
    expect(await el.result.retry()).to.equal(undefined);
    expect((el.result.error as Error).message).to.equal('broken module');
    expect(el.result.value).to.equal(undefined);
    await el.updateComplete;
    await expectAccessible(el, { state: '[role=alert]' });

    el.result.loader = () => Promise.resolve(resultModule);
    expect(await el.result.retry()).to.not.equal(undefined);
  });
});

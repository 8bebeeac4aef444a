// The baseline of `npm run bench` (scripts/gates/bench-demo.mjs): the least a Lit widget can be.
// It renders nothing until clicked; the bench's interaction baseline is one click → one re-render.
import { LitElement, html } from 'lit';

class BenchEmpty extends LitElement {
  static properties = { clicked: { state: true } };

  constructor() {
    super();
    this.clicked = false;
  }

  render() {
    return html`<button type="button" @click=${() => (this.clicked = true)}>Los</button>${this.clicked ? html`<p>Fertig</p>` : ''}`;
  }
}

customElements.define('bench-empty', BenchEmpty);

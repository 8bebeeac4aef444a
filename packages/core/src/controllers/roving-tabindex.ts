import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RovingTabindexOptions {
  /** The items, in order, e.g. `() => [...this.renderRoot.querySelectorAll('[role=option]')]`. */
  items(): HTMLElement[];
  /** Which arrow keys move: left/right, up/down or both. Default 'vertical'. */
  orientation?: 'horizontal' | 'vertical' | 'both';
  /** Move from the last item to the first and back. Default false. */
  wrap?: boolean;
  /** Called after keyboard moves focus to an item (e.g. a radio group selects it). */
  onMove?(item: HTMLElement, index: number): void;
}

type Host = ReactiveControllerHost & HTMLElement;

/** Items that cannot take focus. `aria-disabled` items stay reachable, as WAI-ARIA recommends. */
function isSkipped(item: HTMLElement): boolean {
  return item.hasAttribute('disabled') || item.hidden;
}

function isRtl(el: Element): boolean {
  return getComputedStyle(el).direction === 'rtl';
}

/**
 * One tab stop for a group (toolbar, listbox, list of slots): the active item has `tabindex=0`,
 * the others `-1`. Arrow keys (mirrored in right-to-left text for left/right), Home and End move
 * focus. The host must not bind `tabindex` on the items itself: the controller sets it after every
 * update. The active item is kept across re-renders; when it disappears, the selected item
 * (`aria-selected`/`aria-checked`/`aria-pressed="true"`) or the nearest one takes its place.
 */
export class RovingTabindexController implements ReactiveController {
  private active: HTMLElement | undefined;
  private activeIndex = 0;

  constructor(
    private readonly host: Host,
    private readonly options: RovingTabindexOptions,
  ) {
    host.addController(this);
  }

  /** The item that currently holds the tab stop. */
  get activeItem(): HTMLElement | undefined {
    return this.active;
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeydown);
    this.host.addEventListener('focusin', this.onFocusin);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeydown);
    this.host.removeEventListener('focusin', this.onFocusin);
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Makes `item` the tab stop and focuses it. */
  focusItem(item: HTMLElement): void {
    this.setActive(item);
    item.focus();
  }

  /** Re-applies the tabindex values (runs after every host update). */
  sync(): void {
    const items = this.options.items();
    const enabled = items.filter((item) => !isSkipped(item));
    let active = this.active && enabled.includes(this.active) ? this.active : undefined;
    active ??= enabled.find((item) =>
      ['aria-selected', 'aria-checked', 'aria-pressed'].some((a) => item.getAttribute(a) === 'true'),
    );
    active ??= items.slice(Math.min(this.activeIndex, items.length - 1)).find((item) => !isSkipped(item));
    active ??= enabled.at(-1);
    this.active = active;
    if (active) this.activeIndex = items.indexOf(active);
    for (const item of items) item.tabIndex = item === active ? 0 : -1;
  }

  private setActive(item: HTMLElement): void {
    const items = this.options.items();
    this.active = item;
    this.activeIndex = items.indexOf(item);
    for (const other of items) other.tabIndex = other === item ? 0 : -1;
  }

  private readonly onFocusin = (event: FocusEvent): void => {
    const items = this.options.items();
    const item = event.composedPath().find((node): node is HTMLElement => items.includes(node as HTMLElement));
    if (item && item !== this.active) this.setActive(item);
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const items = this.options.items();
    const current = event.composedPath().find((node): node is HTMLElement => items.includes(node as HTMLElement));
    if (!current) return;
    const orientation = this.options.orientation ?? 'vertical';
    const horizontal = orientation !== 'vertical';
    const vertical = orientation !== 'horizontal';
    const forwardKey = isRtl(current) ? 'ArrowLeft' : 'ArrowRight';
    const backwardKey = isRtl(current) ? 'ArrowRight' : 'ArrowLeft';
    const index = items.indexOf(current);
    let target: HTMLElement | undefined;
    if ((horizontal && event.key === forwardKey) || (vertical && event.key === 'ArrowDown')) {
      target = this.step(items, index, 1);
    } else if ((horizontal && event.key === backwardKey) || (vertical && event.key === 'ArrowUp')) {
      target = this.step(items, index, -1);
    } else if (event.key === 'Home') {
      target = items.find((item) => !isSkipped(item));
    } else if (event.key === 'End') {
      target = items.findLast((item) => !isSkipped(item));
    } else {
      return;
    }
    event.preventDefault();
    if (!target || target === current) return;
    this.focusItem(target);
    this.options.onMove?.(target, items.indexOf(target));
  };

  private step(items: HTMLElement[], from: number, delta: 1 | -1): HTMLElement | undefined {
    const count = items.length;
    for (let i = 1; i < count; i++) {
      let next = from + delta * i;
      if (this.options.wrap) next = (next + count) % count;
      const item = items[next];
      if (!item) return undefined;
      if (!isSkipped(item)) return item;
    }
    return undefined;
  }
}

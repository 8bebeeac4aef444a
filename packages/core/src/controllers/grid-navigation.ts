import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { addCalendarDays, addCalendarMonths, lastDay, parse } from './calendar-dates.js';

const monthOf = (iso: string): string => iso.slice(0, 7);
const firstOfMonth = (iso: string): string => `${monthOf(iso)}-01`;
const lastOfMonth = (iso: string): string => `${monthOf(iso)}-${String(lastDay(parse(iso))).padStart(2, '0')}`;

export interface GridNavigationOptions {
  /** The focusable day cells of the month shown, e.g. `() => [...root.querySelectorAll('[data-date]')]`. */
  cells(): HTMLElement[];
  /** The date a cell stands for. Default: its `data-date` attribute. */
  dateOf?(cell: HTMLElement): string | undefined;
  /**
   * Show the month that contains `date` (PageUp/PageDown, arrows past the month's edge). Return
   * false when that month must not be shown (outside the bookable range): focus then stays. The
   * controller focuses the day after the host's next update.
   */
  showMonth(date: string): boolean | void | Promise<boolean | void>;
  /** Whether a day is disabled. Default: its cell has `aria-disabled="true"` (days not shown: no). */
  isDisabled?(date: string): boolean;
  /**
   * Move past disabled days. Default false: disabled days stay focusable (with `aria-disabled`) so
   * screen-reader users discover that they exist and why they cannot be chosen.
   */
  skipDisabled?: boolean;
  /** 0 = Sunday … 6 = Saturday. Default 1 (Monday, as in Germany). */
  firstDayOfWeek?: number;
  /** Called after keyboard moved focus to a day. */
  onMove?(date: string): void;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Keyboard navigation of a month grid (WAI-ARIA grid / date picker pattern), driven by dates: the
 * host renders cells and says which date each one is; the controller keeps one tab stop on the
 * active day and moves it. Arrows: a day (mirrored in right-to-left text) or a week; Home/End:
 * start/end of the week within the month; Ctrl+Home/Ctrl+End: first/last day of the month;
 * PageUp/PageDown: the same day number in the previous/next month, or the nearest valid day.
 * The host must not bind `tabindex` on the cells: the controller sets it after every update.
 */
export class GridNavigationController implements ReactiveController {
  private active: string | undefined;

  constructor(
    private readonly host: Host,
    private readonly options: GridNavigationOptions,
  ) {
    host.addController(this);
  }

  /** The day that holds the tab stop. */
  get activeDate(): string | undefined {
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

  /** Makes `date` the tab stop and focuses it, showing its month first if needed. */
  async focusDate(date: string): Promise<boolean> {
    if (!(await this.show(date))) return false;
    return this.focusShown(date);
  }

  /** Re-applies the tabindex values (runs after every host update). */
  sync(): void {
    const cells = this.options.cells();
    if (!this.active || !this.cellFor(this.active)) {
      const pick =
        cells.find((c) => c.getAttribute('aria-selected') === 'true') ??
        cells.find((c) => c.getAttribute('aria-current') === 'date') ??
        cells.find((c) => c.getAttribute('aria-disabled') !== 'true') ??
        cells[0];
      this.active = pick ? this.dateOf(pick) : undefined;
    }
    this.applyTabindex();
  }

  private applyTabindex(): void {
    for (const cell of this.options.cells()) cell.tabIndex = this.dateOf(cell) === this.active ? 0 : -1;
  }

  private dateOf(cell: HTMLElement): string | undefined {
    return this.options.dateOf ? this.options.dateOf(cell) : (cell.dataset['date'] ?? undefined);
  }

  private cellFor(date: string): HTMLElement | undefined {
    return this.options.cells().find((cell) => this.dateOf(cell) === date);
  }

  private disabled(date: string): boolean {
    if (!this.options.skipDisabled) return false;
    if (this.options.isDisabled) return this.options.isDisabled(date);
    return this.cellFor(date)?.getAttribute('aria-disabled') === 'true';
  }

  /** The first day from `from` towards `to` (inclusive, stepping by `step`) that is not skipped. */
  private firstAllowed(from: string, to: string, step: number): string | undefined {
    for (let date = from, i = 0; i < 400; date = addCalendarDays(date, step), i++) {
      if (!this.disabled(date)) return date;
      if (date === to) return undefined;
    }
    return undefined;
  }

  /** The allowed day of `date`'s month nearest to `date` (later days first on a tie). */
  private nearestAllowed(date: string): string {
    const first = firstOfMonth(date);
    const last = lastOfMonth(date);
    for (let distance = 0; distance < 31; distance++) {
      for (const candidate of [addCalendarDays(date, distance), addCalendarDays(date, -distance)]) {
        if (candidate >= first && candidate <= last && !this.disabled(candidate)) return candidate;
      }
    }
    return date;
  }

  /** Shows the month of `date` unless it is shown already; false when the host refused. */
  private async show(date: string): Promise<boolean> {
    const shown = this.options.cells().map((c) => this.dateOf(c)).find(Boolean);
    if (shown && monthOf(shown) === monthOf(date)) return true;
    if ((await this.options.showMonth(date)) === false) return false;
    this.active = date;
    await this.host.updateComplete;
    return true;
  }

  private focusShown(date: string): boolean {
    const cell = this.cellFor(date);
    if (!cell) return false;
    this.active = date;
    this.applyTabindex();
    cell.focus();
    return true;
  }

  /** Moves to `target`; `settle` picks the day to land on once another month is shown. */
  private async moveTo(target: string | undefined, settle?: (date: string) => string): Promise<void> {
    if (!target || target === this.active) return;
    const shown = this.options.cells().map((c) => this.dateOf(c)).find(Boolean);
    const crossing = !shown || monthOf(shown) !== monthOf(target);
    if (!(await this.show(target))) return;
    // Only now do the new month's cells (and their disabled state) exist.
    if (crossing && settle) target = settle(target);
    if (this.focusShown(target)) this.options.onMove?.(target);
  }

  private readonly onFocusin = (event: FocusEvent): void => {
    const cells = this.options.cells();
    const cell = event.composedPath().find((node): node is HTMLElement => cells.includes(node as HTMLElement));
    const date = cell ? this.dateOf(cell) : undefined;
    if (date && date !== this.active) {
      this.active = date;
      this.applyTabindex();
    }
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.metaKey || event.shiftKey) return;
    const cells = this.options.cells();
    const cell = event.composedPath().find((node): node is HTMLElement => cells.includes(node as HTMLElement));
    const date = cell ? this.dateOf(cell) : undefined;
    if (!cell || !date) return;
    const rtl = getComputedStyle(cell).direction === 'rtl';
    const weekday = (parse(date).getUTCDay() - (this.options.firstDayOfWeek ?? 1) + 7) % 7;
    const first = firstOfMonth(date);
    const last = lastOfMonth(date);
    const stepTo = (step: number): string | undefined => this.firstAllowed(addCalendarDays(date, step), addCalendarDays(date, step * 62), step);
    const nearest = (d: string): string => this.nearestAllowed(d);
    const key = event.ctrlKey ? `Ctrl+${event.key}` : event.key;
    let move: Promise<void>;
    switch (key) {
      case 'ArrowRight':
        move = this.moveTo(stepTo(rtl ? -1 : 1), nearest);
        break;
      case 'ArrowLeft':
        move = this.moveTo(stepTo(rtl ? 1 : -1), nearest);
        break;
      case 'ArrowDown':
        move = this.moveTo(stepTo(7), nearest);
        break;
      case 'ArrowUp':
        move = this.moveTo(stepTo(-7), nearest);
        break;
      case 'Home': {
        const start = addCalendarDays(date, -weekday);
        move = this.moveTo(this.firstAllowed(start < first ? first : start, date, 1));
        break;
      }
      case 'End': {
        const end = addCalendarDays(date, 6 - weekday);
        move = this.moveTo(this.firstAllowed(end > last ? last : end, date, -1));
        break;
      }
      case 'Ctrl+Home':
        move = this.moveTo(this.firstAllowed(first, last, 1));
        break;
      case 'Ctrl+End':
        move = this.moveTo(this.firstAllowed(last, first, -1));
        break;
      case 'PageUp':
        move = this.moveTo(addCalendarMonths(date, -1), nearest);
        break;
      case 'PageDown':
        move = this.moveTo(addCalendarMonths(date, 1), nearest);
        break;
      default:
        return;
    }
    event.preventDefault();
    void move;
  };
}

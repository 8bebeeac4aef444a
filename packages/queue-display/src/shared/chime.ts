/** The parts of the Web Audio API the chime uses (tests pass a fake). */
export interface ChimeAudioContext {
  readonly currentTime: number;
  readonly destination: unknown;
  readonly state: string;
  resume(): Promise<void>;
  createOscillator(): {
    type: string;
    frequency: { setValueAtTime(value: number, time: number): unknown };
    connect(target: unknown): unknown;
    start(when?: number): void;
    stop(when?: number): void;
  };
  createGain(): {
    gain: {
      setValueAtTime(value: number, time: number): unknown;
      exponentialRampToValueAtTime(value: number, time: number): unknown;
    };
    connect(target: unknown): unknown;
  };
}

/**
 * A two-tone gong made with oscillators (no audio file to load, nothing for a CSP to block).
 * The context must be created in a user gesture (the display's one-time "start"): browsers keep
 * audio locked until then.
 */
export class Chime {
  private lastAt = -Infinity;

  constructor(
    private readonly context: ChimeAudioContext,
    /** Shortest gap between two chimes: a burst of calls gives one chime, not a noise. */
    private readonly minGapSeconds = 2,
  ) {}

  play(): boolean {
    const ctx = this.context;
    const now = ctx.currentTime;
    if (now - this.lastAt < this.minGapSeconds) return false;
    this.lastAt = now;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    [660, 523.25].forEach((frequency, i) => {
      const start = now + i * 0.45;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(frequency, start);
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 1.2);
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 1.25);
    });
    return true;
  }
}

/** The browser's AudioContext, or undefined where there is none. */
export function createAudioContext(): ChimeAudioContext | undefined {
  const Ctor = (globalThis as { AudioContext?: new () => ChimeAudioContext }).AudioContext;
  return Ctor ? new Ctor() : undefined;
}

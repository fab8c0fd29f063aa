/**
 * The training explorer's modes, and what moves it from one to another, as data.
 * `transition(mode, action)` returns the next mode and the effects the widget carries out, in
 * order; it is pure (no DOM, no network, no clock), so every interplay of Play, One epoch, Reset,
 * a new set-up and a link's replay is a row of a table (tests/explorer/machine.test.ts).
 *
 * Two things run across animation frames, and each has its own effects to start and stop it:
 * the training loop (an epoch per frame) runs exactly while `playing`, a link's replay (its
 * epochs, a slice per frame) exactly while `replaying`. Stopping one never stops the other.
 */
import type { ExplorerConfig } from './config';

export type Mode =
  | { readonly kind: 'paused' }
  | { readonly kind: 'playing' }
  /** A link's epochs are replayed, a slice per frame; `thenPlay`: Play was pressed meanwhile, and training goes on after. */
  | { readonly kind: 'replaying'; readonly thenPlay: boolean };

export type Action =
  /** Show the set-up in hand (the lesson's or a link's): its epochs are replayed. */
  | { readonly type: 'open' }
  /** The Play / Pause button. */
  | { readonly type: 'play' }
  /** The One epoch button. */
  | { readonly type: 'step' }
  /** The Reset button: back to epoch 0 with this set-up (the same seed, so the same initial weights). */
  | { readonly type: 'reset'; readonly config: ExplorerConfig }
  /** A new set-up that starts training over (data, layers, units, activation, seed, points removed). */
  | { readonly type: 'restart'; readonly config: ExplorerConfig }
  /** The replay reached the link's epoch. */
  | { readonly type: 'replayed' }
  /** While playing, the cost stopped being a number. */
  | { readonly type: 'diverged' }
  /** While playing, training reached the last epoch a set-up may have. */
  | { readonly type: 'lastEpoch' }
  /** A click or Enter on the plot, at data coordinates (x0, x1). */
  | { readonly type: 'addPoint'; readonly x0: number; readonly x1: number }
  /** The learning rate slider let go: the set-up with the new rate recorded. */
  | { readonly type: 'rate'; readonly config: ExplorerConfig }
  /** The Copy link button. */
  | { readonly type: 'copy' }
  /** The keyboard cursor moved on the plot. */
  | { readonly type: 'cursor' }
  /** The picture is out of date: focus, theme, size. */
  | { readonly type: 'redraw' };

export type Effect =
  /** Make the set-up's data and untrained network, then replay its epochs a slice per frame; `replayed` follows. */
  | { readonly type: 'replay' }
  /** Abandon the replay under way. */
  | { readonly type: 'stopReplay' }
  /** Take this set-up, at epoch 0: new data and network, an empty cost curve, the controls set to it. */
  | { readonly type: 'build'; readonly config: ExplorerConfig }
  /** Train an epoch and draw, every animation frame, until told to stop. */
  | { readonly type: 'startLoop' }
  | { readonly type: 'stopLoop' }
  /** One epoch, now. */
  | { readonly type: 'train' }
  /** Take the learning rate's change into the set-up. */
  | { readonly type: 'configure'; readonly config: ExplorerConfig }
  | { readonly type: 'addPoint'; readonly x0: number; readonly x1: number }
  /** The decision regions, the points and the cursor, and (unless playing) the figures. */
  | { readonly type: 'draw' }
  /** Epoch, cost, accuracy and the cost curve, now. */
  | { readonly type: 'showFigures' }
  /** Say what the network predicts under the keyboard cursor. */
  | { readonly type: 'describeCursor' }
  /** Write the set-up, at the epoch reached, to the address, and send the parameters to the lesson's cells. */
  | { readonly type: 'settle' }
  /** Send the parameters to the lesson's cells. */
  | { readonly type: 'publish' }
  | { readonly type: 'copyLink' }
  | { readonly type: 'say'; readonly message: 'nothing' | 'paused' | 'reset' };

export interface Transition {
  readonly mode: Mode;
  readonly effects: readonly Effect[];
}

export const PAUSED: Mode = { kind: 'paused' };
export const PLAYING: Mode = { kind: 'playing' };
const REPLAYING: Mode = { kind: 'replaying', thenPlay: false };
const REPLAYING_THEN_PLAY: Mode = { kind: 'replaying', thenPlay: true };

const unchanged = (mode: Mode): Transition => ({ mode, effects: [] });

/** Effects that stop whatever runs across frames in `mode`. */
function stop(mode: Mode): Effect[] {
  if (mode.kind === 'playing') return [{ type: 'stopLoop' }];
  if (mode.kind === 'replaying') return [{ type: 'stopReplay' }];
  return [];
}

/** The next mode, and what to do to get there. */
export function transition(mode: Mode, action: Action): Transition {
  const playing = mode.kind === 'playing';
  const replaying = mode.kind === 'replaying';
  switch (action.type) {
    case 'open':
      return { mode: REPLAYING, effects: [...stop(mode), { type: 'replay' }] };

    case 'play':
      if (mode.kind === 'paused')
        return { mode: PLAYING, effects: [{ type: 'say', message: 'nothing' }, { type: 'startLoop' }] };
      if (playing)
        return {
          mode: PAUSED,
          effects: [
            { type: 'stopLoop' },
            { type: 'showFigures' },
            { type: 'settle' },
            { type: 'say', message: 'paused' },
          ],
        };
      // While a link replays, Play queues training for after it, and a second press takes that back;
      // the replay itself goes on either way.
      return { mode: mode.thenPlay ? REPLAYING : REPLAYING_THEN_PLAY, effects: [] };

    case 'step':
      if (replaying) return unchanged(mode);
      return { mode: PAUSED, effects: [...stop(mode), { type: 'train' }, { type: 'settle' }, { type: 'draw' }] };

    case 'reset':
      return {
        mode: PAUSED,
        effects: [
          ...stop(mode),
          { type: 'build', config: action.config },
          { type: 'settle' },
          { type: 'draw' },
          { type: 'say', message: 'reset' },
        ],
      };

    case 'restart': {
      // Training goes on with the new set-up if it was going, or was to go after a replay.
      const play = playing || (mode.kind === 'replaying' && mode.thenPlay);
      const effects: Effect[] = [
        ...stop(mode),
        { type: 'build', config: action.config },
        { type: 'draw' },
        { type: 'settle' },
        { type: 'say', message: 'nothing' },
      ];
      if (play) effects.push({ type: 'startLoop' });
      return { mode: play ? PLAYING : PAUSED, effects };
    }

    case 'replayed':
      if (mode.kind !== 'replaying') return unchanged(mode);
      if (mode.thenPlay)
        return {
          mode: PLAYING,
          effects: [{ type: 'draw' }, { type: 'publish' }, { type: 'say', message: 'nothing' }, { type: 'startLoop' }],
        };
      return { mode: PAUSED, effects: [{ type: 'draw' }, { type: 'publish' }] };

    case 'diverged':
      // The message saying so is already there: it stays.
      if (!playing) return unchanged(mode);
      return { mode: PAUSED, effects: [{ type: 'stopLoop' }, { type: 'showFigures' }, { type: 'settle' }] };

    case 'lastEpoch':
      if (!playing) return unchanged(mode);
      return {
        mode: PAUSED,
        effects: [
          { type: 'stopLoop' },
          { type: 'showFigures' },
          { type: 'settle' },
          { type: 'say', message: 'paused' },
        ],
      };

    case 'addPoint':
      // A point joins the network being trained: not one a link is still rebuilding. While
      // playing, the address follows when training stops.
      if (replaying) return unchanged(mode);
      return {
        mode,
        effects: [
          { type: 'addPoint', x0: action.x0, x1: action.x1 },
          ...(playing ? [] : [{ type: 'settle' } as const]),
          { type: 'draw' },
          // While playing, draw shows the figures only every few epochs: the new point's
          // effect on the cost and accuracy shows at once.
          ...(playing ? [{ type: 'showFigures' } as const] : []),
        ],
      };

    case 'rate':
      // While a link replays, the change is recorded at the link's epoch, and the address
      // follows when the student next stops training.
      return {
        mode,
        effects: [
          { type: 'configure', config: action.config },
          ...(mode.kind === 'paused' ? [{ type: 'settle' } as const] : []),
        ],
      };

    case 'copy':
      // While a link replays, the address already holds it.
      return { mode, effects: replaying ? [{ type: 'copyLink' }] : [{ type: 'settle' }, { type: 'copyLink' }] };

    case 'cursor':
      // While playing, the next frame draws the cursor.
      if (replaying) return unchanged(mode);
      return { mode, effects: playing ? [{ type: 'describeCursor' }] : [{ type: 'draw' }, { type: 'describeCursor' }] };

    case 'redraw':
      return { mode, effects: mode.kind === 'paused' ? [{ type: 'draw' }] : [] };
  }
}

/** What the Play button says: Pause while training runs or is queued after a replay. */
export function playLabel(mode: Mode): 'Play' | 'Pause' {
  return mode.kind === 'playing' || (mode.kind === 'replaying' && mode.thenPlay) ? 'Pause' : 'Play';
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExplorerConfig } from '../../src/explorer/config';
import {
  PAUSED,
  PLAYING,
  playLabel,
  transition,
  type Action,
  type Effect,
  type Mode,
} from '../../src/explorer/machine';

const config: ExplorerConfig = {
  data: 'xor',
  points: 200,
  classes: 2,
  seed: 1,
  layers: [4],
  activation: 'tanh',
  learningRate: 1,
  rateChanges: [],
  epoch: 0,
  added: [],
};
const replaying: Mode = { kind: 'replaying', thenPlay: false };
const replayingThenPlay: Mode = { kind: 'replaying', thenPlay: true };

/** Effects by name, the ones that carry data written as `build`, `configure`, `addPoint`, `say:<message>`. */
const names = (effects: readonly Effect[]) => effects.map((e) => (e.type === 'say' ? `say:${e.message}` : e.type));

const play: Action = { type: 'play' };
const step: Action = { type: 'step' };
const reset: Action = { type: 'reset', config };
const restart: Action = { type: 'restart', config };
const replayed: Action = { type: 'replayed' };

describe('the explorer’s transitions', () => {
  describe.each<[string, Mode, Action, Mode, string[]]>([
    // Play / Pause.
    ['Play starts the training loop and clears the message', PAUSED, play, PLAYING, ['say:nothing', 'startLoop']],
    [
      'Pause stops the loop, shows the figures, settles the address and says where it stopped',
      PLAYING,
      play,
      PAUSED,
      ['stopLoop', 'showFigures', 'settle', 'say:paused'],
    ],
    [
      'Play during a replay queues training for after it, and the replay goes on',
      replaying,
      play,
      replayingThenPlay,
      [],
    ],
    // The last fix on main: the second press takes back the play it queued, and nothing else.
    [
      'Play pressed twice during a replay cancels the play it queued; the replay goes on',
      replayingThenPlay,
      play,
      replaying,
      [],
    ],

    // One epoch.
    ['One epoch while paused trains, settles and draws', PAUSED, step, PAUSED, ['train', 'settle', 'draw']],
    [
      'One epoch while playing stops the loop first, and stays paused',
      PLAYING,
      step,
      PAUSED,
      ['stopLoop', 'train', 'settle', 'draw'],
    ],
    ['One epoch during a replay does nothing: the network is not there yet', replaying, step, replaying, []],
    ['One epoch during a replay with play queued does nothing either', replayingThenPlay, step, replayingThenPlay, []],

    // Reset.
    [
      'Reset while paused builds the set-up at epoch 0',
      PAUSED,
      reset,
      PAUSED,
      ['build', 'settle', 'draw', 'say:reset'],
    ],
    [
      'Reset while playing stops the loop and stays paused',
      PLAYING,
      reset,
      PAUSED,
      ['stopLoop', 'build', 'settle', 'draw', 'say:reset'],
    ],
    [
      'Reset during a replay abandons it',
      replaying,
      reset,
      PAUSED,
      ['stopReplay', 'build', 'settle', 'draw', 'say:reset'],
    ],
    [
      'Reset during a replay with play queued abandons both',
      replayingThenPlay,
      reset,
      PAUSED,
      ['stopReplay', 'build', 'settle', 'draw', 'say:reset'],
    ],

    // A new set-up (data, layers, units, activation, seed, points removed).
    [
      'A new set-up while paused is built and stays paused',
      PAUSED,
      restart,
      PAUSED,
      ['build', 'draw', 'settle', 'say:nothing'],
    ],
    [
      'A new set-up while playing goes on playing, with a new loop',
      PLAYING,
      restart,
      PLAYING,
      ['stopLoop', 'build', 'draw', 'settle', 'say:nothing', 'startLoop'],
    ],
    [
      'A new set-up during a replay abandons it and is paused',
      replaying,
      restart,
      PAUSED,
      ['stopReplay', 'build', 'draw', 'settle', 'say:nothing'],
    ],
    [
      'A new set-up during a replay with play queued abandons it and plays',
      replayingThenPlay,
      restart,
      PLAYING,
      ['stopReplay', 'build', 'draw', 'settle', 'say:nothing', 'startLoop'],
    ],

    // The replay ends.
    [
      'The end of a replay draws the network and hands it to the cells',
      replaying,
      replayed,
      PAUSED,
      ['draw', 'publish'],
    ],
    [
      'The end of a replay with play queued starts playing',
      replayingThenPlay,
      replayed,
      PLAYING,
      ['draw', 'publish', 'say:nothing', 'startLoop'],
    ],
    ['A replay’s end that comes late (paused) changes nothing', PAUSED, replayed, PAUSED, []],
    ['A replay’s end that comes late (playing) changes nothing', PLAYING, replayed, PLAYING, []],

    // The loop stops itself.
    [
      'Divergence stops the loop and keeps its own message',
      PLAYING,
      { type: 'diverged' },
      PAUSED,
      ['stopLoop', 'showFigures', 'settle'],
    ],
    [
      'The last epoch stops the loop and says where',
      PLAYING,
      { type: 'lastEpoch' },
      PAUSED,
      ['stopLoop', 'showFigures', 'settle', 'say:paused'],
    ],
    ['Divergence reported when not playing changes nothing', PAUSED, { type: 'diverged' }, PAUSED, []],
    ['The last epoch reported during a replay changes nothing', replaying, { type: 'lastEpoch' }, replaying, []],

    // Opening a set-up.
    ['Opening replays the set-up', PAUSED, { type: 'open' }, replaying, ['replay']],
    ['Opening while playing stops the loop first', PLAYING, { type: 'open' }, replaying, ['stopLoop', 'replay']],
    [
      'Opening during a replay starts it over, without the queued play',
      replayingThenPlay,
      { type: 'open' },
      replaying,
      ['stopReplay', 'replay'],
    ],

    // Added points.
    [
      'A point added while paused is settled in the address',
      PAUSED,
      { type: 'addPoint', x0: 0.5, x1: -0.5 },
      PAUSED,
      ['addPoint', 'settle', 'draw'],
    ],
    [
      'A point added while playing joins the training; the address follows at the pause',
      PLAYING,
      { type: 'addPoint', x0: 0.5, x1: -0.5 },
      PLAYING,
      ['addPoint', 'draw', 'showFigures'],
    ],
    ['A click during a replay adds no point', replaying, { type: 'addPoint', x0: 0.5, x1: -0.5 }, replaying, []],

    // The learning rate.
    [
      'A new rate while paused is settled in the address',
      PAUSED,
      { type: 'rate', config },
      PAUSED,
      ['configure', 'settle'],
    ],
    [
      'A new rate while playing takes effect; the address follows at the pause',
      PLAYING,
      { type: 'rate', config },
      PLAYING,
      ['configure'],
    ],
    [
      'A new rate during a replay is recorded, and the replay goes on',
      replayingThenPlay,
      { type: 'rate', config },
      replayingThenPlay,
      ['configure'],
    ],

    // Copy link.
    ['Copy link while paused settles the address first', PAUSED, { type: 'copy' }, PAUSED, ['settle', 'copyLink']],
    [
      'Copy link while playing settles the address at this epoch',
      PLAYING,
      { type: 'copy' },
      PLAYING,
      ['settle', 'copyLink'],
    ],
    ['Copy link during a replay copies the link being replayed', replaying, { type: 'copy' }, replaying, ['copyLink']],

    // The keyboard cursor, and redrawing.
    ['The cursor while paused is drawn and described', PAUSED, { type: 'cursor' }, PAUSED, ['draw', 'describeCursor']],
    [
      'The cursor while playing is described; the next frame draws it',
      PLAYING,
      { type: 'cursor' },
      PLAYING,
      ['describeCursor'],
    ],
    ['The cursor during a replay waits for the network', replaying, { type: 'cursor' }, replaying, []],
    ['A redraw while paused draws', PAUSED, { type: 'redraw' }, PAUSED, ['draw']],
    ['A redraw while playing is left to the next frame', PLAYING, { type: 'redraw' }, PLAYING, []],
    ['A redraw during a replay waits for the network', replayingThenPlay, { type: 'redraw' }, replayingThenPlay, []],
  ])('%s', (_, from, action, to, effects) => {
    it('goes to the mode and carries out the effects, in order', () => {
      const next = transition(from, action);
      expect(next.mode).toEqual(to);
      expect(names(next.effects)).toEqual(effects);
    });
  });

  it('passes the set-up to build and configure, and the point to addPoint', () => {
    const other = { ...config, seed: 7 };
    expect(transition(PLAYING, { type: 'restart', config: other }).effects).toContainEqual({
      type: 'build',
      config: other,
    });
    expect(transition(replaying, { type: 'reset', config: other }).effects).toContainEqual({
      type: 'build',
      config: other,
    });
    expect(transition(PAUSED, { type: 'rate', config: other }).effects).toContainEqual({
      type: 'configure',
      config: other,
    });
    expect(transition(PAUSED, { type: 'addPoint', x0: 0.25, x1: -1 }).effects[0]).toEqual({
      type: 'addPoint',
      x0: 0.25,
      x1: -1,
    });
  });

  it.each<[Mode, string]>([
    [PAUSED, 'Play'],
    [PLAYING, 'Pause'],
    [replaying, 'Play'],
    // Pressed during a replay: it reads Pause, since training will run.
    [replayingThenPlay, 'Pause'],
  ])('labels the Play button in %j: %s', (mode, label) => {
    expect(playLabel(mode)).toBe(label);
  });
});

describe('the explorer’s transitions, in any order', () => {
  const actions: fc.Arbitrary<Action> = fc.oneof(
    fc.constantFrom<Action>(
      play,
      step,
      reset,
      restart,
      replayed,
      { type: 'open' },
      { type: 'diverged' },
      { type: 'lastEpoch' },
      { type: 'copy' },
      { type: 'cursor' },
      { type: 'redraw' },
      { type: 'rate', config },
    ),
    fc.record({
      type: fc.constant('addPoint' as const),
      x0: fc.double({ min: -2, max: 2, noNaN: true }),
      x1: fc.double({ min: -2, max: 2, noNaN: true }),
    }),
  );

  it('run the training loop exactly while playing and a replay exactly while replaying; nothing reads the network mid-replay', () => {
    fc.assert(
      fc.property(fc.array(actions, { maxLength: 40 }), (sequence) => {
        // What the widget would have running, from the effects alone.
        let mode: Mode = PAUSED;
        let loop = false;
        let replay = false;
        for (const action of sequence) {
          // The widget reports a replay's end only when one ran to its end, and the loop's
          // stops only from the loop.
          if (action.type === 'replayed') {
            if (!replay) continue;
            replay = false;
          }
          if ((action.type === 'diverged' || action.type === 'lastEpoch') && !loop) continue;
          const next = transition(mode, action);
          for (const effect of next.effects) {
            switch (effect.type) {
              case 'startLoop':
                expect(loop).toBe(false);
                loop = true;
                break;
              case 'stopLoop':
                expect(loop).toBe(true);
                loop = false;
                break;
              case 'replay':
                expect(replay).toBe(false);
                replay = true;
                break;
              case 'stopReplay':
                expect(replay).toBe(true);
                replay = false;
                break;
              case 'train':
              case 'settle':
              case 'publish':
              case 'draw':
              case 'showFigures':
              case 'describeCursor':
              case 'addPoint':
                // These read or change the trained network, which a replay is still making.
                expect(replay).toBe(false);
            }
          }
          mode = next.mode;
          expect(loop).toBe(mode.kind === 'playing');
          expect(replay).toBe(mode.kind === 'replaying');
        }
      }),
      { numRuns: 500 },
    );
  });
});

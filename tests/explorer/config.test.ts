import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeConfig, encodeConfig, LIMITS, quoteLinkText, type ExplorerConfig } from '../../src/explorer/config';

const defaults: ExplorerConfig = {
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

describe('explorer set-up in a link', () => {
  it('round-trips every field', () => {
    const config: ExplorerConfig = {
      data: 'moons',
      points: 500,
      classes: 2,
      seed: 42,
      layers: [8, 8],
      activation: 'relu',
      learningRate: 0.03,
      rateChanges: [
        { epoch: 100, rate: 0.3 },
        { epoch: 180, rate: 0.01 },
      ],
      epoch: 250,
      added: [
        { x0: 0.41, x1: -0.2, label: 1, epoch: 0 },
        { x0: -1, x1: 1.5, label: 0, epoch: 120 },
      ],
    };
    expect(encodeConfig(config)).toBe(
      'data:moons;n:500;seed:42;layers:8,8;act:relu;lr:0.03,0.3@100,0.01@180;epoch:250;add:0.41_-0.2_1,-1_1.5_0@120',
    );
    expect(decodeConfig(encodeConfig(config), defaults)).toEqual({ config, problems: [] });
  });

  it('encodes no hidden layer as 0 and reads it back', () => {
    const config = { ...defaults, layers: [] };
    expect(decodeConfig(encodeConfig(config), defaults).config.layers).toEqual([]);
  });

  it('keeps the defaults for what it cannot use and names each problem', () => {
    const { config, problems } = decodeConfig(
      'data:<script>;layers:99;lr:1e9;seed:-1;act:swish;epoch:1.5;n:3;add:1_2_7,x_y_1,0.5_0.5_0',
      defaults,
    );
    expect(config).toEqual({ ...defaults, added: [{ x0: 0.5, x1: 0.5, label: 0, epoch: 0 }] });
    expect(problems).toHaveLength(8);
    expect(problems.join(' ')).toContain('"<script>"');
  });

  it('refuses empty numbers, rate changes out of order, and a data set the explorer does not offer', () => {
    const { config, problems } = decodeConfig('seed:;epoch:;lr:0.1@5,0.2@3;data:moons', defaults, ['xor', 'circles']);
    expect(config).toEqual(defaults);
    expect(problems).toHaveLength(4);
  });

  it("says that a value which is not a set-up at all is not one, quoting it, and keeps the lesson's setting", () => {
    for (const text of ['<script>alert(1)</script>', 'hello', 'epochs', '<img src=x onerror=alert(1)>;;']) {
      const { config, problems } = decodeConfig(text, defaults);
      expect(config).toEqual(defaults);
      expect(problems, text).toHaveLength(1);
      expect(problems[0]).toContain(quoteLinkText(text));
      expect(problems[0]).toContain('is not one: it should read like data:xor;layers:4;epoch:120');
    }
    expect(decodeConfig('', defaults)).toEqual({ config: defaults, problems: [] });
  });

  it('names an unknown data set and the ones there are, and still uses the rest of the link', () => {
    const { config, problems } = decodeConfig('data:nope;epoch:300', defaults);
    expect(config).toEqual({ ...defaults, epoch: 300 });
    expect(problems).toEqual([
      `The link's data set "nope" is not one of separable, xor, circles, moons, spiral; the lesson's setting is kept.`,
    ]);
    expect(decodeConfig('data:moons', defaults, ['xor', 'circles']).problems).toEqual([
      `The link's data set "moons" is not offered by this explorer (xor, circles); the lesson's setting is kept.`,
    ]);
  });

  it('names parts that are not settings and settings it does not know, and uses the others', () => {
    const { config, problems } = decodeConfig('data:moons;colour:red;hello;seed:7', defaults);
    expect(config).toEqual({ ...defaults, data: 'moons', seed: 7 });
    expect(problems).toEqual([
      `The link's setting "colour" is not one this explorer knows (data, n, seed, layers, act, lr, epoch, add); it is left out.`,
      `The link's part "hello" is not a setting (key:value); it is left out.`,
    ]);
  });

  it('names the first unreadable added point and how many are left out', () => {
    expect(decodeConfig('add:1_2_7,x_y_1,0.5_0.5_0', defaults).problems).toEqual([
      `The link's added point "1_2_7" is not x_y_class within ±5 with a class below 2; 2 such points are left out.`,
    ]);
    expect(decodeConfig('add:0.5_0.5_1,bad', defaults).problems).toEqual([
      `The link's added point "bad" is not x_y_class within ±5 with a class below 2; it is left out.`,
    ]);
  });

  it('says when it reads only the first parts of a long link', () => {
    const { config, problems } = decodeConfig(Array.from({ length: 30 }, (_, i) => `seed:${i}`).join(';'), defaults);
    expect(config.seed).toBe(19);
    expect(problems).toEqual(['The link has 30 parts; only the first 20 are read.']);
  });

  it('quotes link text short, with control and direction characters made visible', () => {
    expect(quoteLinkText('nope')).toBe('"nope"');
    expect(quoteLinkText('a'.repeat(50))).toBe(`"${'a'.repeat(40)}…"`);
    expect(quoteLinkText('x\u202Egnp.exe\ny')).toBe('"x\uFFFDgnp.exe\uFFFDy"');
    // A character outside the basic plane is never cut in half.
    expect(quoteLinkText('😀'.repeat(41))).toBe(`"${'😀'.repeat(40)}…"`);
  });

  it('caps the added points', () => {
    const many = Array.from({ length: LIMITS.addedPoints + 10 }, () => '0_0_1').join(',');
    const { config, problems } = decodeConfig(`add:${many}`, defaults);
    expect(config.added).toHaveLength(LIMITS.addedPoints);
    expect(problems).toEqual([`At most ${LIMITS.addedPoints} added points are kept.`]);
  });

  it('never throws and always gives a usable set-up', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { config } = decodeConfig(text, defaults);
        expect(config.layers.length).toBeLessThanOrEqual(LIMITS.layers);
        expect(config.learningRate).toBeGreaterThanOrEqual(LIMITS.learningRate[0]);
        expect(config.added.every((p) => p.label < config.classes)).toBe(true);
      }),
    );
  });
});

import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/explorer/build/png';
import { staticFrame } from '../../src/explorer/build/staticFrame';
import type { ExplorerConfig } from '../../src/explorer/config';
import { addedRings, fromPixel, lossPolyline, lossTop, pointPaths, toPixel } from '../../src/explorer/frame';
import { heatmapBuffers, paintHeatmap } from '../../src/explorer/heatmap';
import { parametersJson, Replay, trainedNetwork, trainingData } from '../../src/explorer/model';
import { createNetwork } from '../../src/explorer/engine/network';

const xor: ExplorerConfig = {
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

describe('explorer model', () => {
  it('puts the student’s points after the generated ones, in X (2, m) row-major', () => {
    const data = trainingData({ ...xor, added: [{ x0: 0.25, x1: -0.5, label: 1, epoch: 0 }] });
    expect(data.m).toBe(201);
    expect([data.X[200], data.X[401], data.labels[200]]).toEqual([0.25, -0.5, 1]);
  });

  it('is deterministic: the same set-up trains to the same network', () => {
    const a = trainedNetwork({ ...xor, epoch: 50 });
    const b = trainedNetwork({ ...xor, epoch: 50 });
    expect(a.epoch).toBe(50);
    expect(a.loss()).toBe(b.loss());
  });

  it('learns XOR with one hidden layer of four tanh units, but not without one', () => {
    expect(trainedNetwork({ ...xor, epoch: 400 }).accuracy()).toBeGreaterThan(0.95);
    expect(trainedNetwork({ ...xor, layers: [], epoch: 400 }).accuracy()).toBeLessThan(0.7);
  });

  it('replays a recorded training exactly: a rate changed and a point added on the way', () => {
    // By hand: 100 epochs at rate 1, a point joins, 50 more at rate 0.1.
    const live = createNetwork({ sizes: [2, 4, 1], activation: 'tanh', output: 'sigmoid', seed: 1 });
    const before = trainingData(xor);
    live.setData(before.X, before.labels);
    live.train(1, 100);
    const withPoint = { ...xor, added: [{ x0: 0.5, x1: 0.5, label: 1, epoch: 100 }] };
    const after = trainingData(withPoint);
    live.setData(after.X, after.labels);
    live.train(0.1, 50);
    const replayed = trainedNetwork({ ...withPoint, rateChanges: [{ epoch: 100, rate: 0.1 }], epoch: 150 });
    expect(parametersJson(replayed)).toBe(parametersJson(live));
    expect(replayed.m).toBe(201);
  });

  it('replays in slices that stop at a deadline and carry on where they stopped', () => {
    let clock = 0;
    const replay = new Replay({ ...xor, epoch: 64 });
    expect(replay.advance(0, () => (clock += 1))).toBe(false);
    expect(replay.network.epoch).toBe(16);
    expect(replay.advance()).toBe(true);
    expect(replay.network.epoch).toBe(64);
    expect(replay.costs).toHaveLength(64);
    expect(parametersJson(replay.network)).toBe(parametersJson(trainedNetwork({ ...xor, epoch: 64 })));
  });

  it('three spiral classes use a softmax output with three units', () => {
    const network = trainedNetwork({
      ...xor,
      data: 'spiral',
      classes: 3,
      layers: [16, 16],
      activation: 'relu',
      learningRate: 0.5,
      points: 300,
      epoch: 10,
    });
    expect(network.sizes).toEqual([2, 16, 16, 3]);
    expect(network.output).toBe('softmax');
  });

  it('paints the heatmap top row first, tinted towards the predicted class', () => {
    const network = trainedNetwork({ ...xor, epoch: 400 });
    const view = { x0: [-1, 1] as const, x1: [-1, 1] as const };
    const buffers = heatmapBuffers(10, 2);
    paintHeatmap(network, view, 2, buffers);
    // Top-left (x0 = −1, x1 = 1) is XOR class 1 (blue); top-right is class 0 (orange).
    expect([buffers.pixels[0], buffers.pixels[2]]).toEqual([0x00, 0xb2]);
    expect([buffers.pixels[4 * 9], buffers.pixels[4 * 9 + 2]]).toEqual([0xd5, 0x00]);
  });
});

describe('explorer geometry', () => {
  it('maps data to pixels and back, with x1 upwards', () => {
    const view = { x0: [-2, 2] as const, x1: [-1, 1] as const };
    expect(toPixel(view, 400, 200, 0, 1)).toEqual([200, 0]);
    expect(fromPixel(view, 400, 200, 100, 150)).toEqual([-1, -0.5]);
  });

  it('draws one path per class and a cost curve of at most the samples asked for', () => {
    const data = trainingData(xor);
    const paths = pointPaths(data, 2, { x0: [-1.6, 1.6], x1: [-1.6, 1.6] }, 400, 400, data.m);
    expect(paths).toHaveLength(2);
    expect(paths.every((d) => d.split('Z').length - 1 === 100)).toBe(true);
    const line = lossPolyline([4, 3, 2, 1, 0.5], 5, 100, 40).split(' ');
    expect(line[0]).toBe('0.0,0.0');
    expect(line.at(-1)).toBe('100.0,35.0');
    expect(lossPolyline(new Float64Array(10_000).fill(1), 10_000, 100, 40, 200).split(' ').length).toBeLessThanOrEqual(
      201,
    );
  });
});

describe('what marks the cost curve and added points', () => {
  it('labels the curve from 0 to its largest finite cost', () => {
    expect(lossTop([0.7, 0.5, Number.NaN, 0.9, Number.POSITIVE_INFINITY], 5)).toBe(0.9);
    expect(lossTop([], 0)).toBe(1);
  });

  it('rings every point the student added, and no other', () => {
    const config = {
      ...xor,
      added: [
        { x0: 0.5, x1: 0.5, label: 1, epoch: 0 },
        { x0: -1, x1: 1, label: 0, epoch: 3 },
      ],
    };
    const data = trainingData(config);
    const view = { x0: [-1.6, 1.6], x1: [-1.6, 1.6] } as const;
    const rings = addedRings(data, view, 400, 400, data.m - config.added.length);
    expect(rings.split('Z').length - 1).toBe(2);
    // Centred on the first added point: 0.5, 0.5 is at (262.5, 137.5).
    const [x, y] = toPixel(view, 400, 400, 0.5, 0.5);
    const r = (400 / 110) * 2.4;
    expect(rings.startsWith(`M${(x - r).toFixed(1)} ${y.toFixed(1)}`)).toBe(true);
    expect(addedRings(trainingData(xor), view, 400, 400, trainingData(xor).m)).toBe('');
  });
});

describe('static first frame', () => {
  it('is a valid RGBA PNG of the heatmap, with the figures of the trained network', () => {
    const frame = staticFrame({ ...xor, epoch: 300 });
    const png = Buffer.from(frame.heatmapUrl.replace('data:image/png;base64,', ''), 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([64, 64, 8, 6]);
    expect(frame.epoch).toBe(300);
    expect(Number(frame.accuracy.replace('%', ''))).toBeGreaterThan(95);
    expect(frame.lossPoints.split(' ').length).toBeGreaterThan(100);
  });

  it('encodes pixels losslessly', () => {
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 9, 9, 9, 9]);
    const png = encodePng(2, 2, rgba);
    const idatLength = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...raw]).toEqual([0, ...rgba.slice(0, 8), 0, ...rgba.slice(8)]);
  });
});

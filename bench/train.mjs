// Benchmark of the training explorer's engine, src/explorer/engine/ (prints figures; asserts nothing):
//   1. one 100×100 decision-boundary evaluation of a 2-8-8-1 network, ReLU and tanh (median, ms);
//   2. training a 2-8-8-1 tanh network on 500 points, ms per epoch, against TensorFlow.js's CPU
//      backend doing the same full-batch gradient descent from the same initial weights;
//   3. heap growth over 10,000 steps, after garbage collection (should be about 0).
//
// Run after `npm install`:  node bench/train.mjs   (npx node … for the node pinned in package.json)
// Timings move with load: on a shared two-core machine, run it while nothing else does.
// How it loads TypeScript: esbuild (installed with Vite) bundles src/ml/index.ts and the engine's
// createNetwork in memory into one ES module, which is imported from a data: URL, so no file is written; TensorFlow.js likewise. (Node's own type stripping
// cannot load src/ml, whose imports have no .ts extensions.) The script runs itself again with
// --expose-gc when it was started without it, for the heap figure.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

if (typeof globalThis.gc !== 'function') {
  const { status } = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url)], { stdio: 'inherit' });
  process.exit(status ?? 1);
}

const bundle = await build({
  stdin: {
    contents: "export * from './src/ml/index.ts'; export { createNetwork } from './src/explorer/engine/network.ts';",
    resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
});
const importModule = (result) =>
  import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].contents).toString('base64')}`);
const ml = await importModule(bundle);
const { createNetwork, circles, xor, mulberry32 } = ml;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (run) => {
  const t = performance.now();
  run();
  return performance.now() - t;
};
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}`);

// 1. Decision boundary: 100×100 grid over [−1.5, 1.5]², networks trained on circles first so the
// weights are those a student would see.
const data = circles(500, mulberry32(7));
const grid = new Float64Array(100 * 100);
const classes = new Uint8Array(100 * 100);
console.log('\n1. evaluateGrid, 100×100, 2-8-8-1, median of 500 runs after 100 warm-up runs');
for (const activation of ['relu', 'tanh']) {
  const net = createNetwork({ sizes: [2, 8, 8, 1], activation, output: 'sigmoid', seed: 1 });
  net.setData(data.X, data.Y);
  net.train(activation === 'relu' ? 0.1 : 0.3, 1000);
  const run = () => net.evaluateGrid(grid, -1.5, 1.5, -1.5, 1.5, 100, 100);
  for (let i = 0; i < 100; i++) run();
  const times = Array.from({ length: 500 }, () => time(run));
  const withClasses = median(
    Array.from({ length: 500 }, () => time(() => net.evaluateGrid(grid, -1.5, 1.5, -1.5, 1.5, 100, 100, classes))),
  );
  // The grid computes tanh as 1 − 2/(e^{2z} + 1); predict uses Math.tanh, as training does.
  let worst = 0;
  for (let r = 0; r < 100; r++) {
    for (let k = 0; k < 100; k++) {
      const p = net.predict(-1.5 + (k * 3) / 99, -1.5 + (r * 3) / 99);
      worst = Math.max(worst, Math.abs(p - grid[r * 100 + k]));
    }
  }
  // For scale: the same grid point by point with Math.tanh, the straightforward loop.
  const p = net.parameters();
  const plain = new Float64Array(100 * 100);
  const h1 = new Float64Array(8);
  const h2 = new Float64Array(8);
  const g = activation === 'relu' ? (z) => (z >= 0 ? z : 0) : Math.tanh;
  const plainRun = () => {
    for (let r = 0; r < 100; r++) {
      for (let k = 0; k < 100; k++) {
        const x0 = -1.5 + (k * 3) / 99;
        const x1 = -1.5 + (r * 3) / 99;
        for (let i = 0; i < 8; i++) h1[i] = g(p.W1.data[2 * i] * x0 + p.W1.data[2 * i + 1] * x1 + p.b1.data[i]);
        for (let i = 0; i < 8; i++) {
          let z = p.b2.data[i];
          for (let q = 0; q < 8; q++) z += p.W2.data[8 * i + q] * h1[q];
          h2[i] = g(z);
        }
        let z = p.b3.data[0];
        for (let q = 0; q < 8; q++) z += p.W3.data[q] * h2[q];
        plain[r * 100 + k] = 1 / (1 + Math.exp(-z));
      }
    }
  };
  for (let i = 0; i < 50; i++) plainRun();
  const plainMs = median(Array.from({ length: 200 }, () => time(plainRun)));
  let plainWorst = 0;
  for (let q = 0; q < plain.length; q++) plainWorst = Math.max(plainWorst, Math.abs(plain[q] - grid[q]));
  console.log(
    `  ${activation.padEnd(5)} ${median(times).toFixed(3)} ms (p10 ${[...times].sort((a, b) => a - b)[50].toFixed(3)}, ` +
      `with classes ${withClasses.toFixed(3)} ms); max |grid − predict| = ${worst.toExponential(1)}`,
  );
  console.log(
    `        point by point with ${activation === 'relu' ? 'a ReLU closure' : 'Math.tanh'}: ${plainMs.toFixed(3)} ms; max |grid − it| = ${plainWorst.toExponential(1)}`,
  );
}

// 2. Training speed against TensorFlow.js (CPU backend, float32).
const EPOCHS = 2000;
// Each timing is the median of ROUNDS runs of EPOCHS epochs from the same initial weights.
const ROUNDS = 3;
const rounds = (run, restart) =>
  median(
    Array.from({ length: ROUNDS }, () => {
      restart();
      return time(run);
    }),
  );
const RATE = 0.5;
const m = 500;
const trainSet = xor(m, mulberry32(11));
console.log(
  `\n2. training 2-8-8-1 tanh + sigmoid, XOR with m = ${m}, full-batch GD, learning rate ${RATE}, ${EPOCHS} epochs (median of ${ROUNDS} runs)`,
);
const net = createNetwork({ sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', seed: 3 });
net.setData(trainSet.X, trainSet.Y);
const initial = net.parameters();
net.train(RATE, 200); // warm-up, then back to the same initial weights
net.reset();
const initialLoss = net.loss();
const oursMs = rounds(
  () => net.train(RATE, EPOCHS),
  () => net.reset(),
);
const oursLoss = net.loss();
const oursAccuracy = net.accuracy();
console.log(
  `  ${'network.ts'.padEnd(15)}${(oursMs / EPOCHS).toFixed(4)} ms/epoch   loss ${initialLoss.toFixed(6)} → ${oursLoss.toFixed(6)}, accuracy ${(oursAccuracy * 100).toFixed(1)}%`,
);

// TensorFlow.js: core with its gradients (the Node entry point leaves them out) and the CPU
// backend, bundled from their ES modules so that all three share one engine.
let tf;
try {
  const tfBundle = await build({
    stdin: {
      contents:
        "export * from '@tensorflow/tfjs-core'; import '@tensorflow/tfjs-core/dist/register_all_gradients'; import '@tensorflow/tfjs-backend-cpu';",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    // The CommonJS dependencies inside (long, seedrandom) call require.
    banner: {
      js: `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(fileURLToPath(import.meta.url))});`,
    },
  });
  tf = await importModule(tfBundle);
} catch (error) {
  console.log(
    `  TensorFlow.js: could not load @tensorflow/tfjs-core and @tensorflow/tfjs-backend-cpu (${String(error.message).split('\n')[0]}); run npm install`,
  );
}
if (tf) {
  await tf.setBackend('cpu');
  await tf.ready();
  tf.backend().firstUse = false; // silences the advice to install tfjs-node, which is not the point here
  const tensor = (M) => tf.tensor2d(Float32Array.from(M.data), [M.rows, M.cols], 'float32');
  const X = tensor(trainSet.X);
  const Y = tensor(trainSet.Y);
  const names = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'];
  const v = Object.fromEntries(
    names.map((name) => [name, tf.tidy(() => tf.variable(tensor(initial[name]), true, name))]),
  );
  const resetVariables = () =>
    names.forEach((name) => {
      const value = tensor(initial[name]);
      v[name].assign(value);
      value.dispose();
    });
  // Same convention: Z[l] = W[l] A[l−1] + b[l], one example per column.
  const forward = () => {
    const A1 = tf.tanh(tf.add(tf.matMul(v.W1, X), v.b1));
    const A2 = tf.tanh(tf.add(tf.matMul(v.W2, A1), v.b2));
    return { A1, A2, Z3: tf.add(tf.matMul(v.W3, A2), v.b3) };
  };
  // tf's binary cross-entropy from the logits, whose gradient is the same (1/m)(A − Y).
  const cost = () => tf.losses.sigmoidCrossEntropy(Y, forward().Z3);
  const lossOf = () => tf.tidy(() => cost().dataSync()[0]);

  // (a) As TensorFlow.js is usually used: autodiff and an SGD optimizer.
  const optimizer = tf.train.sgd(RATE);
  const autodiffEpoch = () => tf.dispose(optimizer.minimize(cost, false));
  // (b) The same backpropagation as network.ts, written with tf ops.
  const invM = 1 / m;
  const manualEpoch = () =>
    tf.tidy(() => {
      const { A1, A2, Z3 } = forward();
      const dZ3 = tf.sub(tf.sigmoid(Z3), Y);
      const dZ2 = tf.mul(tf.matMul(v.W3, dZ3, true, false), tf.sub(1, tf.square(A2)));
      const dZ1 = tf.mul(tf.matMul(v.W2, dZ2, true, false), tf.sub(1, tf.square(A1)));
      const grads = {
        W3: tf.matMul(dZ3, A2, false, true),
        b3: tf.sum(dZ3, 1, true),
        W2: tf.matMul(dZ2, A1, false, true),
        b2: tf.sum(dZ2, 1, true),
        W1: tf.matMul(dZ1, X, false, true),
        b1: tf.sum(dZ1, 1, true),
      };
      for (const name of names) v[name].assign(tf.sub(v[name], tf.mul(RATE * invM, grads[name])));
    });
  for (const [label, epoch] of [
    ['tfjs autodiff', autodiffEpoch],
    ['tfjs manual', manualEpoch],
  ]) {
    for (let i = 0; i < 200; i++) epoch();
    resetVariables();
    const before = lossOf();
    const ms = rounds(() => {
      for (let i = 0; i < EPOCHS; i++) epoch();
    }, resetVariables);
    const after = lossOf();
    resetVariables();
    console.log(
      `  ${label.padEnd(15)}${(ms / EPOCHS).toFixed(4)} ms/epoch   loss ${before.toFixed(6)} → ${after.toFixed(6)}` +
        `   ${(ms / oursMs).toFixed(1)}× network.ts's time; final loss differs by ${Math.abs(after - oursLoss).toExponential(1)}`,
    );
  }
  console.log(
    `  (tfjs-core ${tf.version_core}, backend ${tf.getBackend()}, float32; tensors alive at the end: ${tf.memory().numTensors})`,
  );
}

// 3. Heap growth over 10,000 steps, and over 1,000 grid evaluations.
console.log('\n3. heap growth (heapUsed after gc)');
const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const heapNet = createNetwork({ sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', seed: 5 });
heapNet.setData(trainSet.X, trainSet.Y);
// Allocation shows as heapUsed growth between collections; a step should make none at all. A
// number returned to code V8 has not optimised (this loop) is boxed, 16 bytes: step() returns J,
// train() runs its epochs without returning each.
const growth = (label, run) => {
  run(); // once first, so that compiled code and type feedback are not counted
  const before = heap();
  run();
  const beforeGc = process.memoryUsage().heapUsed - before;
  console.log(`  ${label.padEnd(26)}${heap() - before} bytes (before gc: ${beforeGc} bytes)`);
};
growth('10,000 × step():', () => {
  for (let i = 0; i < 10_000; i++) heapNet.step(0.1);
});
growth('train(0.1, 10,000):', () => heapNet.train(0.1, 10_000));
growth('1,000 × evaluateGrid():', () => {
  for (let i = 0; i < 1_000; i++) heapNet.evaluateGrid(grid, -1.5, 1.5, -1.5, 1.5, 100, 100, classes);
});

// TensorFlow.js 4.22 wasm (SIMD; one thread in Node) on the models and sizes of `lfr bench engine`.
// Usage: node peer-bench.js [--model NAME ...] [--batch B ...] [--runs N] [--json FILE] [--compare ENGINE.json]
// --compare prints the engine's figures (from `lfr bench engine --json`) beside the peer's, with the speed-up ratio.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const HEADS = [0, 1, 2].flatMap((i) => [`prediction_layers/class_predictor_${i}/BiasAdd`, `prediction_layers/box_encoding_predictor_${i}/BiasAdd`]);
const CASES = [
  { model: 'faceboxes', h: 1088, w: 1920, batchOne: true, outputs: HEADS, dtype: 'int32' },
  { model: 'mobilefacenet', h: 112, w: 112, outputs: ['embeddings'], low: -1, high: 1 },
  { model: 'faceres', h: 224, w: 224, outputs: ['global_pooling/Mean'], low: 0, high: 1 },
  { model: 'faceapi-face_recognition', h: 150, w: 150, faceapi: true },
  { model: 'mobileface', h: 112, w: 112, outputs: ['batchnorm0/add_1'] },
  { model: 'faceres-deep', h: 224, w: 224, outputs: ['global_pooling/Mean'], low: 0, high: 1, extra: true },
  { model: 'blazeface-back', h: 256, w: 256, batchOne: true, outputs: ['Identity', 'Identity_1', 'Identity_2', 'Identity_3'], low: -1, high: 1, extra: true },
  { model: 'facemesh-detection-full', h: 192, w: 192, outputs: ['Identity', 'Identity_1'], low: -1, high: 1, extra: true },
];

function args() {
  const a = { model: [], batch: [], runs: 20, warmup: 5, json: null, compare: null };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--model') { a.model.push(v); i++; } else if (k === '--batch') { a.batch.push(Number(v)); i++; } else if (k === '--runs') { a.runs = Math.max(20, Number(v)); i++; } else if (k === '--json') { a.json = v; i++; } else if (k === '--compare') { a.compare = v; i++; } else { throw new Error(`unknown argument ${k}`); }
  }
  return a;
}

function modelsDir() {
  if (process.env.OPENLFR_MODELS) return process.env.OPENLFR_MODELS;
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'openlfr', 'models');
}

function loadWeights(manifest, dir) {
  const specs = [];
  const buffers = [];
  for (const group of manifest) {
    for (const p of group.paths) buffers.push(fs.readFileSync(path.join(dir, p)));
    specs.push(...group.weights);
  }
  const all = Buffer.concat(buffers);
  return { specs, data: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) };
}

function randomInput(tf, c, batch) {
  const n = batch * c.h * c.w * 3;
  const low = c.low ?? 0;
  const high = c.high ?? 255;
  let seed = 42;
  const values = c.dtype === 'int32' ? new Int32Array(n) : new Float32Array(n);
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const v = low + (seed / 2147483648) * (high - low);
    values[i] = c.dtype === 'int32' ? Math.floor(v) : v;
  }
  return tf.tensor(values, [batch, c.h, c.w, 3], c.dtype || 'float32');
}

async function buildRunner(tf, faceapi, c, batch) {
  const dir = path.join(modelsDir(), c.model);
  const input = randomInput(tf, c, batch);
  if (c.faceapi) {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'face_recognition_model-weights_manifest.json'), 'utf8'));
    const { specs, data } = loadWeights(manifest, dir);
    const net = new faceapi.FaceRecognitionNet();
    net.loadFromWeightMap(tf.io.decodeWeights(data, specs));
    const netInput = new faceapi.NetInput(tf.unstack(input), true);
    return async () => { const out = net.forwardInput(netInput); await out.data(); out.dispose(); };
  }
  const json = JSON.parse(fs.readFileSync(path.join(dir, `${c.model}.json`), 'utf8'));
  const { specs, data } = loadWeights(json.weightsManifest, dir);
  const model = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: specs, weightData: data, format: json.format,
    generatedBy: json.generatedBy, convertedBy: json.convertedBy, signature: json.signature,
  }));
  const inputName = model.inputs[0].name;
  return async () => {
    const out = model.execute({ [inputName]: input }, c.outputs);
    const list = Array.isArray(out) ? out : [out];
    await Promise.all(list.map((t) => t.data()));
    list.forEach((t) => t.dispose());
  };
}

async function main() {
  const a = args();
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
  const tf = faceapi.tf;
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '/'));
  await tf.setBackend('wasm');
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  console.log(`TensorFlow.js ${tf.version.tfjs} backend ${tf.getBackend()} SIMD ${simd} multithread ${threads}`);
  const names = a.model.length ? a.model : CASES.filter((c) => !c.extra).map((c) => c.model);
  const batches = a.batch.length ? a.batch : [1, 8];
  const results = [];
  console.log(`${'model'.padEnd(26)} ${'input'.padEnd(10)} ${'batch'.padStart(5)} ${'median ms'.padStart(10)} ${'min ms'.padStart(9)}`);
  for (const c of CASES.filter((x) => names.includes(x.model))) {
    for (const batch of batches.filter((b) => b === 1 || !c.batchOne || a.batch.length)) {
      const run = await buildRunner(tf, faceapi, c, batch);
      for (let i = 0; i < a.warmup; i++) await run();
      const times = [];
      for (let i = 0; i < a.runs; i++) {
        const t0 = process.hrtime.bigint();
        await run();
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      times.sort((x, y) => x - y);
      const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
      const r = { model: c.model, input: `${c.w}x${c.h}`, batch, threads: 1, median_ms: +median.toFixed(3), min_ms: +times[0].toFixed(3), backend: 'tfjs-wasm-simd' };
      results.push(r);
      console.log(`${r.model.padEnd(26)} ${r.input.padEnd(10)} ${String(batch).padStart(5)} ${r.median_ms.toFixed(2).padStart(10)} ${r.min_ms.toFixed(2).padStart(9)}`);
    }
  }
  if (a.json) fs.writeFileSync(a.json, JSON.stringify(results, null, 2));
  if (a.compare) {
    const ours = JSON.parse(fs.readFileSync(a.compare, 'utf8'));
    console.log('\nSide by side (ratio = tfjs-wasm median / OpenLFR median; higher is better for OpenLFR)');
    console.log(`${'model'.padEnd(26)} ${'input'.padEnd(10)} ${'batch'.padStart(5)} ${'thr'.padStart(3)} ${'OpenLFR ms'.padStart(11)} ${'tfjs-wasm ms'.padStart(13)} ${'ratio'.padStart(6)} ${'GMAC/s'.padStart(7)}`);
    for (const o of ours) {
      const p = results.find((r) => r.model === o.model && r.batch === o.batch);
      if (!p) continue;
      const ratio = p.median_ms / o.median_ms;
      console.log(`${o.model.padEnd(26)} ${o.input.padEnd(10)} ${String(o.batch).padStart(5)} ${String(o.threads).padStart(3)} ${o.median_ms.toFixed(2).padStart(11)} ${p.median_ms.toFixed(2).padStart(13)} ${ratio.toFixed(2).padStart(6)} ${String(o.gmacs).padStart(7)}`);
    }
  }
}

main().catch((e) => { console.error(e && e.stack ? e.stack : String(e)); process.exit(1); });

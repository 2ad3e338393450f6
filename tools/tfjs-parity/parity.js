// Reference outputs from TensorFlow.js (cpu backend) for OpenLFR's engine parity tests.
// Usage: node parity.js job.json
// job.json: { "kind": "graph" | "faceapi-recognition" | "faceapi-landmark68",
//             "model": "/path/model.json or weights manifest", "inputName": "input", "inputDtype": "float32" | "int32",
//             "inputFile": "raw little-endian float32", "inputShape": [n,h,w,c], "outputs": ["node", ...], "outDir": "/dir" }
// Writes outDir/<i>.f32 (raw float32) per output and outDir/result.json { outputs: [{ name, shape, file }] }.
'use strict';
const fs = require('fs');
const path = require('path');

const SCRIPT_VERSION = 1;

function readInput(job) {
  const bytes = fs.readFileSync(job.inputFile);
  const data = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return Float32Array.from(data);
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

async function runGraph(tf, job) {
  const json = JSON.parse(fs.readFileSync(job.model, 'utf8'));
  const { specs, data } = loadWeights(json.weightsManifest, path.dirname(job.model));
  const model = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: specs, weightData: data, format: json.format,
    generatedBy: json.generatedBy, convertedBy: json.convertedBy, signature: json.signature,
    userDefinedMetadata: json.userDefinedMetadata,
  }));
  const values = readInput(job);
  const input = job.inputDtype === 'int32'
    ? tf.tensor(Int32Array.from(values, (v) => Math.round(v)), job.inputShape, 'int32')
    : tf.tensor(values, job.inputShape, 'float32');
  const feeds = { [job.inputName]: input };
  let result;
  try {
    result = model.execute(feeds, job.outputs);
  } catch (e) {
    result = await model.executeAsync(feeds, job.outputs);
  }
  return Array.isArray(result) ? result : [result];
}

async function runFaceApi(tf, job) {
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
  const manifest = JSON.parse(fs.readFileSync(job.model, 'utf8'));
  const { specs, data } = loadWeights(manifest, path.dirname(job.model));
  const weightMap = faceapi.tf.io.decodeWeights(data, specs);
  const net = job.kind === 'faceapi-recognition' ? new faceapi.FaceRecognitionNet() : new faceapi.FaceLandmark68Net();
  net.loadFromWeightMap(weightMap);
  const values = readInput(job);
  const ftf = faceapi.tf;
  const input = ftf.tensor(values, job.inputShape, 'float32');
  // face-api's own forward pass on an already-sized batch (150x150 for recognition, 112x112 for landmarks).
  const out = ftf.tidy(() => {
    const batch = new faceapi.NetInput(ftf.unstack(input).map((t) => t), true);
    return net.forwardInput(batch);
  });
  return [out];
}

async function main() {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  let tf;
  if (job.kind === 'graph') {
    tf = require('@tensorflow/tfjs');
    require('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
  } else {
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
    tf = faceapi.tf;
    await tf.setBackend('cpu');
  }
  await tf.ready();
  const tensors = job.kind === 'graph' ? await runGraph(tf, job) : await runFaceApi(tf, job);
  fs.mkdirSync(job.outDir, { recursive: true });
  const outputs = [];
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i];
    const values = Float32Array.from(await t.data());
    const file = path.join(job.outDir, `${i}.f32`);
    fs.writeFileSync(file, Buffer.from(values.buffer));
    outputs.push({ name: (job.outputs || [])[i] || `output${i}`, shape: t.shape, file });
  }
  fs.writeFileSync(path.join(job.outDir, 'result.json'), JSON.stringify({ scriptVersion: SCRIPT_VERSION, backend: tf.getBackend(), outputs }));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});

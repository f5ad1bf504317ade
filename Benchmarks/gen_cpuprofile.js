// Writes a large synthetic .cpuprofile (and the same samples as folded
// stacks) for timing the Chrome importer:
//   node Benchmarks/gen_cpuprofile.js OUT.cpuprofile [SAMPLES] [NODES] [OUT.folded]
// Nodes form a random tree (each node's parent an earlier node, later ones
// likelier, so stacks are about 20 frames deep); samples pick nodes with a
// skewed distribution. Seeded: the same arguments give the same file.
"use strict";
const fs = require("fs");
const [out, samplesArg, nodesArg, foldedOut] = process.argv.slice(2);
const sampleCount = Number(samplesArg || 1000000);
const nodeCount = Number(nodesArg || 20000);

let seed = 42;
function random() {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const nodes = [{ id: 1, callFrame: { functionName: "(root)", scriptId: "0", url: "", lineNumber: -1, columnNumber: -1 }, hitCount: 0, children: [] }];
const parents = [-1];
for (let index = 1; index < nodeCount; index++) {
  const parent = Math.floor(Math.sqrt(random()) * index);
  const file = Math.floor(random() * 200);
  nodes.push({
    id: index + 1,
    callFrame: {
      functionName: index % 17 === 0 ? "" : `function${Math.floor(random() * 5000)}`,
      scriptId: String(file + 10),
      url: `file:///srv/app/lib/module${file}.js`,
      lineNumber: Math.floor(random() * 2000),
      columnNumber: Math.floor(random() * 80),
    },
    hitCount: 0,
    children: [],
  });
  parents.push(parent);
  nodes[parent].children.push(index + 1);
}
const samples = new Array(sampleCount);
const timeDeltas = new Array(sampleCount);
for (let index = 0; index < sampleCount; index++) {
  const node = Math.floor(Math.pow(random(), 1.5) * nodeCount);
  samples[index] = node + 1;
  nodes[node].hitCount++;
  timeDeltas[index] = 900 + Math.floor(random() * 200);
}
for (const node of nodes) if (node.children.length === 0) delete node.children;
const startTime = 1000000;
const endTime = startTime + timeDeltas.reduce((a, b) => a + b, 0) + 1000;
fs.writeFileSync(out, JSON.stringify({ nodes, startTime, endTime, samples, timeDeltas }));

if (foldedOut) {
  const names = nodes.map((node) => {
    const frame = node.callFrame;
    const name = frame.functionName || "(anonymous)";
    return frame.url ? `${name} (${frame.url.slice(7)}:${frame.lineNumber + 1})` : name;
  });
  const lines = [];
  for (let index = 1; index < nodeCount; index++) {
    if (nodes[index].hitCount === 0) continue;
    const path = [];
    for (let current = index; current > 0; current = parents[current]) path.push(names[current]);
    lines.push(`${path.reverse().join(";")} ${nodes[index].hitCount}`);
  }
  fs.writeFileSync(foldedOut, lines.join("\n") + "\n");
}

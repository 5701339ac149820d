// Second SHACL engine for cross-checking kgbuild's pySHACL verdicts.
// Usage: node validate.mjs --shapes a.ttl [b.ttl ...] --data x.ttl [ontology.ttl ...]
// Prints one JSON object: {"conforms": bool, "results": [{"focus", "path", "shape", "component"}]}.
// rdf-validate-shacl implements SHACL Core (not SHACL-SPARQL), so SPARQL-based constraints are not checked here.
import rdf from '@zazuko/env-node'
import SHACLValidator from 'rdf-validate-shacl'

const args = process.argv.slice(2)
const shapesFiles = []
const dataFiles = []
let target = null
for (const arg of args) {
  if (arg === '--shapes') target = shapesFiles
  else if (arg === '--data') target = dataFiles
  else if (target) target.push(arg)
}

async function load (files) {
  const dataset = rdf.dataset()
  for (const file of files) {
    await dataset.import(rdf.fromFile(file))
  }
  return dataset
}

const shapes = await load(shapesFiles)
// drop SHACL-SPARQL constraints, which this engine does not implement
for (const quad of [...shapes.match(null, rdf.ns.sh.sparql, null)]) shapes.delete(quad)
const data = await load(dataFiles)
const validator = new SHACLValidator(shapes, { factory: rdf })
const report = await validator.validate(data)
const results = report.results.map((r) => ({
  focus: r.focusNode?.value ?? null,
  path: r.path?.value ?? null,
  shape: r.sourceShape?.value ?? null,
  component: r.sourceConstraintComponent?.value ?? null
}))
process.stdout.write(JSON.stringify({ conforms: report.conforms, results }) + '\n')

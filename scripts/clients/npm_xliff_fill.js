// Fills an XLIFF file with the npm package `xliff` (6.x), as a web or
// Node translation pipeline does: parse to its JS object, set targets,
// write the object back. What the package keeps and drops is what we
// measure, so nothing here repairs its output.
//
//   node npm_xliff_fill.js 20|12 IN OUT EDITS.json
//
// EDITS.json: {"targets": {"s1": "..."}, "edit_source": {"s2": "..."},
//              "delete": ["s4"], "swap": ["s1", "s2"]}
// (swap exchanges two units' ids: each keeps its source and target.)
"use strict";
const fs = require("fs");
const xliff = require("xliff");

async function main() {
  const [version, input, output, editsPath] = process.argv.slice(2);
  const edits = JSON.parse(fs.readFileSync(editsPath, "utf8"));
  const text = fs.readFileSync(input, "utf8");
  const js = version === "20" ? await xliff.xliff2js(text) : await xliff.xliff12ToJs(text);
  for (const file of Object.keys(js.resources)) {
    const units = js.resources[file];
    for (const id of Object.keys(units)) {
      if (edits.targets && id in edits.targets) units[id].target = edits.targets[id];
      if (edits.edit_source && id in edits.edit_source) units[id].source = edits.edit_source[id];
    }
    for (const id of edits.delete || []) delete units[id];
    if (edits.swap && edits.swap[0] in units && edits.swap[1] in units) {
      const [a, b] = edits.swap;
      // Rebuild the object so that the document order stays as it was.
      const swapped = {};
      for (const id of Object.keys(units)) {
        if (id === a) swapped[a] = units[b];
        else if (id === b) swapped[b] = units[a];
        else swapped[id] = units[id];
      }
      js.resources[file] = swapped;
    }
  }
  const out = version === "20" ? await xliff.js2xliff(js) : await xliff.jsToXliff12(js);
  fs.writeFileSync(output, out);
}

main().catch((e) => {
  console.error(`npm_xliff_fill: ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});

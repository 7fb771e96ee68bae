// Parses each Mermaid file named on the command line with mermaid.parse()
// (Mermaid's own grammar, in a jsdom document) and says which ones it
// refuses, and where. Exit status: 0 all parse, 1 some do not.
import { JSDOM } from 'jsdom';
import fs from 'fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaid = (await import('mermaid')).default;
mermaid.initialize({ startOnLoad: false });

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(fs.readFileSync(file, 'utf8'));
    console.log('ok   ' + file);
  } catch (e) {
    failed = true;
    console.log('FAIL ' + file + ': ' + String(e.message || e).split('\n').slice(0, 3).join(' | '));
  }
}
process.exit(failed ? 1 : 0);

// Parses each DBML file named on the command line with @dbml/core (the
// parser dbdiagram.io uses) and says which ones it refuses, and where.
// Exit status: 0 all parse, 1 some do not.
'use strict';
const { Parser } = require('@dbml/core');
const fs = require('fs');

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    Parser.parse(fs.readFileSync(file, 'utf8'), 'dbml');
    console.log('ok   ' + file);
  } catch (e) {
    failed = true;
    const diags = e.diags || [{ message: String(e) }];
    for (const d of diags) {
      const at = d.location && d.location.start;
      console.log('FAIL ' + file + (at ? ':' + at.line + ':' + at.column : '') + ': ' + d.message);
    }
  }
}
process.exit(failed ? 1 : 0);

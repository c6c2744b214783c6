#!/usr/bin/env node
// The command from the TypeScript sources, through tsx: for working on Tierwise
// (tests run it). Users get the built dist/tierwise.js (npm run build:cli; ADR 0021).
require('tsx/cjs');
require('../src/cli/entry.ts');

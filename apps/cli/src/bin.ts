#!/usr/bin/env node
import { main } from './main.js';
import { quietStdioErrors } from './stdio.js';

quietStdioErrors();
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
import { runCli } from './run.js';
import { processTerminal } from './terminal.js';

declare const __SPAREKEY_VERSION__: string;

const exitCode = await runCli(process.argv.slice(2), processTerminal(), __SPAREKEY_VERSION__);
process.exitCode = exitCode;
